import type { BackendOptions } from "../backend.js";
import type { RetryPolicy } from "../internal/backoff.js";
import { checkBackendOptions } from "../internal/check-backend.js";
import type { JobKind } from "../job-kinds/job-kind.js";
import { resolveJobLogs, type JobLogsOptions, type ResolvedJobLogs } from "../logs/logs-options.js";
import type { JobRetryEvent } from "./watch-job.js";

/**
 * How to wait for a job. One deadline rule for every kind: Airflow's defaults differ by path
 * (sync waits forever, deferred stops after 60 × 30 s, endpoints use seconds as an attempt count;
 * the Amazon provider's `waiters/sagemaker.json`, apache/airflow#32683), sagerun's do not.
 */
export interface WaitOptions {
  /**
   * Seconds between two status checks, on the injected clock. The first check happens at once
   * (Airflow's `check_status` sleeps first, which makes a finished job cost one interval more).
   * @default 30 (Airflow's `CHECK_INTERVAL_SECOND`)
   */
  checkIntervalSeconds?: number;
  /**
   * Give up this many seconds after waiting began, measured on the injected clock (not by adding
   * up intervals, as Airflow's `max_ingestion_time` does). A last check runs exactly at the deadline.
   * @default Infinity (no deadline: a job has its own `MaxRuntimeInSeconds`)
   */
  maxWaitSeconds?: number;
  /**
   * Give up after this many status checks. Throttling, 5xx answers and dropped connections are
   * retried without spending an attempt (see `retry`).
   * @default Infinity
   */
  maxAttempts?: number;
  /**
   * How a status check (Describe) that fails with throttling, a 5xx answer or a dropped connection
   * is retried: after an exponential back-off with full jitter, on the injected clock, no later
   * than the deadline, and at most `maxConsecutiveFailures` times in a row (the next failure ends
   * the wait with `WaitFailedError`, see `stopOnError`, since the service is then down for us).
   * `runJob` retries a throttled Create the same way. Errors retrying will not fix
   * (AccessDenied, ValidationException) end the wait at once. See {@link RetryOptions}.
   */
  retry?: RetryOptions;
  /**
   * Called before each such retry, with the error's code, how many failed in a row and the
   * back-off chosen. If it throws, the wait ends with `WaitFailedError` (`during: "onRetry"`), as
   * it does for `onStatusChange`. The retries are also counted in each status event's `retries`
   * and in `WaitTimeoutError.observedStatuses` (as `error <code>`).
   */
  onRetry?: (event: JobRetryEvent) => void;
  /**
   * Send the kind's Stop request before throwing `WaitTimeoutError`. On by default because a
   * deadline is the most a caller is willing to pay for, and nobody is watching the job after it:
   * Airflow's SageMaker operators never send a Stop request, so their timeouts leave jobs running
   * and billing (the same gap as apache/airflow#31099). Turn it off to detach and wait again later
   * with `waitForJob` and the job's actual name (`WaitTimeoutError.jobName`).
   * @default true
   */
  stopOnTimeout?: boolean;
  /**
   * Send the kind's Stop request before throwing `WaitFailedError`, i.e. when waiting itself
   * breaks: Describe keeps failing past the transient-error cap (or fails with an error retrying
   * cannot fix, such as AccessDenied), or `onStatusChange` throws. On by default for the reason
   * `stopOnTimeout` is: once the wait rejects, nobody watches the job. Turn it off to keep the job
   * running through an outage and resume with `waitForJob(kind, err.jobName, …)`.
   * @default true
   */
  stopOnError?: boolean;
  /**
   * Send the kind's Stop request when `signal` aborts, before rejecting with `signal.reason`.
   * `waitForJob`/`watchJob` default to true. `runJob` defaults to true for a job it created and
   * to false for an existing job it used (`onExists: "reattach"` or `"skip"`): that job may be
   * another process's, still watched there, so aborting detaches from it unless this is true.
   * @default true
   */
  stopOnAbort?: boolean;
  /**
   * Stream the job's log lines from CloudWatch Logs while waiting (the SageMaker Python SDK's
   * `logs=True`, Airflow's `print_log`): each status check also reads the job's log streams, on
   * the same clock, and `onLine` gets every line once. A job that does not complete keeps its last
   * lines in its error's `logTail`. See {@link JobLogsOptions}.
   * @default undefined (no logs are read)
   */
  logs?: JobLogsOptions;
}

