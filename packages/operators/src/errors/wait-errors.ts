import { causeText, resumeHint, statusText } from "./format.js";
import { JobError, type JobRef, type JsonDescription } from "./sagerun-error.js";

/** What both wait errors report: the job, what was last seen of it, and whether it was stopped. */
interface WaitEndInit extends JobRef {
  /** The name the kind is exported under (`"trainingJob"`), for the resume hint in the message. */
  readonly kindName?: string | undefined;
  readonly lastStatus: string | undefined;
  readonly lastSecondaryStatus?: string | undefined;
  /** The last Describe output, JSON-safe, if any arrived. */
  readonly description: JsonDescription | undefined;
  /** True when sagerun sent a Stop request for the job before throwing. */
  readonly stopRequested: boolean;
  readonly cause?: unknown;
}

/** The wait ended before the job did; the job may still be running (see `stopRequested`). */
abstract class WaitEndedError extends JobError {
  readonly lastStatus: string | undefined;
  readonly lastSecondaryStatus: string | undefined;
  readonly description: JsonDescription | undefined;
  readonly stopRequested: boolean;

  constructor(init: WaitEndInit, what: string, stopOption: string, fix: string) {
    const last =
      init.lastStatus === undefined ? "no status was read" : `last status ${statusText(init.lastStatus, init.lastSecondaryStatus)}`;
    const stop = init.stopRequested
      ? `sagerun sent a stop request for it (${stopOption})`
      : `it was left running (${stopOption} is off, or the stop request failed)`;
    super(
      init,
      `${what}; ${last}; ${stop}. Please ${fix}, or set ${stopOption}: false and wait again later with ${resumeHint(init.kindName, init.jobName)}.`,
      init.cause,
    );
    this.lastStatus = init.lastStatus;
    this.lastSecondaryStatus = init.lastSecondaryStatus;
    this.description = init.description;
    this.stopRequested = init.stopRequested;
  }
}

/** What {@link WaitTimeoutError} reports about the wait that ran out. */
export interface WaitTimeoutInit extends WaitEndInit {
  /** Which limit ran out. */
  readonly limit: "maxWaitSeconds" | "maxAttempts";
  /** The value of that limit. */
  readonly limitValue: number;
  /** Describe calls that returned a status (transient errors retried in between are not counted). */
  readonly attempts: number;
  /** Clock time from the start of waiting to the timeout, in milliseconds. */
  readonly elapsedMs: number;
  /** How often each `status` or `status/secondaryStatus` was seen (smithy's `observedResponses`). */
  readonly observedStatuses: Readonly<Record<string, number>>;
}

/**
 * The job was still running when `maxWaitSeconds` or `maxAttempts` ran out. `cause` is the Stop
 * request's error when that failed, else the transient error the deadline cut short, if any.
 *
 * @example
 * ```ts
 * catch (err) { if (SagerunError.is(err) && err.code === "WaitTimeout") console.log(err.observedStatuses); }
 * ```
 */
export class WaitTimeoutError extends WaitEndedError {
  override readonly name = "WaitTimeoutError";
  readonly code = "WaitTimeout" as const;
  readonly limit: "maxWaitSeconds" | "maxAttempts";
  readonly attempts: number;
  readonly elapsedMs: number;
  readonly observedStatuses: Readonly<Record<string, number>>;

  constructor(init: WaitTimeoutInit) {
    const what =
      `Timed out waiting for ${init.jobKind} '${init.jobName}': ${init.limit} [${init.limitValue}] ran out after ` +
      `${init.attempts} status checks over ${Math.round(init.elapsedMs / 1000)} s`;
    super(init, what, "stopOnTimeout", `raise ${init.limit}`);
    this.limit = init.limit;
    this.attempts = init.attempts;
    this.elapsedMs = init.elapsedMs;
    this.observedStatuses = init.observedStatuses;
  }
}

/** Where a wait broke off; see {@link WaitFailedError.during}. */
type WaitFailedDuring = "describe" | "logs" | "onStatusChange" | "onRetry" | "onLine";

/** What {@link WaitFailedError} reports. */
export interface WaitFailedInit extends WaitEndInit {
  /**
   * What failed: the status check (`"describe"`), reading the job's logs (`"logs"`), or the
   * caller's `onStatusChange`, `onRetry` or `logs.onLine` callback.
   */
  readonly during: WaitFailedDuring;
  /** What happened, e.g. "its status check (Describe) failed 8 times in a row". */
  readonly detail: string;
  /** The Stop request's own error, when `stopOnError` asked for one and it failed. */
  readonly stopError?: unknown;
  /** The error that ended the wait: the SDK's, or the one the callback threw. */
  readonly cause: unknown;
}

/**
 * Waiting broke off before the job finished: Describe kept failing (throttling or 5xx beyond the
 * retry cap, access denied, the job gone), reading its logs failed with an error retrying will not
 * fix (access denied), or `onStatusChange` or `logs.onLine` threw. `cause` is that error; the
 * job is stopped first unless `stopOnError` is false (then `waitForJob` with `jobName` resumes).
 *
 * @example
 * ```ts
 * catch (err) { if (SagerunError.is(err) && err.code === "WaitFailed") console.error(err.jobName, err.cause); }
 * ```
 */
export class WaitFailedError extends WaitEndedError {
  override readonly name = "WaitFailedError";
  readonly code = "WaitFailed" as const;
  readonly during: WaitFailedDuring;
  readonly stopError: unknown;

  constructor(init: WaitFailedInit) {
    const what = `Failed to wait for ${init.jobKind} '${init.jobName}': ${init.detail} (${causeText(init.cause)})`;
    super(init, what, "stopOnError", "fix the cause");
    this.during = init.during;
    this.stopError = init.stopError;
  }
}
