import type { Clock } from "@sagerun/transport";
import { errorCode, isTransientError } from "./aws-errors.js";
import { backoffDelayMs, type RetryPolicy } from "./backoff.js";

/** One retry about to happen, as {@link retryTransient} reports it. */
export interface TransientFailure {
  /** The error's code (`"ThrottlingException"`, `"ECONNRESET"`…), `"unknown"` without one. */
  readonly error: string;
  /** How many times in a row the call has failed, this one included. */
  readonly attempt: number;
  /** The back-off about to be slept, in milliseconds of the clock. */
  readonly delayMs: number;
}

/** Where {@link retryTransient} sleeps, how long, and whom it tells. */
export interface RetryContext {
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  /** Cancels a back-off; the call itself is not given it. */
  readonly signal?: AbortSignal | undefined;
  /** Told of each retry before its back-off; what it throws ends the retrying. */
  readonly onRetry?: ((failure: TransientFailure) => void) | undefined;
}

/**
 * Calls `call` until it resolves. Transient errors (throttling, 5xx, dropped connections) are
 * retried after the policy's jittered back-off, slept on `clock` (virtual time on the emulator,
 * never a host timer), at most `maxConsecutiveFailures` times; the error after that, or any other
 * error, is thrown as it is.
 *
 * @example
 * ```ts
 * const found = await retryTransient(() => findJob(kind, client, name), { clock, policy });
 * ```
 */
export async function retryTransient<T>(call: () => Promise<T>, ctx: RetryContext): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await call();
    } catch (err) {
      if (!isTransientError(err) || failures >= ctx.policy.maxConsecutiveFailures) throw err;
      const delayMs = backoffDelayMs(ctx.policy, failures);
      ctx.onRetry?.({ error: errorCode(err) ?? "unknown", attempt: failures, delayMs });
      await ctx.clock.sleep(delayMs, ctx.signal);
    }
  }
}
