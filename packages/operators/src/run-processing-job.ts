import type { CreateProcessingJobCommandInput, DescribeProcessingJobCommandOutput } from "@aws-sdk/client-sagemaker";
import type { JobDescription } from "./job-kinds/job-kind.js";
import { processingJob } from "./job-kinds/processing.js";
import { runJob, type RunJobOptions, type RunJobResult } from "./run-job.js";

/** A processing job's Describe output as sagerun returns it: JSON-safe, without `$metadata`. */
export type ProcessingJobDescription = JobDescription<DescribeProcessingJobCommandOutput>;

/** Options of {@link runProcessingJob}. */
export type RunProcessingJobOptions = RunJobOptions<ProcessingJobDescription>;

/**
 * Runs a SageMaker processing job the way Airflow's `SageMakerProcessingOperator` does: settle the
 * name (`onExists`, default `"timestamp"`), CreateProcessingJob with `config` plus a
 * `sagerun:run-id` tag, poll DescribeProcessingJob every 30 s until the job finishes, and return
 * the final description.
 *
 * Only `Completed` resolves. `Failed` rejects with `JobFailedError` (with `FailureReason`);
 * `Stopped`, by a stop request or by `StoppingCondition.MaxRuntimeInSeconds` (DescribeProcessingJob
 * does not say which), with `JobStoppedError`; a wait limit with `WaitTimeoutError`; a wait that
 * breaks off with `WaitFailedError`. All carry `jobName`.
 * With `logs: { client: logsClient, onLine }` the job's CloudWatch log lines (group
 * `/aws/sagemaker/ProcessingJobs`) stream to `onLine` while it runs: Airflow's operator takes
 * `print_log` for processing jobs and ignores it.
 * An aborted `signal` rejects with `signal.reason`, after stopping a job this call created
 * (`stopOnAbort`).
 *
 * @example
 * ```ts
 * const { client, clock } = await createBackend();
 * const { description } = await runProcessingJob(
 *   { ProcessingJobName: "prep", RoleArn, AppSpecification, ProcessingResources, ProcessingInputs, ProcessingOutputConfig },
 *   { client, clock, logs: { client: logsClient, onLine: (l) => console.log(l.message) } },
 * );
 * console.log(description.ProcessingEndTime);
 * ```
 */
export function runProcessingJob(
  config: CreateProcessingJobCommandInput,
  options: RunProcessingJobOptions,
): Promise<RunJobResult<ProcessingJobDescription>> {
  return runJob(processingJob, config, options);
}
