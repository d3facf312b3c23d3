import type { Clock } from "@sagerun/transport";
import { backoffDelayMs, type RetryPolicy } from "../internal/backoff.js";
import { LogFollower } from "../logs/log-follower.js";
import type { JobLogLine, ResolvedJobLogs } from "../logs/logs-options.js";
import { logsReader } from "../logs/logs-reader.js";
import { MAX_CONSECUTIVE_TRANSIENT_ERRORS } from "./wait-options.js";

/** One log line of the job being watched, as `watchJob` yields it beside the status changes. */
export interface JobLogEvent extends JobLogLine {
  readonly type: "log";
  readonly jobName: string;
}

/** What the log side of a wait needs from the status loop it runs in. */
interface LogWatchContext {
  readonly jobName: string;
  readonly clock: Clock;
  readonly signal: AbortSignal | undefined;
  /** How a throttled last read is retried: the wait's `retry` option. */
  readonly retry: RetryPolicy;
  /** Counts what the wait observed (`WaitTimeoutError.observedStatuses`). */
  readonly count: (key: string) => void;
  /** Ends the wait with `WaitFailedError`: reading failed for good (`"logs"`) or `onLine` threw. */
  readonly fail: (during: "logs" | "onLine", detail: string, cause: unknown) => Promise<never>;
}

/** The log side of one wait; see {@link watchLogs}. */
export interface LogWatch {
  /** Reads every stream of the job once and yields the new lines; a throttled read is skipped (and counted). */
  read(): AsyncGenerator<JobLogEvent, boolean>;
  /** Once the job has ended: waits `drainSeconds`, then reads until a read is not cut short (a few tries). */
  drain(): AsyncGenerator<JobLogEvent, void>;
  /** The last `tailLines` lines read, oldest first. */
  tail(): JobLogLine[];
}

/**
 * Follows the job's log streams for a status loop: `read()` after each status check, `drain()`
 * once the job has ended. Lines go to `onLine`, then out as {@link JobLogEvent}s; the last ones
 * are kept for the error of a job that did not complete.
 */
export async function watchLogs(logs: ResolvedJobLogs, ctx: LogWatchContext): Promise<LogWatch> {
  const follower = new LogFollower(await logsReader(logs.client), logs.group, ctx.jobName);
  const tail: JobLogLine[] = [];

  async function* read(): AsyncGenerator<JobLogEvent, boolean> {
    let round: Awaited<ReturnType<LogFollower["read"]>>;
    try {
      round = await follower.read(ctx.signal);
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      return ctx.fail("logs", "reading its logs (CloudWatch Logs) failed with an error that retrying will not fix", err);
    }
    // Throttling must not fail the wait: the streams' tokens have not moved past what was not read.
    if (round.skipped !== undefined) ctx.count(`logs error ${round.skipped}`);
    for (const line of round.lines) {
      tail.push(line);
      if (tail.length > logs.tailLines) tail.shift();
      try {
        logs.onLine?.(line);
      } catch (err) {
        await ctx.fail("onLine", "the logs.onLine callback threw", err);
      }
      yield { type: "log", jobName: ctx.jobName, ...line };
    }
    return round.skipped === undefined;
  }

  async function* drain(): AsyncGenerator<JobLogEvent, void> {
    await ctx.clock.sleep(logs.drainSeconds * 1000, ctx.signal);
    // The job's outcome is known; a throttled last read is worth a few retries (after the wait's
    // jittered back-off), never a failed wait, nor an endless one.
    for (let failures = 1; !(yield* read()) && failures < MAX_CONSECUTIVE_TRANSIENT_ERRORS; failures++) {
      await ctx.clock.sleep(backoffDelayMs(ctx.retry, failures), ctx.signal);
    }
  }

  return { read, drain, tail: () => [...tail] };
}
