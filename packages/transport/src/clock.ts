/**
 * The time port every piece of sagerun reads time through. Nothing in the product calls
 * `Date.now()` or `setTimeout` directly (only `system-clock.ts` does), so the same code runs on
 * wall time against AWS and on virtual time against the emulator.
 *
 * Times are epoch milliseconds.
 */
export interface Clock {
  /** The current time, epoch milliseconds. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds of this clock's time. Rejects with `signal.reason` as soon as
   * `signal` aborts (at once if it already has), and leaves no timer or listener behind.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The reason a sleep rejects with when its signal aborted without one. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

export function assertSleepDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`Clock.sleep: ms [${ms}] must be a finite number greater than or equal to 0.`);
  }
}

/**
 * A clock that must not move on its own while real (host) I/O is in flight, because a task
 * blocked on a socket or a host timer is not waiting on it: {@link VirtualClock}.
 */
export interface HoldableClock extends Clock {
  /** Marks host I/O in flight until the returned function is called. */
  hold(): () => void;
}

/** Holds `clock` if it can be held (see {@link HoldableClock}); otherwise a no-op. */
export function holdClock(clock: Clock): () => void {
  const hold = (clock as Partial<HoldableClock>).hold;
  return typeof hold === "function" ? hold.call(clock) : () => {};
}
