import { assertSleepDuration, type Clock } from "./clock.js";
import { systemClock } from "./system-clock.js";

export interface ScaledClockOptions {
  /** Virtual seconds that pass per real second. @default 1 */
  scale?: number;
  /** Where virtual time starts. @default the host's now */
  start?: number;
  /** The real clock underneath. @default systemClock */
  host?: Clock;
}

/**
 * Virtual time that runs at `scale` times real time, plus whatever {@link advance} adds: for
 * clients outside the process (boto3, the AWS CLI) that poll with real sleeps.
 */
export class ScaledClock implements Clock {
  readonly scale: number;
  readonly #host: Clock;
  readonly #hostStart: number;
  readonly #start: number;
  #offset = 0;

  constructor(options: ScaledClockOptions = {}) {
    this.scale = options.scale ?? 1;
    if (!Number.isFinite(this.scale) || this.scale <= 0) {
      throw new RangeError(`ScaledClock: scale [${this.scale}] must be a finite number greater than 0.`);
    }
    this.#host = options.host ?? systemClock;
    this.#hostStart = this.#host.now();
    this.#start = options.start ?? this.#hostStart;
  }

  now(): number {
    return Math.floor(this.#start + (this.#host.now() - this.#hostStart) * this.scale + this.#offset);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    assertSleepDuration(ms);
    return this.#host.sleep(ms / this.scale, signal);
  }

  /** Jumps virtual time forward by `ms` at once. */
  advance(ms: number): void {
    assertSleepDuration(ms);
    this.#offset += ms;
  }
}
