import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LogsStore } from "./store.js";

const messages = (store: LogsStore) =>
  store.groups
    .get("g")
    ?.streams.get("s")
    ?.events.map((e) => e.message) ?? [];

describe("LogsStore.schedule: a job's lines appear as the clock passes them", () => {
  it("reveals each line once its time has come, ingested at its own time", () => {
    const store = new LogsStore();
    store.schedule(
      "g",
      "s",
      [
        { timestamp: 30, message: "c" },
        { timestamp: 10, message: "a" },
        { timestamp: 20, message: "b" },
      ],
      () => Infinity,
      0,
    );
    expect(store.groups.has("g")).toBe(false);
    store.reveal(20);
    expect(messages(store)).toEqual(["a", "b"]);
    expect(
      store.groups
        .get("g")!
        .streams.get("s")!
        .events.map((e) => e.ingestionTime),
    ).toEqual([10, 20]);
    store.reveal(100);
    expect(messages(store)).toEqual(["a", "b", "c"]);
  });

  it("never reveals a line after the job stopped running, even when the stop came after scheduling", () => {
    const store = new LogsStore();
    let until = Infinity;
    store.schedule(
      "g",
      "s",
      [10, 20, 30, 40].map((t) => ({ timestamp: t, message: `t${t}` })),
      () => until,
      0,
    );
    store.reveal(15);
    until = 25; // a stop at 25, accepted at 15
    store.reveal(1000);
    expect(messages(store)).toEqual(["t10", "t20"]);
  });

  it("whatever the reveal times and the stop, shows exactly the lines up to min(now, stop), each once, in order (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        (times, reveals, stop) => {
          const store = new LogsStore();
          store.schedule(
            "g",
            "s",
            times.map((t, i) => ({ timestamp: t, message: `${t}:${i}` })),
            () => stop ?? Infinity,
            0,
          );
          let now = 0;
          for (const step of reveals) {
            now += step;
            store.reveal(now);
            const expected = times
              .map((t, i) => ({ t, i }))
              .filter(({ t }) => t <= Math.min(now, stop ?? Infinity))
              .sort((a, b) => a.t - b.t || a.i - b.i)
              .map(({ t, i }) => `${t}:${i}`);
            expect(messages(store).slice().sort()).toEqual(expected.slice().sort());
            expect(
              store.groups
                .get("g")
                ?.streams.get("s")
                ?.events.map((e) => e.timestamp) ?? [],
            ).toEqual(expected.map((m) => Number(m.split(":")[0])));
          }
        },
      ),
    );
  });
});