/**
 * How transient errors are retried while waiting (and a throttled Create by `runJob`). The n-th
 * failure in a row waits a random time in [0, min(maxDelaySeconds, baseDelaySeconds × 2^(n−1))):
 * exponential back-off with full jitter, as the AWS SDKs retry
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 */
export interface RetryOptions {
  /**
   * Transient errors tolerated in a row; a success starts the count again. `Infinity` retries until
   * the deadline (`maxWaitSeconds`), as Airflow's waiter loop retries forever; `runJob`'s Create,
   * which comes before any deadline runs, then keeps the default.
   * @default 8
   */
  maxConsecutiveFailures?: number;
  /** The back-off window of the first retry, in seconds. @default 1 */
  baseDelaySeconds?: number;
  /** The largest back-off window, in seconds. @default checkIntervalSeconds */
  maxDelaySeconds?: number;
  /**
   * Returns a number in [0, 1) for each back-off: the jitter. Pass a seeded generator to make the
   * delays reproducible, as tests do.
   * @default Math.random
   */
  random?: () => number;
}

/** {@link WaitOptions} after defaults and validation: internals never see `undefined`. */
interface ResolvedWaitOptions extends Required<Omit<WaitOptions, "logs" | "retry" | "onRetry">> {
  readonly retry: RetryPolicy;
  readonly onRetry: ((event: JobRetryEvent) => void) | undefined;
}

/** Airflow's `CHECK_INTERVAL_SECOND`. */
const DEFAULT_CHECK_INTERVAL_SECONDS = 30;

/**
 * Transient Describe errors tolerated in a row while waiting, by default. Airflow's waiter loop
 * retries them forever (the Amazon provider's `utils/waiter_with_logging.py`); eight back-offs
 * drawn from windows of 1, 2, 4 … 30 s ride out a brownout of about a minute on average (two at
 * most) yet still end a wait against a service that is down for us.
 */
export const MAX_CONSECUTIVE_TRANSIENT_ERRORS = 8;

/**
 * Applies the defaults and checks every value, throwing `TypeError` (wrong type) or `RangeError`
 * (out of range) with the option, the value and the fix.
 *
 * @example
 * ```ts
 * resolveWaitOptions({ maxWaitSeconds: 3600 });
 * // { checkIntervalSeconds: 30, maxWaitSeconds: 3600, maxAttempts: Infinity,
 * //   stopOnTimeout: true, stopOnError: true, stopOnAbort: true, onRetry: undefined,
 * //   retry: { maxConsecutiveFailures: 8, baseDelayMs: 1000, maxDelayMs: 30000, random: Math.random } }
 * ```
 */
export function resolveWaitOptions(partial: WaitOptions = {}): ResolvedWaitOptions {
  const resolved: Omit<ResolvedWaitOptions, "retry" | "onRetry"> = {
    checkIntervalSeconds: partial.checkIntervalSeconds ?? DEFAULT_CHECK_INTERVAL_SECONDS,
    maxWaitSeconds: partial.maxWaitSeconds ?? Infinity,
    maxAttempts: partial.maxAttempts ?? Infinity,
    stopOnTimeout: partial.stopOnTimeout ?? true,
    stopOnError: partial.stopOnError ?? true,
    stopOnAbort: partial.stopOnAbort ?? true,
  };
  positiveNumber("checkIntervalSeconds", resolved.checkIntervalSeconds, false, "the seconds between status checks, e.g. 30");
  positiveNumber("maxWaitSeconds", resolved.maxWaitSeconds, true, "a number of seconds, or Infinity for no deadline");
  positiveNumber("maxAttempts", resolved.maxAttempts, true, "a whole number of status checks of at least 1, or Infinity");
  if (resolved.maxAttempts !== Infinity && !Number.isInteger(resolved.maxAttempts)) {
    throw new RangeError(
      `Wait option maxAttempts [${resolved.maxAttempts}] must be a whole number. Please pass a whole number of status checks of at least 1, or Infinity.`,
    );
  }
  if (resolved.maxAttempts < 1) {
    throw new RangeError(
      `Wait option maxAttempts [${resolved.maxAttempts}] must be at least 1. Please pass a whole number of status checks of at least 1, or Infinity.`,
    );
  }
  flag("stopOnTimeout", resolved.stopOnTimeout, "stop the job when the wait times out");
  flag("stopOnError", resolved.stopOnError, "stop the job when waiting fails");
  flag("stopOnAbort", resolved.stopOnAbort, "stop the job when the signal aborts");
  const { onRetry } = partial;
  if (onRetry !== undefined && typeof onRetry !== "function") {
    throw new TypeError(`Wait option onRetry [${String(onRetry)}] must be a function. Please pass (event) => …, or leave it out.`);
  }
  return { ...resolved, retry: resolveRetry(partial.retry, resolved.checkIntervalSeconds), onRetry };
}

