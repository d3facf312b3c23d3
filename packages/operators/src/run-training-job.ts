import type { CreateTrainingJobCommandInput, DescribeTrainingJobCommandOutput } from "@aws-sdk/client-sagemaker";
import type { JobDescription } from "./job-kinds/job-kind.js";
import { trainingJob } from "./job-kinds/training.js";
import { runJob, type RunJobOptions, type RunJobResult } from "./run-job.js";

/** A training job's Describe output as sagerun returns it: JSON-safe, without `$metadata`. */
export type TrainingJobDescription = JobDescription<DescribeTrainingJobCommandOutput>;

/** Options of {@link runTrainingJob}. */
export type RunTrainingJobOptions = RunJobOptions<TrainingJobDescription>;

/**
 * Runs a SageMaker training job the way Airflow's `SageMakerTrainingOperator` does: settle the
 * name (`onExists`, default `"timestamp"`), CreateTrainingJob with `config` plus a
 * `sagerun:run-id` tag (so a retried Create whose answer was lost never starts a second job), poll
 * DescribeTrainingJob every 30 s until the job finishes, and return the final description.
 *
 * Only `Completed` resolves. `Failed` rejects with `JobFailedError` (with `FailureReason`);
 * `Stopped` with `JobStoppedError`, or `MaxRuntimeExceededError` / `MaxWaitTimeExceededError` when
 * SageMaker stopped it at `StoppingCondition.MaxRuntimeInSeconds` / `MaxWaitTimeInSeconds` (spot);
 * a wait limit with `WaitTimeoutError`; a wait that breaks off (Describe failing past the
 * transient-error cap, `onStatusChange` throwing) with `WaitFailedError`. All carry `jobName`.
 * With `logs: { client: logsClient, onLine }` the job's CloudWatch log lines (group
 * `/aws/sagemaker/TrainingJobs`) stream to `onLine` while it runs, and an unsuccessful job's error
 * keeps the last ones as `logTail`.
 * An aborted `signal` rejects with `signal.reason`, after stopping a job this call created
 * (`stopOnAbort`); so does a SIGINT or SIGTERM once `stopJobsOnSignal()` is on.
 *
 * @example
 * ```ts
 * const { client, clock } = await createBackend(); // SAGERUN_BACKEND=emulator runs it offline, on virtual time
 * const { jobName, description } = await runTrainingJob(
 *   { TrainingJobName: "nightly", RoleArn, AlgorithmSpecification, OutputDataConfig, ResourceConfig, StoppingCondition },
 *   { client, clock, onStatusChange: (e) => console.log(e.time, e.status, e.secondaryStatus) },
 * );
 * console.log(jobName, description.ModelArtifacts?.S3ModelArtifacts);
 * ```
 */
export function runTrainingJob(
  config: CreateTrainingJobCommandInput,
  options: RunTrainingJobOptions,
): Promise<RunJobResult<TrainingJobDescription>> {
  return runJob(trainingJob, config, options);
}
