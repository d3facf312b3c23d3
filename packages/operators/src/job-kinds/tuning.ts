import {
  CreateHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  StopHyperParameterTuningJobCommand,
  type CreateHyperParameterTuningJobCommandInput,
  type DescribeHyperParameterTuningJobCommandOutput,
  type HyperParameterTuningJobStatus,
} from "@aws-sdk/client-sagemaker";
import { JOB_OUTCOMES, sendOptions, type JobKind } from "./job-kind.js";

/**
 * SageMaker hyperparameter tuning jobs (CreateHyperParameterTuningJob /
 * DescribeHyperParameterTuningJob / StopHyperParameterTuningJob, which also stops the training
 * jobs the tuning job launched).
 *
 * Terminal-state table. Only `Completed` is a success; Airflow's `SageMakerTuningSensor` counts
 * Stopped as a success.
 *
 * | HyperParameterTuningJobStatus | outcome |
 * |---|---|
 * | InProgress, Stopping | running |
 * | Completed | completed |
 * | Failed | failed → JobFailedError (FailureReason) |
 * | Stopped | stopped → JobStoppedError |
 * | Deleting, DeleteFailed | stopped → JobStoppedError: DeleteHyperParameterTuningJob removes the job's entry, and the status no longer says how it ended |
 *
 * The status values are the API reference's
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeHyperParameterTuningJob.html).
 * A tuning job writes no CloudWatch log group of its own (its training jobs do), so its waits take
 * no `logs` option.
 *
 * @example
 * ```ts
 * import { runJob, tuningJob } from "@sagerun/operators";
 * await runJob(tuningJob, config, { client, clock });
 * ```
 */
export const tuningJob: JobKind<
  CreateHyperParameterTuningJobCommandInput,
  DescribeHyperParameterTuningJobCommandOutput,
  HyperParameterTuningJobStatus
> = {
  label: "hyperparameter tuning job",
  exportName: "tuningJob",
  nameField: "HyperParameterTuningJobName",
  // [MODEL] HyperParameterTuningJobName: `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}`, 1–32 characters.
  maxNameLength: 32,
  tagsField: "Tags",
  arnField: "HyperParameterTuningJobArn",
  statusField: "HyperParameterTuningJobStatus",
  failureReasonField: "FailureReason",
  testModeKind: "tuning",
  commands: {
    create: (client, input) => client.send(new CreateHyperParameterTuningJobCommand(input)),
    describe: (client, name, abortSignal) =>
      client.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name }), sendOptions(abortSignal)),
    stop: (client, name) => client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name })),
  },
  outcomes: {
    ...JOB_OUTCOMES,
    Deleting: "stopped",
    DeleteFailed: "stopped",
  },
};
