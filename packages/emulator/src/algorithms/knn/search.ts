import type { IndexMetric } from "./hyperparameters.js";

/**
 * Exact nearest-neighbour search by brute force. The real algorithm builds a FAISS index; a flat
 * index (the default, faiss.Flat) is exact too, and the IVF indexes only trade accuracy for speed,
 * so the emulator answers every index_type exactly.
 */

export interface Neighbours {
  /** Positions of the neighbours among the stored points, nearest first. */
  readonly indices: readonly number[];
  /**
   * What FAISS reports for each: the squared L2 distance (ascending) for L2, the inner product or
   * the cosine similarity (descending) otherwise. Squared, because FAISS's flat L2 index returns
   * squared distances and the container passes them on (inferred).
   */
  readonly scores: readonly number[];
}

/** The score of a stored point for a query, and whether a lower score is nearer. */
function scorer(metric: IndexMetric): { score: (a: readonly number[], b: readonly number[]) => number; lowerIsNearer: boolean } {
  switch (metric) {
    case "L2":
      return { score: squaredDistance, lowerIsNearer: true };
    case "INNER_PRODUCT":
      return { score: dot, lowerIsNearer: false };
    case "COSINE":
      return { score: cosine, lowerIsNearer: false };
  }
}

/**
 * The `k` stored points nearest to `query`. Ties go to the point stored first, so the answer does
 * not depend on anything but the model and the query.
 */
export function nearest(points: readonly (readonly number[])[], query: readonly number[], k: number, metric: IndexMetric): Neighbours {
  const { score, lowerIsNearer } = scorer(metric);
  // "a before b": nearer, or as near and stored earlier.
  const before = (sa: number, ia: number, sb: number, ib: number): boolean => (sa === sb ? ia < ib : lowerIsNearer ? sa < sb : sa > sb);
  const indices: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const s = score(points[i]!, query);
    if (indices.length === k && !before(s, i, scores[k - 1]!, indices[k - 1]!)) continue;
    // Binary search for the first kept neighbour this point goes before.
    let lo = 0;
    let hi = indices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(s, i, scores[mid]!, indices[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    indices.splice(lo, 0, i);
    scores.splice(lo, 0, s);
    if (indices.length > k) {
      indices.pop();
      scores.pop();
    }
  }
  return { indices, scores };
}

function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    sum += d * d;
  }
  return sum;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Cosine similarity; a zero vector is similar to nothing (0), rather than NaN. */
function cosine(a: readonly number[], b: readonly number[]): number {
  const norms = Math.sqrt(dot(a, a) * dot(b, b));
  return norms === 0 ? 0 : dot(a, b) / norms;
}
