import type { Clock } from "@sagerun/transport";

/**
 * The clock an emulator with a state dir runs on: the server's clock, which can be held at one
 * instant. Replay holds it at each record's instant, so every request is served when it first
 * was; serving holds it too, so the instant a request is logged with is the one it was served at.
 * `advance` reports each move, which the state dir records as where the clock stands.
 */
export class ReplayClock implements Clock {
  readonly #inner: Clock & { advance?: (ms: number) => void | Promise<void> };
  #pinned: number | undefined;
  /** Called after every `advance` with the clock's new position. */
  onAdvance: (now: number) => void = () => {};

  constructor(inner: Clock) {
    this.#inner = inner;
  }

  now(): number {
    return this.#pinned ?? this.#inner.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return this.#inner.sleep(ms, signal);
  }

  /** Runs `fn` with `now()` held at `at` (replay), or at the clock's current instant (serving). */
  at<T>(at: number | undefined, fn: (now: number) => T): T {
    const previous = this.#pinned;
    const now = at ?? this.now();
    this.#pinned = now;
    try {
      return fn(now);
    } finally {
      this.#pinned = previous;
    }
  }

  /** Present only when the clock underneath can be advanced (the admin route duck-types it). */
  get advance(): ((ms: number) => Promise<void>) | undefined {
    const advance = this.#inner.advance;
    if (typeof advance !== "function") return undefined;
    return async (ms) => {
      await advance.call(this.#inner, ms);
      this.onAdvance(this.now());
    };
  }
}