/** The `retry` option with its defaults, checked like the others; the maximum delay defaults to the interval. */
function resolveRetry(retry: RetryOptions | undefined, checkIntervalSeconds: number): RetryPolicy {
  if (retry !== undefined && (typeof retry !== "object" || retry === null)) {
    throw new TypeError(
      `Wait option retry [${String(retry)}] must be an object. Please pass { maxConsecutiveFailures, … }, or leave it out.`,
    );
  }
  const maxConsecutiveFailures = retry?.maxConsecutiveFailures ?? MAX_CONSECUTIVE_TRANSIENT_ERRORS;
  const baseDelaySeconds = retry?.baseDelaySeconds ?? 1;
  const maxDelaySeconds = retry?.maxDelaySeconds ?? checkIntervalSeconds;
  const random = retry?.random ?? Math.random;
  const failuresFix = "a whole number of transient errors in a row of at least 1, or Infinity (retry until the deadline)";
  positiveNumber("retry.maxConsecutiveFailures", maxConsecutiveFailures, true, failuresFix);
  if (maxConsecutiveFailures !== Infinity && !Number.isInteger(maxConsecutiveFailures)) {
    throw new RangeError(
      `Wait option retry.maxConsecutiveFailures [${maxConsecutiveFailures}] must be a whole number. Please pass ${failuresFix}.`,
    );
  }
  positiveNumber("retry.baseDelaySeconds", baseDelaySeconds, false, "the seconds the first back-off is drawn from, e.g. 1");
  positiveNumber("retry.maxDelaySeconds", maxDelaySeconds, false, "the longest back-off in seconds, e.g. 30");
  if (typeof random !== "function") {
    throw new TypeError(
      `Wait option retry.random [${String(random)}] must be a function. Please pass one returning numbers in [0, 1), e.g. Math.random.`,
    );
  }
  return { maxConsecutiveFailures, baseDelayMs: baseDelaySeconds * 1000, maxDelayMs: maxDelaySeconds * 1000, random };
}

/** Everything a wait runs with, resolved once by the operator that starts it. */
export interface WaitRun extends BackendOptions {
  readonly wait: ResolvedWaitOptions;
  /** The `logs` option, resolved for the job's kind; undefined when no logs are streamed. */
  readonly logs: ResolvedJobLogs | undefined;
  /** The operator's own signal: the caller's, and aborted too by `stopJobsOnSignal`. */
  readonly signal: AbortSignal | undefined;
}

/**
 * Checks an operator's `client`, `clock` and wait options (`logs` against the `kind`'s log group)
 * at its boundary, once: what runs underneath takes the result and never resolves them again.
 */
export function resolveWaitRun<I extends object, O extends object, S extends string>(
  options: unknown,
  kind: JobKind<I, O, S>,
): Omit<WaitRun, "signal"> {
  const backend = checkBackendOptions(options);
  const wait = resolveWaitOptions(options as WaitOptions);
  return { ...backend, wait, logs: resolveJobLogs(kind, (options as WaitOptions).logs) };
}

function positiveNumber(option: string, value: unknown, infinityAllowed: boolean, fix: string): void {
  if (typeof value !== "number") {
    throw new TypeError(`Wait option ${option} [${String(value)}] must be a number, not ${typeof value}. Please pass ${fix}.`);
  }
  const finiteEnough = Number.isFinite(value) || (infinityAllowed && value === Infinity);
  if (!finiteEnough || !(value > 0)) {
    throw new RangeError(
      `Wait option ${option} [${value}] must be ${infinityAllowed ? "" : "a finite number "}greater than 0. Please pass ${fix}.`,
    );
  }
}

function flag(option: string, value: unknown, whenTrue: string): void {
  if (typeof value !== "boolean") {
    throw new TypeError(
      `Wait option ${option} [${String(value)}] must be a boolean. Please pass true (${whenTrue}) or false (leave it running).`,
    );
  }
}
