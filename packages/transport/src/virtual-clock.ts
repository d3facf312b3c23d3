import { abortReason, assertSleepDuration, type HoldableClock } from "./clock.js";
import { nextMacrotask } from "./system-clock.js";

export interface VirtualClockOptions {
  /** Where virtual time starts. @default 2026-01-01T00:00:00.000Z */
  start?: number | Date;
  /**
   * When every task is waiting on this clock (no microtask left to run), jump to the earliest
   * sleeper's deadline and wake it. Turn off to drive time only by {@link VirtualClock.advance}.
   * @default true
   */
  autoAdvance?: boolean;
}

interface Sleeper {
  readonly deadline: number;
  readonly seq: number;
  readonly wake: () => void;
}

export const DEFAULT_VIRTUAL_START = Date.UTC(2026, 0, 1);

/**
 * Time that moves only when told to, or, with `autoAdvance`, as soon as everybody is asleep: an
 * operator polling every 30 s against a two-hour job returns in milliseconds of wall time.
 *
 * Sleepers wake in deadline order (ties in the order they went to sleep), each with `now()`
 * equal to its deadline. `advance`/`advanceTo` let each woken task run until it waits again
 * before the next wakes; auto-advance wakes everyone due at the same deadline in one turn.
 *
 * "Everybody is asleep" is judged from the outside: no sleeper came or went for a whole host
 * macrotask turn and nobody holds the clock. Work made only of promises (the in-process SDK
 * round trip) finishes inside a turn; work that waits on the host (sockets, real timers such as
 * the SDK's retry back-off) must {@link hold} the clock for its duration, or time could jump
 * while it is in flight. The emulator's clients and front doors do so.
 */
export class VirtualClock implements HoldableClock {
  #now: number;
  #seq = 0;
  #sleepers: Sleeper[] = [];
  #holds = 0;
  #advancing = false;
  #checkScheduled = false;
  /** Bumped on every change to the sleeper set; a quiet check sees it unchanged. */
  #epoch = 0;
  readonly #autoAdvance: boolean;
  readonly #sources = new Set<() => number | undefined>();
  /** Whether somebody held the clock (a request came) since time last skipped to an event. */
  #observed = true;

  constructor(options: VirtualClockOptions = {}) {
    const start = options.start ?? DEFAULT_VIRTUAL_START;
    this.#now = typeof start === "number" ? start : start.getTime();
    if (!Number.isFinite(this.#now)) throw new RangeError(`VirtualClock: start [${String(start)}] is not a valid time.`);
    this.#autoAdvance = options.autoAdvance ?? true;
  }

  now(): number {
    return this.#now;
  }

  /** How many tasks are asleep on this clock. */
  get pendingSleepers(): number {
    return this.#sleepers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    assertSleepDuration(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = (): void => {
        this.#remove(sleeper);
        reject(abortReason(signal!));
      };
      const sleeper: Sleeper = {
        deadline: this.#now + ms,
        seq: this.#seq++,
        wake: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#insert(sleeper);
    });
  }

  /** Moves time forward by `ms`, waking every sleeper whose deadline falls inside, in order. */
  advance(ms: number): Promise<void> {
    assertSleepDuration(ms);
    return this.advanceTo(this.#now + ms);
  }

  /** Moves time forward to `time` (epoch ms). Moving backwards is an error: time is monotonic. */
  async advanceTo(time: number): Promise<void> {
    if (!(time >= this.#now)) {
      throw new RangeError(`VirtualClock.advanceTo: time [${time}] must not be before now [${this.#now}].`);
    }
    this.#advancing = true;
    try {
      for (let next = this.#sleepers[0]; next && next.deadline <= time; next = this.#sleepers[0]) {
        this.#wakeEarliest();
        // Let the woken task run until it waits again, so a sleep it starts now can still wake
        // before `time` and in the right order.
        await nextMacrotask();
      }
      this.#now = time;
    } finally {
      this.#advancing = false;
    }
    this.#scheduleCheck();
  }

  /**
   * Marks real (host) I/O in flight: auto-advance waits until every hold is released, since a
   * task blocked on a socket is not waiting on this clock. Returns the release function.
   */
  hold(): () => void {
    this.#holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds--;
      this.#epoch++;
      this.#observed = true;
      this.#scheduleCheck();
    };
  }

  /**
   * Registers something that changes on its own at known times (an emulator's next lifecycle
   * event): `next()` says when, or undefined. While nobody sleeps on this clock or holds it, time
   * skips to the earliest such event, the way a time-skipping test server treats its timers, so
   * code that polls on host timers (the AWS SDK's waiters, a `setTimeout` loop) still sees time
   * move. One event per observation: after a skip, time waits for the next hold (a request)
   * before skipping again, so such a loop sees each change in turn. Needs `autoAdvance`.
   * Returns a function that unregisters the source.
   */
  addEventSource(next: () => number | undefined): () => void {
    this.#sources.add(next);
    this.#scheduleCheck();
    return () => {
      this.#sources.delete(next);
    };
  }

  #nextEvent(): number | undefined {
    let earliest: number | undefined;
    for (const next of this.#sources) {
      const at = next();
      if (at !== undefined && at > this.#now && (earliest === undefined || at < earliest)) earliest = at;
    }
    return earliest;
  }

  #insert(sleeper: Sleeper): void {
    // Keep the list sorted by (deadline, seq); binary search for the insertion point.
    let lo = 0;
    let hi = this.#sleepers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#sleepers[mid]!.deadline <= sleeper.deadline) lo = mid + 1;
      else hi = mid;
    }
    this.#sleepers.splice(lo, 0, sleeper);
    this.#epoch++;
    this.#scheduleCheck();
  }

  #remove(sleeper: Sleeper): void {
    const i = this.#sleepers.indexOf(sleeper);
    if (i >= 0) this.#sleepers.splice(i, 1);
    this.#epoch++;
  }

  #wakeEarliest(): void {
    const sleeper = this.#sleepers.shift();
    if (!sleeper) return;
    this.#now = Math.max(this.#now, sleeper.deadline);
    this.#epoch++;
    sleeper.wake();
  }

  #scheduleCheck(): void {
    if (!this.#autoAdvance || this.#checkScheduled) return;
    const skipping = this.#sources.size > 0 && this.#observed;
    if (this.#sleepers.length === 0 && !skipping) return;
    this.#checkScheduled = true;
    const epoch = this.#epoch;
    void nextMacrotask().then(() => {
      this.#checkScheduled = false;
      if (this.#advancing || this.#holds > 0) return;
      // Something happened during that turn: somebody is still working; look again later.
      if (this.#epoch !== epoch) return this.#scheduleCheck();
      if (this.#sleepers.length === 0) {
        // Nobody waits on this clock: whoever polls does so on host timers. Skip to the next event.
        const event = this.#observed ? this.#nextEvent() : undefined;
        if (event === undefined) return;
        this.#now = event;
        this.#observed = false;
        this.#epoch++;
        return;
      }
      // Everybody due at the earliest deadline wakes in this turn (in the order they slept):
      // a hundred operators polling on the same beat cost one turn, not a hundred.
      const deadline = this.#sleepers[0]!.deadline;
      while (this.#sleepers[0]?.deadline === deadline) this.#wakeEarliest();
      this.#scheduleCheck();
    });
  }
}
