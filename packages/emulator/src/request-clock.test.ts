import { describe, expect, it } from "vitest";
import { RequestClock } from "./request-clock.js";

describe("RequestClock", () => {
  it("holds one instant for the whole of a request, and follows the clock between requests", () => {
    let host = 1_000;
    const clock = new RequestClock({ now: () => host++, sleep: async () => {} });
    const seen = clock.atOneInstant((now) => {
      const inside = [clock.now(), clock.now(), clock.atOneInstant(() => clock.now())];
      return { now, inside };
    });
    expect(seen).toEqual({ now: 1_000, inside: [1_000, 1_000, 1_000] });
    expect(clock.now()).toBe(1_001);
  });

  it("releases the instant when the request throws", () => {
    let host = 0;
    const clock = new RequestClock({ now: () => (host += 10), sleep: async () => {} });
    expect(() =>
      clock.atOneInstant(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(clock.now()).toBe(20);
  });
});
