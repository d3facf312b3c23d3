import type { Clock } from "@sagerun/transport";

/**
 * The emulator's view of its clock: during one request, `now()` is read once and then held, so a
 * request sees one instant (sync, the status check, the event it records). On a clock that keeps
 * running (the HTTP server's ScaledClock), reading it twice could let a job complete between
 * StopTrainingJob's status check and the stop it records.
 */
export class RequestClock implements Clock {
  readonly #clock: Clock;
  #pinned: number | undefined;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  now(): number {
    return this.#pinned ?? this.#clock.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.#clock.sleep(ms, signal);
  }

  /** Runs `fn` with `now()` fixed at the clock's current time (nested calls keep the outer instant). */
  atOneInstant<T>(fn: (now: number) => T): T {
    if (this.#pinned !== undefined) return fn(this.#pinned);
    this.#pinned = this.#clock.now();
    try {
      return fn(this.#pinned);
    } finally {
      this.#pinned = undefined;
    }
  }

  /**
   * Runs `fn` with `now()` fixed at `at`, an instant at or before the one being served: a change
   * that came due while nobody looked is handled at its own time (see Emulator's sync).
   */
  at<T>(at: number, fn: () => T): T {
    const outer = this.#pinned;
    this.#pinned = at;
    try {
      return fn();
    } finally {
      this.#pinned = outer;
    }
  }
}
