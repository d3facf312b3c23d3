import { systemClock } from "@sagerun/transport";
import { abortRunning, runningOperators } from "./internal/running-operators.js";

type StopSignal = "SIGINT" | "SIGTERM";

// POSIX numbers; a shell reports a process killed by signal n as status 128 + n (130, 143).
const SIGNAL_NUMBERS: Readonly<Record<StopSignal, number>> = { SIGINT: 2, SIGTERM: 15 };

// How long the Stop requests may take before the process goes anyway. One takes well under a
// second; `docker stop` sends SIGKILL after 10 s and Kubernetes after 30 s by default.
const CLEANUP_LIMIT_MS = 30_000;

let uninstall: (() => void) | undefined;

/**
 * Opts the process in to stopping its SageMaker jobs when it is told to end: on SIGINT (Ctrl-C)
 * or SIGTERM (a killed Airflow task, `docker stop`, a CI timeout), every running operator is
 * aborted as if its `signal` had aborted, so each sends the Stop request its `stopOnAbort` asks
 * for (by default: the jobs it created, not the ones it reattached to), and its promise rejects
 * with an `AbortError`. Once all have settled and their callers had one turn to see it, the
 * process ends by the same signal, so a shell reports 130 or 143 and a supervisor sees a killed
 * child. A second signal ends it at once. Without this, a killed process leaves its jobs running
 * and billing; Airflow stops a job when its task is killed only where the operator has an
 * `on_kill`, and the SageMaker operators have none.
 *
 * While it stops, an uncaught error does not end the process early (a top-level
 * `await runTrainingJob(…)` rejects with the `AbortError` and would otherwise exit with status 1);
 * one that is not the `AbortError` is printed to stderr.
 *
 * Call it once, early; a second call changes nothing. Returns the function that removes the
 * handlers again.
 *
 * @example
 * ```ts
 * stopJobsOnSignal();
 * await runTrainingJob(config, { client, clock }); // Ctrl-C now stops the job, then exits with 130
 * ```
 */
export function stopJobsOnSignal(): () => void {
  if (uninstall) return uninstall;
  let reason: DOMException | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (reason !== undefined) {
      exitBy(signal);
      return;
    }
    reason = new DOMException(`The process received ${signal}; sagerun stopped the jobs its operators were running.`, "AbortError");
    process.on("uncaughtException", onUncaught);
    void stopEverything(reason).finally(() => exitBy(signal));
  };
  const onUncaught = (err: unknown): void => {
    if (err !== reason && (err as { cause?: unknown } | null)?.cause !== reason) console.error(err);
  };
  const remove = (): void => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("uncaughtException", onUncaught);
    if (uninstall === remove) uninstall = undefined;
  };
  const exitBy = (signal: StopSignal): void => {
    remove();
    // Dying by the signal itself is what a parent expects of a killed child; if the app has its
    // own handler for it, re-raising would only call that again, so exit with the same status.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    else process.exit(128 + SIGNAL_NUMBERS[signal]);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  uninstall = remove;
  return remove;
}

async function stopEverything(reason: DOMException): Promise<void> {
  const limit = new AbortController();
  const cleanup = (async () => {
    // Operators that start while others stop (a catch block retrying) are aborted in turn.
    while (runningOperators() > 0) await abortRunning(reason);
  })();
  const timeUp = systemClock.sleep(CLEANUP_LIMIT_MS, limit.signal).catch(() => undefined);
  await Promise.race([cleanup, timeUp]);
  limit.abort(); // no timer left behind
  // One host turn, so the operators' callers see their rejections (and can log them) first.
  await systemClock.sleep(0);
}
