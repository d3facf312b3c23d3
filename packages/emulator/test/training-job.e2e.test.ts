import {
  CreateTrainingJobCommand,
  DeleteTrainingJobCommand,
  DescribeTrainingJobCommand,
  ResourceInUse,
  StopTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator, ROUND_DURATIONS, trainingJobRequest } from "./fixtures.js";

const S = 1000;

describe("training job lifecycle", () => {
  it("walks Starting → Downloading → Training → Uploading → Completed with the SDK's status messages", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    const t0 = clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const describe = () => client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));

    const seen: string[] = [];
    for (const at of [0, 59, 60, 90, 500, 690, 720]) {
      await clock.advanceTo(t0 + at * S);
      const d = await describe();
      seen.push(`${at}:${d.TrainingJobStatus}/${d.SecondaryStatus}`);
    }
    expect(seen).toEqual([
      "0:InProgress/Starting",
      "59:InProgress/Starting",
      "60:InProgress/Downloading",
      "90:InProgress/Training",
      "500:InProgress/Training",
      "690:InProgress/Uploading",
      "720:Completed/Completed",
    ]);

    const done = await describe();
    expect(done.CreationTime).toEqual(new Date(t0));
    expect(done.TrainingStartTime).toEqual(new Date(t0 + 60 * S));
    expect(done.TrainingEndTime).toEqual(new Date(t0 + 720 * S));
    expect(done.LastModifiedTime).toEqual(new Date(t0 + 720 * S));
    expect(done.TrainingTimeInSeconds).toBe(660);
    expect(done.BillableTimeInSeconds).toBe(660);
    expect(done.ModelArtifacts?.S3ModelArtifacts).toBe("s3://bucket/churn/output/xgb-churn/output/model.tar.gz");
    expect(done.FailureReason).toBeUndefined();
    expect(done.SecondaryStatusTransitions?.map((t) => [t.Status, t.StatusMessage])).toEqual([
      ["Starting", "Preparing the instances for training"],
      ["Downloading", "Downloading input data"],
      ["Training", "Training image download completed. Training in progress."],
      ["Uploading", "Uploading generated training model"],
      ["Completed", "Training job completed"],
    ]);
    const transitions = done.SecondaryStatusTransitions!;
    for (let i = 1; i < transitions.length; i++) {
      expect(transitions[i - 1]!.EndTime).toEqual(transitions[i]!.StartTime);
    }
  });

  it("updates the current transition's message in place while the status stays the same", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    const t0 = clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    await clock.advanceTo(t0 + 25 * S);
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d.SecondaryStatusTransitions).toHaveLength(1);
    expect(d.SecondaryStatusTransitions![0]!.StatusMessage).toBe("Launching requested ML instances");
    expect(d.SecondaryStatusTransitions![0]!.EndTime).toBeUndefined();
    expect(d.LastModifiedTime).toEqual(new Date(t0 + 20 * S));
    expect(d.TrainingStartTime).toBeUndefined();
  });

  it("skips Downloading in Pipe mode ([DOC] Downloading is for File mode)", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    const t0 = clock.now();
    const request = trainingJobRequest();
    await client.send(
      new CreateTrainingJobCommand({
        ...request,
        AlgorithmSpecification: { ...request.AlgorithmSpecification!, TrainingInputMode: "Pipe" },
      }),
    );
    await clock.advanceTo(t0 + 60 * S);
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d.SecondaryStatus).toBe("Training");
  });

  it("stops a job that runs out of MaxRuntimeInSeconds: Stopping, then Stopped/MaxRuntimeExceeded, billing capped", async () => {
    const { clock, client } = manualEmulator({ durations: { ...ROUND_DURATIONS, trainingSeconds: 7200 } });
    const t0 = clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ StoppingCondition: { MaxRuntimeInSeconds: 600 } })));
    await clock.advanceTo(t0 + (60 + 600) * S);
    const stopping = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect([stopping.TrainingJobStatus, stopping.SecondaryStatus]).toEqual(["Stopping", "Stopping"]);

    await clock.advanceTo(t0 + (60 + 600 + 20) * S);
    const stopped = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toEqual(["Stopped", "MaxRuntimeExceeded"]);
    expect(stopped.TrainingEndTime).toEqual(new Date(t0 + 680 * S));
    expect(stopped.TrainingTimeInSeconds).toBe(620);
    expect(stopped.BillableTimeInSeconds).toBe(600);
    expect(stopped.ModelArtifacts?.S3ModelArtifacts).toMatch(/model\.tar\.gz$/);
  });

  it("fails as a rule says, with the FailureReason in SageMaker's '<Category>: <text>' form", async () => {
    const { clock, client } = manualEmulator({
      durations: ROUND_DURATIONS,
      rules: [
        {
          match: { name: /^bad-/ },
          outcome: { status: "Failed", failureReason: "AlgorithmError: ExecuteUserScriptError", afterSeconds: 100 },
        },
      ],
    });
    const t0 = clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "bad-run" })));
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "good-run" })));
    await clock.advanceTo(t0 + 3600 * S);
    const bad = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "bad-run" }));
    expect([bad.TrainingJobStatus, bad.SecondaryStatus, bad.FailureReason]).toEqual([
      "Failed",
      "Failed",
      "AlgorithmError: ExecuteUserScriptError",
    ]);
    expect(bad.TrainingEndTime).toEqual(new Date(t0 + (60 + 30 + 100) * S));
    const good = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "good-run" }));
    expect(good.TrainingJobStatus).toBe("Completed");
  });

  it("matches rules on image and hyperparameters, and uses rule durations", async () => {
    const { clock, client } = manualEmulator({
      durations: ROUND_DURATIONS,
      rules: [{ match: { image: /churn-trainer/, hyperParameters: { max_depth: "5" } }, durations: { trainingSeconds: 10 } }],
    });
    const t0 = clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    await clock.advanceTo(t0 + (60 + 30 + 10 + 30) * S);
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d.TrainingJobStatus).toBe("Completed");
  });

  it("stops on StopTrainingJob: Stopping, then Stopped/Stopped after the stopping time", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    const t0 = clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    await clock.advanceTo(t0 + 200 * S);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    const stopping = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect([stopping.TrainingJobStatus, stopping.SecondaryStatus]).toEqual(["Stopping", "Stopping"]);
    expect(stopping.LastModifiedTime).toEqual(new Date(t0 + 200 * S));
    await clock.advanceTo(t0 + 220 * S);
    const stopped = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toEqual(["Stopped", "Stopped"]);
    expect(stopped.TrainingTimeInSeconds).toBe(160);
  });

  it("lower-cases the name in the ARN and keeps the case in the name (aws/amazon-sagemaker-examples#293)", async () => {
    const { client } = manualEmulator();
    const { TrainingJobArn } = await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "XGB-Churn" })));
    expect(TrainingJobArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-churn");
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-CHURN" }));
    expect(d.TrainingJobName).toBe("XGB-Churn");
  });
});

