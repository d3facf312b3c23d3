import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../random.js";
import { chooseVariant } from "./variant.js";

/** 1–5 variants with distinct names, weights 0 (no traffic) or in (0, 100], at least one above 0. */
const variantsArb = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 1, maxLength: 5 })
  .filter((weights) => weights.some((weight) => weight > 0))
  .map((weights) => weights.map((weight, i) => ({ name: `v${i}`, weight })));

describe(chooseVariant.name, () => {
  it("property: whatever the draw in [0, 1), the chosen variant has a weight above 0", () => {
    fc.assert(
      fc.property(variantsArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (variants, draw) => {
        const chosen = chooseVariant(variants, () => draw);
        expect(chosen).toBeDefined();
        expect(chosen!.weight).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("property: over many seeded draws each variant's share approaches its weight over the sum of weights", () => {
    const draws = 4000;
    fc.assert(
      fc.property(variantsArb, fc.integer(), (variants, seed) => {
        const random = seededRandom(seed);
        const counts = new Map<string, number>();
        for (let i = 0; i < draws; i++) {
          const chosen = chooseVariant(variants, random.next)!;
          counts.set(chosen.name, (counts.get(chosen.name) ?? 0) + 1);
        }
        const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
        for (const variant of variants) {
          const expected = variant.weight / total;
          // Five standard deviations of a binomial share: a seeded stream this far off is a bug, not luck.
          const tolerance = 5 * Math.sqrt((expected * (1 - expected)) / draws) + 1e-9;
          expect(Math.abs((counts.get(variant.name) ?? 0) / draws - expected)).toBeLessThanOrEqual(tolerance);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("replays the same choices for the same seed, and has none when every weight is 0", () => {
    const variants = [
      { name: "A", weight: 1 },
      { name: "B", weight: 3 },
    ];
    const run = (seed: number) =>
      Array.from(
        { length: 20 },
        (
          (random) => () =>
            chooseVariant(variants, random.next)!.name
        )(seededRandom(seed)),
      );
    expect(run(42)).toEqual(run(42));
    expect(chooseVariant([{ name: "A", weight: 0 }], Math.random)).toBeUndefined();
    expect(chooseVariant([], Math.random)).toBeUndefined();
  });
});
