import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  paginateListTrainingJobs,
  ResourceInUse,
  SageMakerServiceException,
  StopTrainingJobCommand,
  waitUntilTrainingJobCompletedOrStopped,
} from "@aws-sdk/client-sagemaker";
import { expect } from "vitest";
import { errorOf, trainingJobRequest } from "../fixtures.js";
import type { FrontDoor } from "./front-door.js";

const ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job";
const describeJob = (door: FrontDoor, name = "xgb-churn") => door.client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
const createJob = (door: FrontDoor, name = "xgb-churn") =>
  door.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));

/** Training-job behaviour every front door must carry unchanged (errors, lifecycle and paging as the service answers them). */
export const TRAINING_JOB_CASES: Readonly<Record<string, (door: FrontDoor) => Promise<void>>> = {
  "creates, describes, lists and stops a training job": async (door) => {
    const { TrainingJobArn } = await createJob(door);
    expect(TrainingJobArn).toBe(`${ARN}/xgb-churn`);
    const described = await describeJob(door);
    expect([described.TrainingJobStatus, described.SecondaryStatus]).toEqual(["InProgress", "Starting"]);
    expect(described.CreationTime).toBeInstanceOf(Date);
    const listed = await door.client.send(new ListTrainingJobsCommand({}));
    expect(listed.TrainingJobSummaries?.map((s) => [s.TrainingJobName, s.TrainingJobStatus])).toEqual([["xgb-churn", "InProgress"]]);
    await door.client.send(new StopTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect((await describeJob(door)).TrainingJobStatus).toBe("Stopping");
    await door.advance(3600);
    const stopped = await describeJob(door);
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toEqual(["Stopped", "Stopped"]);
  },

  "runs a training job to Completed when the clock advances": async (door) => {
    await createJob(door);
    await door.advance(3600);
    const done = await describeJob(door);
    expect([done.TrainingJobStatus, done.SecondaryStatus]).toEqual(["Completed", "Completed"]);
    expect(done.TrainingEndTime!.getTime()).toBeGreaterThan(done.CreationTime!.getTime());
    expect(done.ModelArtifacts?.S3ModelArtifacts).toBe("s3://bucket/churn/output/xgb-churn/output/model.tar.gz");
  },

  "lets the SDK's waitUntilTrainingJobCompletedOrStopped see the job complete": async (door) => {
    await createJob(door);
    const waiting = waitUntilTrainingJobCompletedOrStopped(
      { client: door.client, maxWaitTime: 20, minDelay: 0.01, maxDelay: 0.05 },
      { TrainingJobName: "xgb-churn" },
    );
    await door.advance(3600);
    expect((await waiting).state).toBe("SUCCESS");
  },

  "answers a missing job with ValidationException 'Requested resource not found.', HTTP 400 (aws/aws-sdk#165)": async (door) => {
    const error = await errorOf(() => describeJob(door, "nope"));
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
      "ValidationException",
      "Requested resource not found.",
      400,
    ]);
  },

  "refuses a duplicate name with the SDK's ResourceInUse class and the ARN (aws/amazon-sagemaker-examples#3108)": async (door) => {
    await createJob(door, "Job-A");
    const error = await errorOf(() => createJob(door, "job-a"));
    expect(error).toBeInstanceOf(ResourceInUse);
    expect(error.message).toBe(
      `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${ARN}/job-a)`,
    );
  },

  "reports a constraint violation in Coral's '1 validation error detected' form (aws-samples/sagemaker-ml-workflow-with-apache-airflow#3)":
    async (door) => {
      const error = await errorOf(() => describeJob(door, "bad_name"));
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        "1 validation error detected: Value 'bad_name' at 'trainingJobName' failed to satisfy constraint: " +
          "Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
      ]);
    },

  "pages ListTrainingJobs by MaxResults and NextToken, and the SDK paginator walks every page (paginators-1.json)": async (door) => {
    const names = ["job-1", "job-2", "job-3", "job-4", "job-5"];
    for (const name of names) {
      await createJob(door, name);
      await door.advance(1);
    }
    const first = await door.client.send(new ListTrainingJobsCommand({ MaxResults: 2 }));
    expect(first.TrainingJobSummaries?.map((s) => s.TrainingJobName)).toEqual(["job-1", "job-2"]);
    expect(first.NextToken).toEqual(expect.any(String));
    const pages: string[][] = [];
    for await (const page of paginateListTrainingJobs({ client: door.client, pageSize: 2 }, {})) {
      pages.push(page.TrainingJobSummaries!.map((s) => s.TrainingJobName!));
    }
    expect(pages).toEqual([["job-1", "job-2"], ["job-3", "job-4"], ["job-5"]]);
  },
};
