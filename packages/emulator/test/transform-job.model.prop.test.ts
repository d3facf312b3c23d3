import {
  CreateModelCommand,
  CreateTransformJobCommand,
  DescribeTransformJobCommand,
  ListTransformJobsCommand,
  StopTransformJobCommand,
} from "@aws-sdk/client-sagemaker";
import { describe } from "vitest";
import { testJobModel, type JobKind } from "./fixtures/job-model.js";
import { modelRequest } from "./fixtures/hosting.js";
import { SIMPLE_JOB_DURATIONS, SIMPLE_JOB_LIFE, transformJobRequest } from "./fixtures/jobs.js";

/** The model-based test every job kind shares (fixtures/job-model.ts), for batch transform jobs. */

const TRANSFORM_JOB: JobKind = {
  noun: "transform job",
  arnType: "transform-job",
  // There is no DeleteTransformJob.
  commands: {
    create: CreateTransformJobCommand,
    describe: DescribeTransformJobCommand,
    stop: StopTransformJobCommand,
    list: ListTransformJobsCommand,
  },
  members: {
    name: "TransformJobName",
    arn: "TransformJobArn",
    status: "TransformJobStatus",
    start: "TransformStartTime",
    end: "TransformEndTime",
    // [MODEL] DescribeTransformJob has no LastModifiedTime.
    summaries: "TransformJobSummaries",
    failure: ["FailureReason"],
  },
  // No StoppingCondition: a transform job has no runtime limit.
  request: (name) => transformJobRequest({ TransformJobName: name }),
  durations: SIMPLE_JOB_DURATIONS,
  life: SIMPLE_JOB_LIFE,
  notFound: {
    describe: (name) => `Could not find requested job with name ${name}`,
    stop: (name) => `Could not find job to update with name ${name}`,
  },
  // [DOC] ListTransformJobs: CreationTime, Descending.
  defaultSortOrder: "Descending",
  // Every job transforms with the model `churn-model`.
  setup: async (client) => {
    await client.send(new CreateModelCommand(modelRequest()));
  },
};

describe("transform jobs, model-based", () => {
  testJobModel(TRANSFORM_JOB);
});
