/** How transient errors are retried, resolved from the `retry` wait option (see `resolveWaitOptions`). */
export interface RetryPolicy {
  /** Transient errors tolerated in a row; the next one ends the retrying. May be Infinity. */
  readonly maxConsecutiveFailures: number;
  /** The back-off of the first retry before jitter, in milliseconds. */
  readonly baseDelayMs: number;
  /** No back-off exceeds this, in milliseconds. */
  readonly maxDelayMs: number;
  /** A number in [0, 1) per call: the jitter. */
  readonly random: () => number;
}

/**
 * The delay before retry number `failures` (1 for the first error after a success), with "full
 * jitter": drawn uniformly from [0, min(cap, base × 2^(failures − 1))), in whole milliseconds.
 * Spreading retries over the whole window is what keeps many clients throttled at once from
 * coming back in lockstep ("Exponential Backoff And Jitter", AWS Architecture Blog,
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/); smithy's
 * `DefaultRetryBackoffStrategy` draws the same way, with a 100 ms base and a 20 s cap.
 *
 * @example
 * ```ts
 * backoffDelayMs({ maxConsecutiveFailures: 8, baseDelayMs: 1000, maxDelayMs: 30_000, random: () => 0.5 }, 3); // 2000
 * ```
 */
export function backoffDelayMs(policy: RetryPolicy, failures: number): number {
  const draw = policy.random();
  if (typeof draw !== "number" || !(draw >= 0 && draw <= 1)) {
    throw new RangeError(
      `Wait option retry.random() returned [${String(draw)}]; it must return a number in [0, 1). Please pass a function such as Math.random.`,
    );
  }
  // 2 ** 1100 is Infinity, and min() keeps the cap: no overflow however long the outage.
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
  return Math.floor(draw * window);
}
