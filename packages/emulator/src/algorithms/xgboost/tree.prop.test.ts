import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { growTree, presort, treeValue } from "./tree.js";

/**
 * The tree learner against a brute-force reference for its first split: every feature, every
 * midpoint between distinct values, missing values sent each way (and past either end), scored by the formula of the
 * XGBoost paper (without its ½, as XGBoost's code scores), the first best kept.
 */

const params = { maxDepth: 1, minChildWeight: 0, lambda: 1, alpha: 0, gamma: 0, maxDeltaStep: 0, eta: 1 };
const score = (G: number, H: number): number => (G * G) / (H + params.lambda);

function referenceSplit(rows: number[][], g: number[], h: number[]) {
  const G = g.reduce((s, v) => s + v, 0);
  const H = h.reduce((s, v) => s + v, 0);
  let best: { gain: number; feature: number; threshold: number; defaultLeft: boolean } | undefined;
  for (let f = 0; f < rows[0]!.length; f++) {
    const values = [...new Set(rows.map((r) => r[f]!).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    const hasMissing = rows.some((r) => Number.isNaN(r[f]!));
    // Midpoints (missing either way), and with missing values, the two ends: all present values on
    // one side, every missing one on the other.
    const candidates: [number, boolean][] = [];
    for (let t = 1; t < values.length; t++) {
      for (const defaultLeft of hasMissing ? [false, true] : [false]) candidates.push([(values[t - 1]! + values[t]!) / 2, defaultLeft]);
    }
    if (hasMissing && values.length > 0) candidates.push([values[0]! - 0.5, true], [values[values.length - 1]! + 0.5, false]);
    for (const [threshold, defaultLeft] of candidates) {
      const left = rows.map((r) => (Number.isNaN(r[f]!) ? defaultLeft : r[f]! < threshold));
      const GL = g.reduce((s, v, i) => s + (left[i] ? v : 0), 0);
      const HL = h.reduce((s, v, i) => s + (left[i] ? v : 0), 0);
      const gain = score(GL, HL) + score(G - GL, H - HL) - score(G, H);
      if (gain > 1e-6 && (best === undefined || gain > best.gain + 1e-9)) best = { gain, feature: f, threshold, defaultLeft };
    }
  }
  return best;
}

const cell = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });

describe("growTree", () => {
  it("property: the first split is the reference's best split, and its leaves are -G/(H+lambda)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((d) => fc.array(fc.array(cell, { minLength: d, maxLength: d }), { minLength: 2, maxLength: 12 })),
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 12, maxLength: 12 }),
        (rows, gs, hs) => {
          const g = rows.map((_, i) => gs[i]!);
          const h = rows.map((_, i) => hs[i]!);
          const data = rows.map((r) => Float64Array.from(r));
          const features = Array.from({ length: rows[0]!.length }, (_, f) => f);
          const tree = growTree(
            {
              rows: data,
              sorted: presort(data, features.length),
              g: Float64Array.from(g),
              h: Float64Array.from(h),
              sample: rows.map((_, i) => i),
              featuresAt: () => features,
            },
            params,
          );
          const expected = referenceSplit(rows, g, h);
          if (expected === undefined) {
            expect(tree.feature).toEqual([-1]);
            return;
          }
          // Near-equal gains may be ordered differently by rounding; the gain itself must agree.
          const chosen = { feature: tree.feature[0]!, threshold: tree.threshold[0]!, defaultLeft: tree.defaultLeft[0]! };
          const left = rows.map((r) => (Number.isNaN(r[chosen.feature]!) ? chosen.defaultLeft : r[chosen.feature]! < chosen.threshold));
          const GL = g.reduce((s, v, i) => s + (left[i] ? v : 0), 0);
          const HL = h.reduce((s, v, i) => s + (left[i] ? v : 0), 0);
          const G = g.reduce((s, v) => s + v, 0);
          const H = h.reduce((s, v) => s + v, 0);
          expect(score(GL, HL) + score(G - GL, H - HL) - score(G, H)).toBeCloseTo(expected.gain, 9);
          for (const [i, row] of data.entries()) {
            const [Gs, Hs] = left[i] ? [GL, HL] : [G - GL, H - HL];
            expect(treeValue(tree, row)).toBeCloseTo(-Gs / (Hs + params.lambda), 12);
          }
        },
      ),
    );
  });

  it("property: an unregularised deep tree fits its training data exactly", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 8, maxLength: 8 }),
        (xs, ys) => {
          const rows = xs.map((x) => Float64Array.of(x));
          // Squared error at margin 0: g = -y, h = 1; lambda 0 makes each leaf its rows' mean.
          const g = Float64Array.from(xs, (_, i) => -ys[i]!);
          const h = new Float64Array(xs.length).fill(1);
          const tree = growTree(
            { rows, sorted: presort(rows, 1), g, h, sample: xs.map((_, i) => i), featuresAt: () => [0] },
            { ...params, maxDepth: 10, lambda: 0 },
          );
          for (const [i, row] of rows.entries()) expect(treeValue(tree, row)).toBeCloseTo(ys[i]!, 9);
        },
      ),
    );
  });
});
