import {
  CreateProcessingJobCommand,
  DescribeProcessingJobCommand,
  StopProcessingJobCommand,
  type CreateProcessingJobCommandInput,
  type DescribeProcessingJobCommandOutput,
  type ProcessingJobStatus,
} from "@aws-sdk/client-sagemaker";
import { JOB_OUTCOMES, sendOptions, type JobKind } from "./job-kind.js";

/**
 * SageMaker processing jobs (CreateProcessingJob / DescribeProcessingJob / StopProcessingJob).
 *
 * Terminal-state table. Only `Completed` is a success. Airflow's deferred processing path kept
 * polling a Stopped job and never failed (apache/airflow#67281, fixed in #67291).
 *
 * | ProcessingJobStatus | outcome |
 * |---|---|
 * | InProgress, Stopping | running |
 * | Completed | completed |
 * | Failed | failed → JobFailedError (FailureReason) |
 * | Stopped | stopped → JobStoppedError |
 *
 * A job that reaches `StoppingCondition.MaxRuntimeInSeconds` is stopped too
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingStoppingCondition.html),
 * but DescribeProcessingJob has no secondary status, and `ExitMessage` is whatever the container
 * left (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeProcessingJob.html):
 * nothing tells a runtime stop from a stop request, so both are `stopped`. The error's description
 * still carries the limit (`StoppingCondition`) and the times to compare it with.
 *
 * @example
 * ```ts
 * import { processingJob, runJob } from "@sagerun/operators";
 * await runJob(processingJob, config, { client, clock });
 * ```
 */
export const processingJob: JobKind<CreateProcessingJobCommandInput, DescribeProcessingJobCommandOutput, ProcessingJobStatus> = {
  label: "processing job",
  exportName: "processingJob",
  nameField: "ProcessingJobName",
  tagsField: "Tags",
  arnField: "ProcessingJobArn",
  statusField: "ProcessingJobStatus",
  failureReasonField: "FailureReason",
  logGroup: "/aws/sagemaker/ProcessingJobs",
  testModeKind: "processing",
  commands: {
    create: (client, input) => client.send(new CreateProcessingJobCommand(input)),
    describe: (client, name, abortSignal) =>
      client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }), sendOptions(abortSignal)),
    stop: (client, name) => client.send(new StopProcessingJobCommand({ ProcessingJobName: name })),
  },
  outcomes: JOB_OUTCOMES,
  maxRuntimeSeconds: (d) => d.StoppingCondition?.MaxRuntimeInSeconds,
};
