import {
  CreateTransformJobCommand,
  DescribeTransformJobCommand,
  StopTransformJobCommand,
  type CreateTransformJobCommandInput,
  type DescribeTransformJobCommandOutput,
  type TransformJobStatus,
} from "@aws-sdk/client-sagemaker";
import { JOB_OUTCOMES, sendOptions, type JobKind } from "./job-kind.js";

/**
 * SageMaker batch transform jobs (CreateTransformJob / DescribeTransformJob / StopTransformJob).
 *
 * Terminal-state table. Only `Completed` is a success. Airflow's `SageMakerTransformSensor` still
 * counts Stopped as a success, and after its triggers moved to `AwsBaseWaiterTrigger` a failed
 * deferred transform job was reported successful (apache/airflow#68927, fixed in #69042).
 *
 * | TransformJobStatus | outcome |
 * |---|---|
 * | InProgress, Stopping | running |
 * | Completed | completed |
 * | Failed | failed → JobFailedError (FailureReason) |
 * | Stopped | stopped → JobStoppedError |
 *
 * Transform jobs have no runtime limit of their own and no secondary status
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTransformJob.html).
 *
 * @example
 * ```ts
 * import { runJob, transformJob } from "@sagerun/operators";
 * await runJob(transformJob, config, { client, clock });
 * ```
 */
export const transformJob: JobKind<CreateTransformJobCommandInput, DescribeTransformJobCommandOutput, TransformJobStatus> = {
  label: "transform job",
  exportName: "transformJob",
  nameField: "TransformJobName",
  tagsField: "Tags",
  arnField: "TransformJobArn",
  statusField: "TransformJobStatus",
  failureReasonField: "FailureReason",
  logGroup: "/aws/sagemaker/TransformJobs",
  testModeKind: "transform",
  commands: {
    create: (client, input) => client.send(new CreateTransformJobCommand(input)),
    describe: (client, name, abortSignal) =>
      client.send(new DescribeTransformJobCommand({ TransformJobName: name }), sendOptions(abortSignal)),
    stop: (client, name) => client.send(new StopTransformJobCommand({ TransformJobName: name })),
  },
  outcomes: JOB_OUTCOMES,
};
