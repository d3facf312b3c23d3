import type { CreateHyperParameterTuningJobCommandInput, DescribeHyperParameterTuningJobCommandOutput } from "@aws-sdk/client-sagemaker";
import { describeJob, type JobDescription } from "./job-kinds/job-kind.js";
import { trainingJob } from "./job-kinds/training.js";
import { tuningJob } from "./job-kinds/tuning.js";
import { runJob, type RunJobOptions, type RunJobResult } from "./run-job.js";
import type { TrainingJobDescription } from "./run-training-job.js";

/** A tuning job's Describe output as sagerun returns it: JSON-safe, without `$metadata`. */
export type TuningJobDescription = JobDescription<DescribeHyperParameterTuningJobCommandOutput>;

/** Options of {@link runTuningJob}. */
export type RunTuningJobOptions = RunJobOptions<TuningJobDescription>;

/** The best training job of a tuning job, as {@link runTuningJob} returns it. */
export interface BestTrainingJob {
  /**
   * The tuning job's `BestTrainingJob`: the training job's name, its tuned hyperparameters and its
   * final objective value (`FinalHyperParameterTuningJobObjectiveMetric`).
   */
  readonly summary: NonNullable<TuningJobDescription["BestTrainingJob"]>;
  /** That training job's DescribeTrainingJob, JSON-safe: its `ModelArtifacts`, `HyperParameters`, `FinalMetricDataList`. */
  readonly description: TrainingJobDescription;
}

/** What {@link runTuningJob} returns: {@link RunJobResult} and the best training job. */
export interface RunTuningJobResult extends RunJobResult<TuningJobDescription> {
  /** Undefined while no training job of the tuning job has completed with an objective value. */
  readonly bestTrainingJob: BestTrainingJob | undefined;
}

/**
 * Runs a SageMaker hyperparameter tuning job the way Airflow's `SageMakerTuningOperator` does:
 * settle the name (`onExists`, default `"timestamp"`; Airflow checks none), create it with
 * `config` plus a `sagerun:run-id` tag, poll DescribeHyperParameterTuningJob every 30 s until it
 * finishes, and return the final description. Beyond Airflow, which hands out the describe output
 * only, the result also holds the best training job: the description's `BestTrainingJob` and that
 * job's own DescribeTrainingJob (one more call), where its model artifacts are.
 *
 * Only `Completed` resolves. `Failed` rejects with `JobFailedError` (with `FailureReason`);
 * `Stopped` with `JobStoppedError`; a wait limit with `WaitTimeoutError`; a wait that breaks off
 * with `WaitFailedError`. All carry `jobName`. A tuning job has no log group of its own, so the
 * `logs` option is refused: stream a training job's lines with `waitForJob(trainingJob, …)`.
 * An aborted `signal` rejects with `signal.reason`, after stopping a tuning job this call created
 * (`stopOnAbort`), which stops its running training jobs too.
 *
 * @example
 * ```ts
 * const { client, clock } = await createBackend();
 * const { bestTrainingJob } = await runTuningJob(
 *   { HyperParameterTuningJobName: "xgb", HyperParameterTuningJobConfig, TrainingJobDefinition },
 *   { client, clock },
 * );
 * console.log(bestTrainingJob?.summary.FinalHyperParameterTuningJobObjectiveMetric?.Value);
 * console.log(bestTrainingJob?.description.ModelArtifacts?.S3ModelArtifacts);
 * ```
 */
export async function runTuningJob(
  config: CreateHyperParameterTuningJobCommandInput,
  options: RunTuningJobOptions,
): Promise<RunTuningJobResult> {
  const result = await runJob(tuningJob, config, options);
  const summary = result.description.BestTrainingJob;
  if (summary?.TrainingJobName === undefined) return { ...result, bestTrainingJob: undefined };
  const description = await describeJob(trainingJob, options.client, summary.TrainingJobName, options.signal);
  return { ...result, bestTrainingJob: { summary, description } };
}
