import { abortReason, assertSleepDuration, type Clock } from "./clock.js";

// This is the one file in sagerun that touches the host's timers. Everything else takes a Clock
// (fast-check captures its globals once in the same way: check/runner/DecorateProperty.ts).
const hostNow = Date.now;
const hostSetTimeout = setTimeout;
const hostClearTimeout = clearTimeout;
const hostSetImmediate = setImmediate;

/** Wall-clock time: what runs against real AWS. */
export const systemClock: Clock = {
  now: () => hostNow(),
  sleep(ms, signal) {
    assertSleepDuration(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = (): void => {
        hostClearTimeout(timer);
        reject(abortReason(signal!));
      };
      const timer = hostSetTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

/**
 * Resolves on the host's next macrotask turn, after every pending microtask has run. The virtual
 * clock uses it to tell "every task is waiting on me" from "some task is still computing".
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => hostSetImmediate(resolve));
}
