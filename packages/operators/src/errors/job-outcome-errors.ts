import type { JobLogLine } from "../logs/logs-options.js";
import { subject, statusText } from "./format.js";
import { JobError, type JobRef, type JsonDescription } from "./sagerun-error.js";

/** What every job-outcome error knows about the job. */
export interface JobErrorInit extends JobRef {
  /** The primary status, e.g. `"Failed"`. */
  readonly status: string;
  /** The secondary status, when the kind has one. */
  readonly secondaryStatus?: string | undefined;
  /** The final Describe output, JSON-safe. */
  readonly description: JsonDescription;
  /** The job's last log lines, when the wait streamed its logs (the `logs` option). */
  readonly logTail?: readonly JobLogLine[] | undefined;
}

/** The job finished without completing; each subclass says why and what to change. */
abstract class JobOutcomeError extends JobError {
  readonly status: string;
  readonly secondaryStatus: string | undefined;
  readonly description: JsonDescription;
  /**
   * The job's last log lines (`logs.tailLines` of them, 20 by default) when the wait streamed its
   * logs, oldest first; `undefined` when it did not. Often the error behind `failureReason`.
   */
  readonly logTail: readonly JobLogLine[] | undefined;

  /** `explain` gets "Training job 'x'" and "Stopped, secondary status …" to build the message from. */
  constructor(init: JobErrorInit, explain: (job: string, status: string) => string) {
    super(init, explain(subject(init), statusText(init.status, init.secondaryStatus)));
    this.status = init.status;
    this.secondaryStatus = init.secondaryStatus;
    this.description = init.description;
    this.logTail = init.logTail;
  }
}

/**
 * The job ended with status `Failed`; `failureReason` is SageMaker's `FailureReason`.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof JobFailedError && err.failureReason?.startsWith("CapacityError")) retryElsewhere(); }
 * ```
 */
export class JobFailedError extends JobOutcomeError {
  override readonly name = "JobFailedError";
  readonly code = "JobFailed" as const;
  readonly failureReason: string | undefined;

  constructor(init: JobErrorInit & { readonly failureReason?: string | undefined }) {
    super(
      init,
      (job, status) =>
        `${job} failed (status ${status}): ${init.failureReason ?? "SageMaker gave no FailureReason"}. ` +
        "Please fix the cause it names (the job's CloudWatch logs have the details) and run the job again.",
    );
    this.failureReason = init.failureReason;
  }
}

// Why a job ended Stopped (or went away) without a limit of its own being the reason; the limits
// have their own classes below. Secondary statuses: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html
function stoppedBecause(init: JobErrorInit, job: string, status: string): string {
  if (init.status === "Deleting") {
    // A Delete*Job call only accepts a finished job and the job then disappears (API reference,
    // DeleteTrainingJob), so whether it completed can no longer be read.
    return (
      `${job} did not complete as far as sagerun can tell (status ${status}): it was deleted after it finished, so ` +
      "its outcome can no longer be read. Please ask whoever deleted it, or run the job again under a new name."
    );
  }
  const cause =
    init.secondaryStatus === "Stopped" || init.secondaryStatus === "Stopping"
      ? "because a stop request reached it (console, CLI, another process, or an aborted sagerun run)"
      : "and SageMaker gave no reason sagerun knows";
  return `${job} did not complete: it ended with status ${status} ${cause}. Please run it again if the stop was not intended.`;
}

/**
 * The job ended `Stopped` because a Stop request reached it (the console, the CLI, another process,
 * or sagerun itself on abort), or it is being deleted (`Deleting`) so its outcome is gone; the
 * message says which. Airflow once reported a stopped job as a success (apache/airflow#42423);
 * sagerun never does. SageMaker's own limits are {@link MaxRuntimeExceededError} and
 * {@link MaxWaitTimeExceededError}.
 */
export class JobStoppedError extends JobOutcomeError {
  override readonly name = "JobStoppedError";
  readonly code = "JobStopped" as const;

  constructor(init: JobErrorInit) {
    super(init, (job, status) => stoppedBecause(init, job, status));
  }
}

/** SageMaker stopped the job because it ran past `StoppingCondition.MaxRuntimeInSeconds`. */
export class MaxRuntimeExceededError extends JobOutcomeError {
  override readonly name = "MaxRuntimeExceededError";
  readonly code = "MaxRuntimeExceeded" as const;
  /** The limit the job ran into, from the description, when it has one. */
  readonly maxRuntimeSeconds: number | undefined;

  constructor(init: JobErrorInit & { readonly maxRuntimeSeconds?: number | undefined }) {
    const limit = init.maxRuntimeSeconds === undefined ? "" : ` of ${init.maxRuntimeSeconds} s`;
    super(
      init,
      (job, status) =>
        `${job} was stopped by SageMaker (status ${status}): it ran longer than its ` +
        `StoppingCondition.MaxRuntimeInSeconds${limit}. Please raise MaxRuntimeInSeconds (at most 28 days) or ` +
        "make the job shorter, and use CheckpointConfig to resume long runs.",
    );
    this.maxRuntimeSeconds = init.maxRuntimeSeconds;
  }
}

/**
 * SageMaker stopped a managed spot training job (secondary status `MaxWaitTimeExceeded`) because it
 * did not finish within `StoppingCondition.MaxWaitTimeInSeconds`, which counts the time spent
 * waiting for spot capacity as well as running (AWS API reference, StoppingCondition).
 */
export class MaxWaitTimeExceededError extends JobOutcomeError {
  override readonly name = "MaxWaitTimeExceededError";
  readonly code = "MaxWaitTimeExceeded" as const;
  /** The limit the job ran into, from the description, when it has one. */
  readonly maxWaitTimeSeconds: number | undefined;

  constructor(init: JobErrorInit & { readonly maxWaitTimeSeconds?: number | undefined }) {
    const limit = init.maxWaitTimeSeconds === undefined ? "" : ` of ${init.maxWaitTimeSeconds} s`;
    super(
      init,
      (job, status) =>
        `${job} was stopped by SageMaker (status ${status}): as a managed spot training job it did not finish within ` +
        `its StoppingCondition.MaxWaitTimeInSeconds${limit}, which counts the time spent waiting for spot capacity as ` +
        "well as running. Please raise MaxWaitTimeInSeconds (it must be at least MaxRuntimeInSeconds), use " +
        "CheckpointConfig so that interrupted runs resume, or train on demand (EnableManagedSpotTraining: false).",
    );
    this.maxWaitTimeSeconds = init.maxWaitTimeSeconds;
  }
}
