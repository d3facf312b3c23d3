import type { BackendOptions } from "../backend.js";
import { WaitTimeoutError, type JsonDescription } from "../errors/index.js";
import { errorCode, isTransientError } from "../internal/aws-errors.js";
import { backoffDelayMs } from "../internal/backoff.js";
import { enterOperation } from "../internal/running-operators.js";
import { describeJob, type JobDescription, type JobKind } from "../job-kinds/job-kind.js";
import { jobOutcome, jobStatus, judgeJob } from "../job-kinds/job-outcome.js";
import type { JobLogsOptions } from "../logs/logs-options.js";
import { leaveIfAborted, stopBeforeThrowing } from "./request-stop.js";
import { waitFailed } from "./wait-failed.js";
import { resolveWaitRun, type WaitOptions, type WaitRun } from "./wait-options.js";
import { watchLogs, type JobLogEvent, type LogWatch } from "./watch-logs.js";

/** One change of (primary status, secondary status), as seen by a status check. */
export interface JobStatusEvent<D = JsonDescription> {
  readonly type: "status";
  readonly jobName: string;
  /** The primary status, e.g. `"InProgress"`. */
  readonly status: string;
  /** The secondary status, when the kind has one, e.g. `"Training"`. */
  readonly secondaryStatus?: string;
  /** When the status was read, ISO-8601, on the backend's clock (virtual time on the emulator). */
  readonly time: string;
  /** The Describe output it was read from, JSON-safe. */
  readonly description: D;
  /**
   * Status checks retried so far in this wait after throttling, a 5xx answer or a dropped
   * connection (each one also went to `onRetry`). 0 while the service answers every check.
   */
  readonly retries: number;
}

/**
 * A request that failed with an error worth retrying (throttling, a 5xx answer, a dropped
 * connection, a timeout), and the back-off before it is sent again: what `onRetry` gets.
 */
export interface JobRetryEvent {
  readonly type: "retry";
  readonly jobName: string;
  /**
   * What failed: the status check (`"describe"`, also the check `runJob` makes when a Create's
   * answer was lost) or a throttled Create (`"create"`, `runJob` only).
   */
  readonly request: "describe" | "create";
  /** The error's code: `"ThrottlingException"`, `"InternalFailure"`, `"ECONNRESET"`, `"TimeoutError"`… */
  readonly error: string;
  /** How many times in a row the request has failed, this one included: 1, 2, … */
  readonly attempt: number;
  /** The back-off before the next try, in seconds of the backend's clock: jittered, capped, never past the deadline. */
  readonly delaySeconds: number;
  /** When the error arrived, ISO-8601, on the backend's clock. */
  readonly time: string;
}

/** What {@link watchJob} yields with the `logs` option: status changes and log lines, told apart by `type`. */
export type JobWatchEvent<D = JsonDescription> = JobStatusEvent<D> | JobLogEvent;

/** Options of {@link watchJob}: the backend's `client` and `clock`, and how to wait. */
export interface WatchJobOptions extends BackendOptions, WaitOptions {
  /**
   * Cancels the wait: sagerun sends the kind's Stop request (unless `stopOnAbort` is false; a job
   * that already finished is fine) and rejects with `signal.reason`. If the Stop request itself
   * fails, that error is thrown instead, since the job may still be running.
   */
  readonly signal?: AbortSignal;
}

/**
 * Streams a job's status changes until it finishes. Yields one {@link JobStatusEvent} per change of
 * (status, secondary status); returns the final description when the job completed, and throws
 * `JobFailedError`, `JobStoppedError`, `MaxRuntimeExceededError`, `MaxWaitTimeExceededError`,
 * `WaitTimeoutError` or `WaitFailedError` otherwise. The first check runs at once, then one every
 * `checkIntervalSeconds` on the clock. Breaking out of the loop stops watching, not the job.
 *
 * With the `logs` option it also yields the job's log lines as {@link JobLogEvent}s (`type: "log"`):
 * each check's new lines come before the status change it saw, and the lines read after the job
 * ended come after its last status.
 *
 * @example
 * ```ts
 * for await (const event of watchJob(trainingJob, "my-job", { client, clock, logs: { client: logsClient } })) {
 *   if (event.type === "log") console.log(event.stream, event.message);
 *   else console.log(event.time, event.status, event.secondaryStatus);
 * }
 * ```
 */
export function watchJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  options: WatchJobOptions & { readonly logs: JobLogsOptions },
): AsyncGenerator<JobWatchEvent<JobDescription<O>>, JobDescription<O>, undefined>;
export function watchJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  options: WatchJobOptions & { readonly logs?: undefined },
): AsyncGenerator<JobStatusEvent<JobDescription<O>>, JobDescription<O>, undefined>;
export function watchJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  options: WatchJobOptions,
): AsyncGenerator<JobWatchEvent<JobDescription<O>>, JobDescription<O>, undefined>;
export async function* watchJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  options: WatchJobOptions,
): AsyncGenerator<JobWatchEvent<JobDescription<O>>, JobDescription<O>, undefined> {
  const run = resolveWaitRun(options, kind);
  const operation = enterOperation(options.signal);
  try {
    return yield* watch(kind, jobName, { ...run, signal: operation.signal });
  } finally {
    operation.leave();
  }
}

