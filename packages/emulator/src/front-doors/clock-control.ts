import type { Clock } from "@sagerun/transport";

/**
 * What a transport may do to the emulator's clock beyond the {@link Clock} port, duck-typed so any
 * copy of `@sagerun/transport` works: VirtualClock has `hold()` and an async `advance`,
 * ScaledClock a sync `advance`, systemClock neither.
 */
interface ControllableClock extends Clock {
  hold?: () => () => void;
  advance?: (ms: number) => void | Promise<void>;
}

/**
 * Marks a request in flight: a VirtualClock must not auto-advance while a front door waits on
 * real I/O (a task blocked on a socket is not waiting on the clock). Returns the release.
 */
export function holdClock(clock: Clock): () => void {
  const hold = (clock as ControllableClock).hold;
  return typeof hold === "function" ? hold.call(clock) : () => {};
}

/** Moves the clock forward by `ms`; false when this clock cannot be moved (e.g. systemClock). */
export async function advanceClock(clock: Clock, ms: number): Promise<boolean> {
  const advance = (clock as ControllableClock).advance;
  if (typeof advance !== "function") return false;
  await advance.call(clock, ms);
  return true;
}
