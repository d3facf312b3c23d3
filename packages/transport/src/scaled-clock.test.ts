import { describe, expect, it } from "vitest";
import type { Clock } from "./clock.js";
import { ScaledClock } from "./scaled-clock.js";

/** A hand-driven host clock, so the scale is checked without real waiting. */
function manualHost(): Clock & { set(t: number): void; slept: number[] } {
  let now = 1_000;
  const slept: number[] = [];
  return { now: () => now, set: (t) => (now = t), slept, sleep: async (ms) => void slept.push(ms) };
}

describe("ScaledClock", () => {
  it("runs virtual time at `scale` times the host's", () => {
    const host = manualHost();
    const clock = new ScaledClock({ scale: 60, start: 0, host });
    host.set(2_000); // one real second later
    expect(clock.now()).toBe(60_000);
  });

  it("sleeps the host for ms / scale", async () => {
    const host = manualHost();
    await new ScaledClock({ scale: 100, host }).sleep(30_000);
    expect(host.slept).toEqual([300]);
  });

  it("jumps forward on advance and refuses a non-positive scale", () => {
    const host = manualHost();
    const clock = new ScaledClock({ start: 0, host });
    clock.advance(5_000);
    expect(clock.now()).toBe(5_000);
    expect(() => new ScaledClock({ scale: 0 })).toThrow(RangeError);
  });
});
