import type { Clock } from "@sagerun/transport";

/**
 * The admin endpoint's view of the clock beyond the {@link Clock} port, duck-typed so any copy of
 * `@sagerun/transport` works: VirtualClock has an async `advance`, ScaledClock a sync one,
 * systemClock none.
 */
interface AdvanceableClock extends Clock {
  advance?: (ms: number) => void | Promise<void>;
}

/** Moves the clock forward by `ms`; false when this clock cannot be moved (e.g. systemClock). */
export async function advanceClock(clock: Clock, ms: number): Promise<boolean> {
  const advance = (clock as AdvanceableClock).advance;
  if (typeof advance !== "function") return false;
  await advance.call(clock, ms);
  return true;
}
