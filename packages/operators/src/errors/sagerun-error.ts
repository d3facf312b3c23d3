import type { EmulatorNotInstalledError } from "./emulator-not-installed-error.js";
import type { PackageNotInstalledError } from "./package-not-installed-error.js";
import type { EndpointFailedError, EndpointWaitTimeoutError } from "./endpoint-errors.js";
import type { JobFailedError, JobStoppedError, MaxRuntimeExceededError, MaxWaitTimeExceededError } from "./job-outcome-errors.js";
import type { NameConflictError } from "./name-conflict-error.js";
import type { OutputCheckFailedError } from "./output-check-failed-error.js";
import type { WaitFailedError, WaitTimeoutError } from "./wait-errors.js";
import type { PipelineFailedError } from "../pipeline/pipeline-failed-error.js";
import type { AwsInCiRefusedError, BudgetExceededError } from "./budget-errors.js";

/** A Describe output after {@link toJsonSafe}: plain JSON, dates as ISO-8601 strings. */
export type JsonDescription = { readonly [member: string]: unknown };

/** Every `code` a {@link SagerunError} can carry. */
export type SagerunErrorCode =
  | "JobFailed"
  | "JobStopped"
  | "MaxRuntimeExceeded"
  | "MaxWaitTimeExceeded"
  | "WaitTimeout"
  | "WaitFailed"
  | "NameConflict"
  | "OutputCheckFailed"
  | "EmulatorNotInstalled"
  | "PackageNotInstalled"
  | "PipelineFailed"
  | "EndpointFailed"
  | "EndpointWaitTimeout"
  | "BudgetExceeded"
  | "AwsInCiRefused";

/** Every concrete sagerun error; {@link SagerunError.is} narrows to this union. */
export type AnySagerunError =
  | JobFailedError
  | JobStoppedError
  | MaxRuntimeExceededError
  | MaxWaitTimeExceededError
  | WaitTimeoutError
  | WaitFailedError
  | NameConflictError
  | OutputCheckFailedError
  | EmulatorNotInstalledError
  | PackageNotInstalledError
  | PipelineFailedError
  | EndpointFailedError
  | EndpointWaitTimeoutError
  | BudgetExceededError
  | AwsInCiRefusedError;

// A registry symbol rather than `instanceof`, so two copies of this package (a monorepo with two
// versions installed) still recognise each other's errors (fast-check PreconditionFailure.isFailure).
const FOOTPRINT = Symbol.for("@sagerun/operators/SagerunError");

/**
 * Base class of every error sagerun throws on purpose. Each subclass pins a literal `code` (the
 * pattern of the AWS SDK's generated `readonly name = "ResourceInUse"`), so
 * `SagerunError.is(err) && err.code === "JobFailed"` narrows to {@link JobFailedError}. Errors
 * from the AWS SDK itself (access denied, validation of the request) pass through unchanged,
 * except while waiting, where {@link WaitFailedError} wraps them with the job's name.
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

/** What every error about one job knows: which kind, which name. */
export interface JobRef {
  /** The kind in words, e.g. `"training job"`. */
  readonly jobKind: string;
  readonly jobName: string;
}

/**
 * The fields every job error shares, set in one place. Subclasses only add their own. (Fields are
 * assigned in the class that declares them: with ES2022 class fields a subclass redeclaring one
 * would reset it to `undefined` after `super()`.)
 */
export abstract class JobError extends SagerunError implements JobRef {
  readonly jobKind: string;
  readonly jobName: string;

  constructor(ref: JobRef, message: string, cause?: unknown) {
    super(message, { cause });
    this.jobKind = ref.jobKind;
    this.jobName = ref.jobName;
  }
}
