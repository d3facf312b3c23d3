import type { JsonDescription } from "../errors/index.js";
import { track } from "../internal/running-operators.js";
import type { JobDescription, JobKind } from "../job-kinds/job-kind.js";
import { waitFailed } from "./wait-failed.js";
import { resolveWaitRun, type WaitRun } from "./wait-options.js";
import { watch, type JobStatusEvent, type WatchJobOptions } from "./watch-job.js";

/** Options of {@link waitForJob}. */
export interface WaitForJobOptions<D = JsonDescription> extends WatchJobOptions {
  /**
   * Called once per change of (status, secondary status), the first status included. If it
   * throws, the wait ends with `WaitFailedError` (`during: "onStatusChange"`, the thrown error as
   * `cause`) after stopping the job unless `stopOnError` is false. Not swallowed: a callback that
   * records progress and silently stops working is worse than a loud failure, and once the wait
   * rejects nobody watches the job, the same reason a timeout stops it.
   */
  readonly onStatusChange?: (event: JobStatusEvent<D>) => void;
}

/**
 * Waits for a job to finish and returns its final description (JSON-safe). Rejects with
 * `JobFailedError`, `JobStoppedError`, `MaxRuntimeExceededError`, `MaxWaitTimeExceededError`,
 * `WaitTimeoutError` or `WaitFailedError` (each carrying `jobName`), or with `signal.reason` after
 * stopping the job (`stopOnAbort`) when `signal` aborts. Also the way to resume waiting for a job
 * after a `WaitTimeoutError` or `WaitFailedError` with the stop option off: pass `err.jobName`.
 * With `logs`, each status check also reads the job's new log lines for `logs.onLine`, and the
 * error of a job that did not complete keeps the last ones (`logTail`).
 *
 * @example
 * ```ts
 * const description = await waitForJob(trainingJob, "my-job", {
 *   client,
 *   clock,
 *   maxWaitSeconds: 4 * 3600,
 *   onStatusChange: (e) => console.log(e.time, e.status, e.secondaryStatus),
 *   logs: { client: logsClient, onLine: (line) => console.log(line.stream, line.message) },
 * });
 * ```
 */
export async function waitForJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  options: WaitForJobOptions<JobDescription<O>>,
): Promise<JobDescription<O>> {
  const run = resolveWaitRun(options, kind);
  return track(options.signal, (signal) => waitUntilDone(kind, jobName, { ...run, signal }, options.onStatusChange));
}

/** {@link waitForJob} on options already resolved: what `runJob` waits with too. */
export async function waitUntilDone<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  run: WaitRun,
  onStatusChange: ((event: JobStatusEvent<JobDescription<O>>) => void) | undefined,
): Promise<JobDescription<O>> {
  const events = watch(kind, jobName, run);
  for (;;) {
    const next = await events.next();
    if (next.done) return next.value;
    // Log lines have had their `logs.onLine` call inside the loop.
    if (next.value.type === "log") continue;
    try {
      onStatusChange?.(next.value);
    } catch (err) {
      // End the generator (it is paused at its yield and holds no timer); stopping is stopOnError's call.
      await events.return(next.value.description);
      const failure = {
        during: "onStatusChange",
        detail: "the onStatusChange callback threw",
        cause: err,
        last: next.value.description,
      } as const;
      throw await waitFailed(kind, run.client, jobName, { ...failure, stop: run.wait.stopOnError });
    }
  }
}
