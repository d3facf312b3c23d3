/**
 * Errors sagerun's operators throw. Each class pins a literal `code` (the pattern of the AWS SDK's
 * generated `readonly name = "ResourceInUse"`), so `SagerunError.is(err) && err.code === "JobFailed"`
 * narrows to {@link JobFailedError}. Errors from the AWS SDK itself (throttling, access denied,
 * validation of the request) pass through unchanged.
 */

/** A Describe output after {@link toJsonSafe}: plain JSON, dates as ISO-8601 strings. */
export type JsonDescription = { readonly [member: string]: unknown };

/** Every `code` a {@link SagerunError} can carry. */
export type SagerunErrorCode =
  | "JobFailed"
  | "JobStopped"
  | "MaxRuntimeExceeded"
  | "WaitTimeout"
  | "NameConflict"
  | "EmulatorNotInstalled";

/** Every concrete sagerun error; {@link SagerunError.is} narrows to this union. */
export type AnySagerunError =
  | JobFailedError
  | JobStoppedError
  | MaxRuntimeExceededError
  | WaitTimeoutError
  | NameConflictError
  | EmulatorNotInstalledError;

// A registry symbol rather than `instanceof`, so two copies of this package (a monorepo with two
// versions installed) still recognise each other's errors (fast-check PreconditionFailure.isFailure).
const FOOTPRINT = Symbol.for("@sagerun/operators/SagerunError");

/**
 * Base class of every error sagerun throws on purpose.
 *
 * @example
 * ```ts
 * try { await runTrainingJob(config, { client }); }
 * catch (err) {
 *   if (SagerunError.is(err) && err.code === "JobFailed") console.error(err.failureReason);
 *   else throw err;
 * }
 * ```
 */
export abstract class SagerunError extends Error {
  abstract readonly code: SagerunErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    Object.defineProperty(this, FOOTPRINT, { value: true });
  }

  /** True for any sagerun error, including one thrown by another copy of this package. */
  static is(err: unknown): err is AnySagerunError {
    return typeof err === "object" && err !== null && (err as { [FOOTPRINT]?: unknown })[FOOTPRINT] === true;
  }
}

/** What every job-outcome error knows about the job. */
export interface JobErrorInit {
  /** The kind in words, e.g. `"training job"`. */
  readonly jobKind: string;
  readonly jobName: string;
  /** The primary status, e.g. `"Failed"`. */
  readonly status: string;
  /** The secondary status, when the kind has one. */
  readonly secondaryStatus?: string | undefined;
  /** The final Describe output, JSON-safe. */
  readonly description: JsonDescription;
}

abstract class JobOutcomeError extends SagerunError {
  readonly jobKind: string;
  readonly jobName: string;
  readonly status: string;
  readonly secondaryStatus: string | undefined;
  readonly description: JsonDescription;

  constructor(init: JobErrorInit, message: string) {
    super(message);
    this.jobKind = init.jobKind;
    this.jobName = init.jobName;
    this.status = init.status;
    this.secondaryStatus = init.secondaryStatus;
    this.description = init.description;
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
      `${subject(init)} failed (status ${statusText(init)}): ${init.failureReason ?? "SageMaker gave no FailureReason"}. ` +
        "Please fix the cause it names (the job's CloudWatch logs have the details) and run the job again.",
    );
    this.failureReason = init.failureReason;
  }
}

/**
 * The job ended `Stopped` because a Stop request reached it: from the console, the CLI, another
 * process, or sagerun itself on abort. Airflow once reported such a job as a success
 * (apache/airflow#42423); sagerun never does.
 */
export class JobStoppedError extends JobOutcomeError {
  override readonly name = "JobStoppedError";
  readonly code = "JobStopped" as const;

  constructor(init: JobErrorInit) {
    super(
      init,
      `${subject(init)} did not complete: it ended with status ${statusText(init)} because a stop request reached it ` +
        "(console, CLI, another process, or an aborted sagerun run). Please run it again if the stop was not intended.",
    );
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
      `${subject(init)} was stopped by SageMaker (status ${statusText(init)}): it ran longer than its ` +
        `StoppingCondition.MaxRuntimeInSeconds${limit}. Please raise MaxRuntimeInSeconds (at most 28 days) or ` +
        "make the job shorter, and use CheckpointConfig to resume long runs.",
    );
    this.maxRuntimeSeconds = init.maxRuntimeSeconds;
  }
}

