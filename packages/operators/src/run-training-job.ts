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
 * name (`onExists`, default `"timestamp"`), CreateTrainingJob with `config` unchanged, poll
 * DescribeTrainingJob every 30 s until the job finishes, and return the final description.
 *
 * Only `Completed` resolves. `Failed` rejects with `JobFailedError` (with `FailureReason`);
 * `Stopped` with `JobStoppedError`, or `MaxRuntimeExceededError` when SageMaker stopped it at
 * `StoppingCondition.MaxRuntimeInSeconds`; a wait limit with `WaitTimeoutError`; an aborted
 * `signal` stops the job and rejects with `signal.reason`.
 *
 * @example
 * ```ts
 * const { client, clock } = await createBackend(); // SAGERUN_BACKEND=emulator runs it offline
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
