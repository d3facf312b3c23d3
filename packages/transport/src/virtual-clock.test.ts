import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "./virtual-clock.js";

describe("VirtualClock", () => {
  it("starts at 2026-01-01T00:00:00Z unless told otherwise", () => {
    expect(new Date(new VirtualClock().now()).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(new VirtualClock({ start: 5 }).now()).toBe(5);
  });

  it("jumps to the next deadline by itself when every task is asleep", async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    await clock.sleep(2 * 60 * 60 * 1000);
    expect(clock.now() - start).toBe(2 * 60 * 60 * 1000);
  });

  it("runs a 2-hour poll loop every 30 s to the end, one wake per poll", async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    let polls = 0;
    while (clock.now() - start < 7_200_000) {
      polls++;
      await clock.sleep(30_000);
    }
    expect(polls).toBe(240);
    expect(clock.now() - start).toBe(7_200_000);
  });

  it("does not move while nobody sleeps, nor when auto-advance is off", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    const t0 = clock.now();
    let woke = false;
    void clock.sleep(1000).then(() => (woke = true));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(woke).toBe(false);
    expect(clock.now()).toBe(t0);
    await clock.advance(999);
    expect(woke).toBe(false);
    await clock.advance(1);
    expect(woke).toBe(true);
    expect(clock.now()).toBe(t0 + 1000);
  });

  it("rejects a sleep with the signal's reason and forgets the sleeper", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    expect(clock.pendingSleepers).toBe(1);
    controller.abort(new Error("cancelled"));
    await expect(sleeping).rejects.toThrow("cancelled");
    expect(clock.pendingSleepers).toBe(0);
    await expect(clock.sleep(5, controller.signal)).rejects.toThrow("cancelled");
  });

  it("refuses negative sleeps and moving backwards", async () => {
    const clock = new VirtualClock();
    expect(() => clock.sleep(-1)).toThrow(RangeError);
    await expect(clock.advanceTo(clock.now() - 1)).rejects.toThrow(RangeError);
  });

  it("holds auto-advance while real I/O is in flight", async () => {
    const clock = new VirtualClock();
    const release = clock.hold();
    let woke = false;
    void clock.sleep(1000).then(() => (woke = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(woke).toBe(false);
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect(woke).toBe(true);
  });

  it("property: sleepers wake in deadline order, each seeing now() equal to its deadline", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 20 }), fc.boolean(), async (delays, auto) => {
        const clock = new VirtualClock({ autoAdvance: auto });
        const t0 = clock.now();
        const woken: { delay: number; index: number; at: number }[] = [];
        const all = delays.map((delay, index) => clock.sleep(delay).then(() => woken.push({ delay, index, at: clock.now() })));
        if (!auto) await clock.advance(Math.max(...delays));
        await Promise.all(all);
        for (const w of woken) expect(w.at).toBe(t0 + w.delay);
        const order = woken.map((w) => [w.delay, w.index] as const);
        const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(order).toEqual(sorted);
      }),
      { numRuns: 100 },
    );
  });

  it("property: a task woken mid-advance that sleeps again wakes before later deadlines", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 3000 }),
        async (a, b, c) => {
          const clock = new VirtualClock({ autoAdvance: false });
          const t0 = clock.now();
          const log: [string, number][] = [];
          const chained = clock.sleep(a).then(async () => {
            log.push(["a", clock.now() - t0]);
            await clock.sleep(b);
            log.push(["a+b", clock.now() - t0]);
          });
          const single = clock.sleep(c).then(() => log.push(["c", clock.now() - t0]));
          await clock.advance(a + b + c);
          await Promise.all([chained, single]);
          const times = log.map(([, t]) => t);
          expect(times).toEqual([...times].sort((x, y) => x - y));
          expect(clock.now() - t0).toBe(a + b + c);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe("event sources (time skipping for host-timer polling)", () => {
    const hostTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

    it("skips to the next event when nobody sleeps or holds, one event per observation", async () => {
      const clock = new VirtualClock({ start: 0 });
      const events = [1_000, 5_000, 9_000];
      clock.addEventSource(() => events.find((t) => t > clock.now()));
      clock.hold()(); // an observation (a request came and went)
      await hostTurn();
      expect(clock.now()).toBe(1_000);
      await hostTurn();
      expect(clock.now()).toBe(1_000); // nobody looked since the skip: no second skip
      clock.hold()();
      await hostTurn();
      expect(clock.now()).toBe(5_000);
    });

    it("never skips while the clock is held, and lets sleepers decide when someone sleeps", async () => {
      const clock = new VirtualClock({ start: 0 });
      clock.addEventSource(() => (clock.now() < 1_000 ? 1_000 : undefined));
      const release = clock.hold();
      await hostTurn();
      expect(clock.now()).toBe(0);
      const sleeper = clock.sleep(300);
      release();
      await sleeper;
      expect(clock.now()).toBe(300);
    });

    it("does nothing with auto-advance off, and stops after the source is removed", async () => {
      const off = new VirtualClock({ start: 0, autoAdvance: false });
      off.addEventSource(() => 1_000);
      off.hold()();
      await hostTurn();
      expect(off.now()).toBe(0);
      const on = new VirtualClock({ start: 0 });
      on.addEventSource(() => 1_000)();
      on.hold()();
      await hostTurn();
      expect(on.now()).toBe(0);
    });
  });
});