/** What {@link WaitTimeoutError} reports about the wait that ran out. */
export interface WaitTimeoutInit {
  readonly jobKind: string;
  readonly jobName: string;
  /** Which limit ran out. */
  readonly limit: "maxWaitSeconds" | "maxAttempts";
  /** The value of that limit. */
  readonly limitValue: number;
  /** Describe calls that returned a status (transient errors retried in between are not counted). */
  readonly attempts: number;
  /** Clock time from the start of waiting to the timeout, in milliseconds. */
  readonly elapsedMs: number;
  readonly lastStatus: string | undefined;
  readonly lastSecondaryStatus?: string | undefined;
  /** How often each `status` or `status/secondaryStatus` was seen (smithy's `observedResponses`). */
  readonly observedStatuses: Readonly<Record<string, number>>;
  /** The last Describe output, JSON-safe, if any arrived. */
  readonly description: JsonDescription | undefined;
  /** True when sagerun sent a Stop request for the job before throwing (`stopOnTimeout`). */
  readonly stopRequested: boolean;
  readonly cause?: unknown;
}

/**
 * The job was still running when `maxWaitSeconds` or `maxAttempts` ran out.
 *
 * @example
 * ```ts
 * catch (err) { if (SagerunError.is(err) && err.code === "WaitTimeout") console.log(err.observedStatuses); }
 * ```
 */
export class WaitTimeoutError extends SagerunError {
  override readonly name = "WaitTimeoutError";
  readonly code = "WaitTimeout" as const;
  readonly jobKind: string;
  readonly jobName: string;
  readonly limit: "maxWaitSeconds" | "maxAttempts";
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly lastStatus: string | undefined;
  readonly lastSecondaryStatus: string | undefined;
  readonly observedStatuses: Readonly<Record<string, number>>;
  readonly description: JsonDescription | undefined;
  readonly stopRequested: boolean;

  constructor(init: WaitTimeoutInit) {
    const last = init.lastStatus === undefined ? "no status was read" : `last status ${statusText({ status: init.lastStatus, secondaryStatus: init.lastSecondaryStatus })}`;
    const stop = init.stopRequested
      ? "sagerun sent a stop request for it (stopOnTimeout)"
      : "it was left running (stopOnTimeout is off, or the stop request failed)";
    super(
      `Timed out waiting for ${init.jobKind} '${init.jobName}': ${init.limit} [${init.limitValue}] ran out after ` +
        `${init.attempts} status checks over ${Math.round(init.elapsedMs / 1000)} s; ${last}; ${stop}. ` +
        `Please raise ${init.limit}, or set stopOnTimeout: false and wait again later with onExists: "reattach".`,
      { cause: init.cause },
    );
    this.jobKind = init.jobKind;
    this.jobName = init.jobName;
    this.limit = init.limit;
    this.attempts = init.attempts;
    this.elapsedMs = init.elapsedMs;
    this.lastStatus = init.lastStatus;
    this.lastSecondaryStatus = init.lastSecondaryStatus;
    this.observedStatuses = init.observedStatuses;
    this.description = init.description;
    this.stopRequested = init.stopRequested;
  }
}

/** A job with the requested name exists and the `onExists` policy does not allow another name. */
export class NameConflictError extends SagerunError {
  override readonly name = "NameConflictError";
  readonly code = "NameConflict" as const;
  readonly jobKind: string;
  /** The name that is taken. */
  readonly jobName: string;

  constructor(init: { readonly jobKind: string; readonly jobName: string; readonly detail?: string; readonly cause?: unknown }) {
    // Airflow's text: "A SageMaker job with name {name} already exists." (hooks/sagemaker.py _get_unique_name)
    super(
      `A ${init.jobKind} named '${init.jobName}' already exists${init.detail ? ` (${init.detail})` : ""}. SageMaker names ` +
        'are unique per account and region and cannot be reused. Please choose another name, or pass onExists: "timestamp" ' +
        '(a new name with a time suffix), "reattach" (wait for the existing job) or "skip" (return it as it is).',
      { cause: init.cause },
    );
    this.jobKind = init.jobKind;
    this.jobName = init.jobName;
  }
}

/** `backend: "emulator"` was asked for but `@sagerun/emulator` cannot be loaded. */
export class EmulatorNotInstalledError extends SagerunError {
  override readonly name = "EmulatorNotInstalledError";
  readonly code = "EmulatorNotInstalled" as const;

  constructor(options: { readonly source: string; readonly cause?: unknown }) {
    super(
      `Failed to start the sagerun emulator (selected by ${options.source}): the package @sagerun/emulator is not ` +
        "installed. Please install it (npm install --save-dev @sagerun/emulator), or select the aws backend.",
      { cause: options.cause },
    );
  }
}

function subject(init: { jobKind: string; jobName: string }): string {
  return `${init.jobKind.charAt(0).toUpperCase()}${init.jobKind.slice(1)} '${init.jobName}'`;
}

function statusText(init: { status: string; secondaryStatus?: string | undefined }): string {
  return init.secondaryStatus === undefined || init.secondaryStatus === init.status
    ? init.status
    : `${init.status}, secondary status ${init.secondaryStatus}`;
}
