import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvChannel, invokeText, runTraining, toCsv } from "../test-support.js";
import { knn } from "./knn.js";

/**
 * The trained-and-served k-NN against a reference written as plainly as possible: score every
 * stored point, sort (nearest first, earlier point first on ties), take k, then vote or average.
 * Coordinates are small integers so that ties, the hard part, happen often.
 */

type Metric = "L2" | "INNER_PRODUCT" | "COSINE";

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);

function referenceScore(metric: Metric, point: readonly number[], query: readonly number[]): number {
  if (metric === "L2") return point.reduce((s, v, i) => s + (v - query[i]!) ** 2, 0);
  if (metric === "INNER_PRODUCT") return dot(point, query);
  // The same formula as the implementation, so rounding (and so the order of near-ties) agrees.
  const norms = Math.sqrt(dot(point, point) * dot(query, query));
  return norms === 0 ? 0 : dot(point, query) / norms;
}

function reference(
  points: readonly (readonly number[])[],
  labels: readonly number[],
  query: readonly number[],
  k: number,
  metric: Metric,
  predictor: "classifier" | "regressor",
): { predicted_label: number; distances: number[]; labels: number[] } {
  const all = points.map((p, index) => ({ index, score: referenceScore(metric, p, query) }));
  all.sort((a, b) => (a.score !== b.score ? (metric === "L2" ? a.score - b.score : b.score - a.score) : a.index - b.index));
  const kept = all.slice(0, k);
  const keptLabels = kept.map((n) => labels[n.index]!);
  let predicted: number;
  if (predictor === "regressor") {
    predicted = keptLabels.reduce((s, v) => s + v, 0) / k;
  } else {
    const votes = keptLabels.map((label) => keptLabels.filter((l) => l === label).length);
    const most = Math.max(...votes);
    predicted = keptLabels[votes.indexOf(most)]!;
  }
  return { predicted_label: predicted, distances: kept.map((n) => n.score), labels: keptLabels };
}

const dataset = fc.integer({ min: 1, max: 4 }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    points: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 16 }),
    queries: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 4 }),
    metric: fc.constantFrom<Metric>("L2", "INNER_PRODUCT", "COSINE"),
    predictor: fc.constantFrom("classifier" as const, "regressor" as const),
    kSeed: fc.nat(),
    labelSeed: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 }),
  }),
);

describe("k-NN against a brute-force reference", () => {
  it("property: predictions, distances and neighbour labels agree for every metric and predictor type", () => {
    fc.assert(
      fc.property(dataset, ({ d, points, queries, metric, predictor, kSeed, labelSeed }) => {
        const labels = points.map((_, i) => (predictor === "classifier" ? labelSeed[i]! : labelSeed[i]! * 1.5 - i));
        const k = 1 + (kSeed % points.length);
        const run = runTraining(
          knn,
          { feature_dim: String(d), k: String(k), predictor_type: predictor, sample_size: String(points.length), index_metric: metric },
          { train: csvChannel(toCsv(points.map((p, i) => [labels[i]!, ...p]))) },
        );
        const response = invokeText(knn.load(run.model), toCsv(queries), "text/csv", "application/json; verbose=true");
        const expected = queries.map((q) => reference(points, labels, q, k, metric, predictor));
        const actual = JSON.parse(response.text).predictions;
        expect(actual).toHaveLength(expected.length);
        actual.forEach((prediction: { predicted_label: number; distances: number[]; labels: number[] }, i: number) => {
          expect(prediction.labels).toEqual(expected[i]!.labels);
          expect(prediction.distances).toEqual(expected[i]!.distances);
          if (predictor === "classifier") expect(prediction.predicted_label).toBe(expected[i]!.predicted_label);
          else expect(prediction.predicted_label).toBeCloseTo(expected[i]!.predicted_label, 12);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("property: a seeded sample is a subset of the training records in their order, the same for the same seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (n, sampleSize, seed) => {
        const rows = Array.from({ length: n }, (_, i) => [i % 2, i]);
        const train = () =>
          runTraining(
            knn,
            { feature_dim: "1", k: "1", predictor_type: "classifier", sample_size: String(sampleSize) },
            { train: csvChannel(toCsv(rows)) },
            seed,
          );
        const points = (run: ReturnType<typeof train>): number[][] =>
          JSON.parse(new TextDecoder().decode(run.model.get("model.json"))).model.points;
        const kept = points(train()).map((p) => p[0]!);
        expect(kept).toHaveLength(Math.min(n, sampleSize));
        expect(new Set(kept).size).toBe(kept.length);
        expect(kept).toEqual([...kept].sort((a, b) => a - b));
        expect(kept.every((v) => Number.isInteger(v) && v >= 0 && v < n)).toBe(true);
        expect(points(train()).map((p) => p[0])).toEqual(kept);
      }),
    );
  });
});
