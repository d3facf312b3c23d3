import type { ModelFiles } from "../../containers/contract.js";
import { corruptModel, isMatrix, isNumberArray, readModelFile } from "../model-file.js";
import type { IndexMetric, PredictorType } from "./hyperparameters.js";
import { nearest } from "./search.js";

export const KNN = "k-NN";

/** A trained k-NN model: the sampled training points and their labels, and how to search them. */
export interface KnnModel {
  readonly predictorType: PredictorType;
  readonly indexMetric: IndexMetric;
  readonly k: number;
  readonly featureDim: number;
  readonly points: readonly (readonly number[])[];
  readonly labels: readonly number[];
}

export interface KnnPrediction {
  readonly predictedLabel: number;
  /** Search scores of the k neighbours, nearest first (see search.ts for what they are). */
  readonly distances: readonly number[];
  /** Labels of the k neighbours, in the same order. */
  readonly labels: readonly number[];
}

/**
 * A classifier answers the most frequent label among the k neighbours; a regressor their mean
 * (SageMaker developer guide, k-nearest-neighbors.md). A tie between labels goes to the label of
 * the nearest neighbour among those tied: the documentation gives no rule, and this one is stable
 * and does not depend on how labels are numbered.
 */
export function predict(model: KnnModel, query: readonly number[]): KnnPrediction {
  const found = nearest(model.points, query, model.k, model.indexMetric);
  const labels = found.indices.map((i) => model.labels[i]!);
  return { predictedLabel: model.predictorType === "classifier" ? vote(labels) : mean(labels), distances: found.scores, labels };
}

function vote(labels: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const top = Math.max(...counts.values());
  // The first label in nearest-first order that has the top count.
  return labels.find((label) => counts.get(label) === top)!;
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

export function loadKnnModel(files: ModelFiles): KnnModel {
  const model = readModelFile(files, KNN) as Partial<Record<keyof KnnModel, unknown>> | null;
  if (typeof model !== "object" || model === null) throw corruptModel(KNN, "model");
  const { predictorType, indexMetric, k, featureDim, points, labels } = model;
  if (predictorType !== "classifier" && predictorType !== "regressor") throw corruptModel(KNN, "predictorType");
  if (indexMetric !== "L2" && indexMetric !== "INNER_PRODUCT" && indexMetric !== "COSINE") throw corruptModel(KNN, "indexMetric");
  if (!Number.isInteger(k) || (k as number) < 1) throw corruptModel(KNN, "k");
  if (!Number.isInteger(featureDim) || (featureDim as number) < 1) throw corruptModel(KNN, "featureDim");
  if (!isMatrix(points) || points.some((p) => p.length !== featureDim)) throw corruptModel(KNN, "points");
  if (!isNumberArray(labels) || labels.length !== points.length || labels.length < (k as number)) throw corruptModel(KNN, "labels");
  return { predictorType, indexMetric, k: k as number, featureDim: featureDim as number, points, labels };
}
