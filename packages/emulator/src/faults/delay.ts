/**
 * Injected latency: real (wall-clock) time on a host timer, never a busy wait, so the event loop
 * keeps serving other requests meanwhile. The virtual clock is held by the front door for the
 * whole request, so an auto-advancing clock does not jump while an answer is delayed.
 */
export function wallClockDelay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
