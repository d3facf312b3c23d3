import {
  CreateProcessingJobCommand,
  DeleteProcessingJobCommand,
  DescribeProcessingJobCommand,
  ListProcessingJobsCommand,
  StopProcessingJobCommand,
} from "@aws-sdk/client-sagemaker";
import fc from "fast-check";
import { describe } from "vitest";
import { type JobKind, type Limits, testJobModel } from "./fixtures/job-model.js";
import { processingJobRequest, SIMPLE_JOB_LIFE, SIMPLE_JOB_DURATIONS } from "./fixtures/jobs.js";

/** The model-based test every job kind shares (fixtures/job-model.ts), for processing jobs. */

const NOT_FOUND = (name: string): string => `Could not find requested job with name ${name}`;

const PROCESSING_JOB: JobKind = {
  noun: "processing job",
  arnType: "processing-job",
  commands: {
    create: CreateProcessingJobCommand,
    describe: DescribeProcessingJobCommand,
    stop: StopProcessingJobCommand,
    delete: DeleteProcessingJobCommand,
    list: ListProcessingJobsCommand,
  },
  members: {
    name: "ProcessingJobName",
    arn: "ProcessingJobArn",
    status: "ProcessingJobStatus",
    start: "ProcessingStartTime",
    end: "ProcessingEndTime",
    lastModified: "LastModifiedTime",
    summaries: "ProcessingJobSummaries",
    // A rule's failure text is the container's message too.
    failure: ["FailureReason", "ExitMessage"],
  },
  request: (name, { maxRuntimeSeconds }) =>
    processingJobRequest({
      ProcessingJobName: name,
      StoppingCondition: maxRuntimeSeconds === undefined ? undefined : { MaxRuntimeInSeconds: maxRuntimeSeconds },
    }),
  // The limit is optional for processing jobs: without one there is none.
  limits: fc
    .option(fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 601, max: 3_600 })), { nil: undefined })
    .map((maxRuntimeSeconds): Limits => (maxRuntimeSeconds === undefined ? {} : { maxRuntimeSeconds })),
  durations: SIMPLE_JOB_DURATIONS,
  life: SIMPLE_JOB_LIFE,
  notFound: { describe: NOT_FOUND, stop: NOT_FOUND, delete: NOT_FOUND },
  // [DOC] ListProcessingJobs: CreationTime, Ascending.
  defaultSortOrder: "Ascending",
};

describe("processing jobs, model-based", () => {
  testJobModel(PROCESSING_JOB);
});
