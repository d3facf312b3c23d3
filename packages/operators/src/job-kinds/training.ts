import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
  type CreateTrainingJobCommandInput,
  type DescribeTrainingJobCommandOutput,
  type TrainingJobStatus,
} from "@aws-sdk/client-sagemaker";
import type { JobKind } from "./job-kind.js";

/**
 * SageMaker training jobs (CreateTrainingJob / DescribeTrainingJob / StopTrainingJob).
 *
 * Terminal-state table. Only `Completed` is a success. The AWS waiter
 * `waitUntilTrainingJobCompletedOrStopped` counts `Stopped` as success too (aws-sdk-js-v3
 * `waitForTrainingJobCompletedOrStopped.ts`), which made Airflow report a job stopped in the
 * console as a successful task (apache/airflow#42423); Airflow's own `TrainingJobComplete` waiter
 * treats Stopped as failure (airflow-sagemaker-operators.md §4), and so does sagerun.
 *
 * | TrainingJobStatus | SecondaryStatus (sagemaker-semantics.md §5.1) | outcome |
 * |---|---|---|
 * | InProgress, Stopping | any | running |
 * | Completed | Completed | completed |
 * | Failed | Failed | failed → JobFailedError (FailureReason) |
 * | Stopped | MaxRuntimeExceeded | maxRuntimeExceeded → MaxRuntimeExceededError |
 * | Stopped | Stopped, MaxWaitTimeExceeded (spot) | stopped → JobStoppedError |
 * | Deleting | - | stopped: DeleteTrainingJob only accepts finished jobs, and the outcome is gone |
 *
 * @example
 * ```ts
 * import { runJob, trainingJob } from "@sagerun/operators";
 * await runJob(trainingJob, config, { client });
 * ```
 */
export const trainingJob: JobKind<CreateTrainingJobCommandInput, DescribeTrainingJobCommandOutput, TrainingJobStatus> = {
  label: "training job",
  nameField: "TrainingJobName",
  statusField: "TrainingJobStatus",
  secondaryStatusField: "SecondaryStatus",
  failureReasonField: "FailureReason",
  commands: {
    create: (client, input) => client.send(new CreateTrainingJobCommand(input)),
    describe: (client, name, abortSignal) =>
      client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }), { abortSignal }),
    stop: (client, name) => client.send(new StopTrainingJobCommand({ TrainingJobName: name })),
  },
  outcomes: {
    InProgress: "running",
    Stopping: "running",
    Completed: "completed",
    Failed: "failed",
    Stopped: (d) => (d.SecondaryStatus === "MaxRuntimeExceeded" ? "maxRuntimeExceeded" : "stopped"),
    Deleting: "stopped",
  },
  maxRuntimeSeconds: (d) => d.StoppingCondition?.MaxRuntimeInSeconds,
};