describe("training job errors", () => {
  it("answers a missing job with ValidationException 'Requested resource not found.' (aws/aws-sdk#165, boto/boto3#2808)", async () => {
    const { client } = manualEmulator();
    for (const command of [
      new DescribeTrainingJobCommand({ TrainingJobName: "nope" }),
      new StopTrainingJobCommand({ TrainingJobName: "nope" }),
      new DeleteTrainingJobCommand({ TrainingJobName: "nope" }),
    ]) {
      const error = await errorOf(() => client.send(command as DescribeTrainingJobCommand));
      expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
        "ValidationException",
        "Requested resource not found.",
        400,
      ]);
    }
  });

  it("refuses a duplicate name, case-insensitively, with ResourceInUse and the ARN (aws/amazon-sagemaker-examples#3108)", async () => {
    const { client } = manualEmulator();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "Job-A" })));
    const error = await errorOf(() => client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "job-a" }))));
    expect(error).toBeInstanceOf(ResourceInUse);
    expect(error.message).toBe(
      "Training job names must be unique within an AWS account and region, and a training job with this name already exists (arn:aws:sagemaker:us-east-1:123456789012:training-job/job-a)",
    );
  });

  it.each(["Completed", "Stopped", "Failed"])(
    "refuses to stop a %s job with the status in the message (awslabs/benchmark-ai#928)",
    async (status) => {
      const { clock, client } = manualEmulator({
        durations: ROUND_DURATIONS,
        rules: status === "Failed" ? [{ outcome: { status: "Failed" } }] : [],
      });
      await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
      if (status === "Stopped") {
        await client.send(new StopTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
      }
      await clock.advance(24 * 3600 * S);
      const error = await errorOf(() => client.send(new StopTrainingJobCommand({ TrainingJobName: "xgb-churn" })));
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        `The request was rejected because the training job is in status ${status}.`,
      ]);
    },
  );

  it("refuses to delete a running job, deletes a finished one, and frees its name ([DOC] DeleteTrainingJob)", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const busy = await errorOf(() => client.send(new DeleteTrainingJobCommand({ TrainingJobName: "xgb-churn" })));
    expect([busy.name, busy.message]).toEqual([
      "ResourceInUse",
      "The request was rejected because the training job is in status InProgress.",
    ]);
    await clock.advance(3600 * S);
    await client.send(new DeleteTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    const gone = await errorOf(() => client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" })));
    expect(gone.message).toBe("Requested resource not found.");
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
  });

  it("requires AlgorithmSpecification and ResourceConfig for classic (non-serverless) jobs", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() => client.send(new CreateTrainingJobCommand(trainingJobRequest({ ResourceConfig: undefined }))));
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      "1 validation error detected: Value null at 'resourceConfig' failed to satisfy constraint: Member must not be null",
    ]);
  });
});