/** The status loop behind every wait, on options already resolved (see `resolveWaitRun`). */
export async function* watch<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  run: WaitRun,
): AsyncGenerator<JobWatchEvent<JobDescription<O>>, JobDescription<O>, undefined> {
  const { client, clock, signal, wait } = run;
  const started = clock.now();
  const deadline = started + wait.maxWaitSeconds * 1000;
  const intervalMs = wait.checkIntervalSeconds * 1000;
  const observedStatuses: Record<string, number> = {};
  let attempts = 0;
  let last: JobDescription<O> | undefined;

  const timeout = async (limit: "maxWaitSeconds" | "maxAttempts", cause?: unknown): Promise<never> => {
    const { stopRequested, stopError } = await stopBeforeThrowing(kind, client, jobName, wait.stopOnTimeout);
    const status = last === undefined ? undefined : jobStatus(kind, last);
    throw new WaitTimeoutError({
      jobKind: kind.label,
      kindName: kind.exportName,
      jobName,
      limit,
      limitValue: wait[limit],
      attempts,
      elapsedMs: clock.now() - started,
      lastStatus: status?.status,
      lastSecondaryStatus: status?.secondaryStatus,
      observedStatuses: { ...observedStatuses },
      description: last as JsonDescription | undefined,
      stopRequested,
      cause: stopError ?? cause,
    });
  };

  let retries = 0;
  const describe = async (): Promise<JobDescription<O>> => {
    for (let failures = 1; ; failures++) {
      try {
        return await describeJob(kind, client, jobName, signal);
      } catch (err) {
        if (signal?.aborted) throw err;
        const transient = isTransientError(err);
        if (!transient || failures >= wait.retry.maxConsecutiveFailures) {
          const detail = transient
            ? `its status check (Describe) failed ${failures} times in a row`
            : "its status check (Describe) failed with an error that retrying will not fix";
          throw await waitFailed(kind, client, jobName, { during: "describe", detail, cause: err, last, stop: wait.stopOnError });
        }
        // Throttling, 5xx and dropped connections are retried without spending an attempt (as
        // Airflow's waiter loop does), after a jittered back-off that ends no later than the deadline.
        const code = errorCode(err) ?? "unknown";
        const key = `error ${code}`;
        observedStatuses[key] = (observedStatuses[key] ?? 0) + 1;
        retries++;
        const remaining = deadline - clock.now();
        if (remaining <= 0) await timeout("maxWaitSeconds", err);
        const delayMs = Math.min(backoffDelayMs(wait.retry, failures), remaining);
        const time = new Date(clock.now()).toISOString();
        try {
          wait.onRetry?.({
            type: "retry",
            jobName,
            request: "describe",
            error: code,
            attempt: failures,
            delaySeconds: delayMs / 1000,
            time,
          });
        } catch (callbackError) {
          const failure = { during: "onRetry", detail: "the onRetry callback threw", cause: callbackError, last } as const;
          throw await waitFailed(kind, client, jobName, { ...failure, stop: wait.stopOnError });
        }
        await clock.sleep(delayMs, signal);
      }
    }
  };

  const followLogs = (logs: NonNullable<WaitRun["logs"]>): Promise<LogWatch> =>
    watchLogs(logs, {
      jobName,
      clock,
      signal,
      retry: wait.retry,
      count: (key) => {
        observedStatuses[key] = (observedStatuses[key] ?? 0) + 1;
      },
      fail: async (during, detail, cause) => {
        throw await waitFailed(kind, client, jobName, { during, detail, cause, last, stop: wait.stopOnError });
      },
    });

  try {
    const logs = run.logs === undefined ? undefined : await followLogs(run.logs);
    let lastKey: string | undefined;
    for (;;) {
      signal?.throwIfAborted();
      const description = await describe();
      attempts++;
      last = description;
      const { status, secondaryStatus } = jobStatus(kind, description);
      const key = secondaryStatus === undefined ? status : `${status}/${secondaryStatus}`;
      observedStatuses[key] = (observedStatuses[key] ?? 0) + 1;
      // The lines written up to this check come before the status change it saw.
      if (logs) yield* logs.read();
      if (key !== lastKey) {
        lastKey = key;
        const time = new Date(clock.now()).toISOString();
        yield {
          type: "status",
          jobName,
          status,
          ...(secondaryStatus === undefined ? {} : { secondaryStatus }),
          time,
          description,
          retries,
        };
      }
      if (jobOutcome(kind, description) !== "running") {
        // No line is lost: CloudWatch may show the last ones some seconds after the job ended.
        if (logs) yield* logs.drain();
        judgeJob(kind, jobName, description, logs?.tail());
        return description;
      }
      if (attempts >= wait.maxAttempts) await timeout("maxAttempts");
      const remaining = deadline - clock.now();
      if (remaining <= 0) await timeout("maxWaitSeconds");
      // Sleep no further than the deadline, so the last check happens exactly on it.
      await clock.sleep(Math.min(intervalMs, remaining), signal);
    }
  } catch (err) {
    // Whatever was in flight (a sleep, a Describe, a timeout), an abort means: stop the job unless
    // told not to, then report the caller's reason.
    await leaveIfAborted(kind, client, jobName, signal, wait.stopOnAbort);
    throw err;
  }
}
