import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
  type CreateTrainingJobCommandInput,
  type DescribeTrainingJobCommandOutput,
  type TrainingJobStatus,
} from "@aws-sdk/client-sagemaker";
import { JOB_OUTCOMES, sendOptions, type JobKind, type JobOutcome } from "./job-kind.js";

// SageMaker's own limits stop a job with their name as the secondary status (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html).
const STOPPED_BY_LIMIT: Readonly<Record<string, JobOutcome | undefined>> = {
  MaxRuntimeExceeded: "maxRuntimeExceeded",
  MaxWaitTimeExceeded: "maxWaitTimeExceeded",
};

/**
 * SageMaker training jobs (CreateTrainingJob / DescribeTrainingJob / StopTrainingJob).
 *
 * Terminal-state table. Only `Completed` is a success. The AWS waiter
 * `waitUntilTrainingJobCompletedOrStopped` counts `Stopped` as success too (aws-sdk-js-v3
 * `waitForTrainingJobCompletedOrStopped.ts`), which made Airflow report a job stopped in the
 * console as a successful task (apache/airflow#42423); Airflow's own `TrainingJobComplete` waiter
 * treats Stopped as failure (the Amazon provider's `waiters/sagemaker.json`), and so does sagerun.
 *
 * | TrainingJobStatus | SecondaryStatus (API reference, DescribeTrainingJob) | outcome |
 * |---|---|---|
 * | InProgress, Stopping | any | running |
 * | Completed | Completed | completed |
 * | Failed | Failed | failed → JobFailedError (FailureReason) |
 * | Stopped | MaxRuntimeExceeded | maxRuntimeExceeded → MaxRuntimeExceededError (raise MaxRuntimeInSeconds) |
 * | Stopped | MaxWaitTimeExceeded (managed spot) | maxWaitTimeExceeded → MaxWaitTimeExceededError (raise MaxWaitTimeInSeconds) |
 * | Stopped | Stopped | stopped → JobStoppedError (a stop request reached it) |
 * | Deleting | any | stopped → JobStoppedError: DeleteTrainingJob only accepts finished jobs, and the outcome is gone |
 *
 * @example
 * ```ts
 * import { runJob, trainingJob } from "@sagerun/operators";
 * await runJob(trainingJob, config, { client });
 * ```
 */
export const trainingJob: JobKind<CreateTrainingJobCommandInput, DescribeTrainingJobCommandOutput, TrainingJobStatus> = {
  label: "training job",
  exportName: "trainingJob",
  nameField: "TrainingJobName",
  tagsField: "Tags",
  arnField: "TrainingJobArn",
  statusField: "TrainingJobStatus",
  secondaryStatusField: "SecondaryStatus",
  failureReasonField: "FailureReason",
  logGroup: "/aws/sagemaker/TrainingJobs",
  testModeKind: "training",
  commands: {
    create: (client, input) => client.send(new CreateTrainingJobCommand(input)),
    describe: (client, name, abortSignal) =>
      client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }), sendOptions(abortSignal)),
    stop: (client, name) => client.send(new StopTrainingJobCommand({ TrainingJobName: name })),
  },
  outcomes: {
    ...JOB_OUTCOMES,
    Stopped: (d) => STOPPED_BY_LIMIT[d.SecondaryStatus ?? ""] ?? "stopped",
    Deleting: "stopped",
  },
  maxRuntimeSeconds: (d) => d.StoppingCondition?.MaxRuntimeInSeconds,
  maxWaitTimeSeconds: (d) => d.StoppingCondition?.MaxWaitTimeInSeconds,
};
