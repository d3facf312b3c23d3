import type { ModelFiles } from "../../containers/contract.js";
import { corruptModel, isMatrix, isNumberArray, readModelFile } from "../model-file.js";
import type { PredictorType } from "./hyperparameters.js";
import { type LossName, sigmoid, softmax } from "./losses.js";

export const LINEAR_LEARNER = "linear-learner";

/**
 * A trained linear model: raw scores `bias + weights · ((x - mean) / scale)`, one per class for a
 * multiclass classifier and one otherwise. Features are standardised inside the model, so a
 * request carries the raw features, as it does to the real algorithm.
 */
export interface LinearModel {
  readonly predictorType: PredictorType;
  readonly loss: LossName;
  readonly featureDim: number;
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly (readonly number[])[];
  readonly bias: readonly number[];
  /** A regressor's scores are in standardised label units: `label = score * labelScale + labelMean`. */
  readonly labelMean: number;
  readonly labelScale: number;
}

export function rawScores(model: LinearModel, x: readonly number[]): number[] {
  return model.weights.map((w, c) => {
    let s = model.bias[c]!;
    for (let j = 0; j < w.length; j++) s += (w[j]! * (x[j]! - model.mean[j]!)) / model.scale[j]!;
    return s;
  });
}

/** What the model answers for `x` (LL-in-formats.md): a score and, for classifiers, a label. */
export interface LinearPrediction {
  /** A binary classifier's probability of class 1, a multiclass classifier's per-class probabilities, a regressor's prediction. */
  readonly score: number | readonly number[];
  readonly predictedLabel: number | undefined;
}

export function predictOne(model: LinearModel, x: readonly number[]): LinearPrediction {
  const s = rawScores(model, x);
  switch (model.predictorType) {
    case "binary_classifier": {
      // Hinge loss learns a margin, not a probability: its score is the raw margin, positive for class 1 (inferred).
      if (model.loss === "hinge_loss") return { score: s[0]!, predictedLabel: s[0]! > 0 ? 1 : 0 };
      const p = sigmoid(s[0]!);
      // The real algorithm calibrates this threshold on validation data (binary_classifier_model_selection_criteria); 0.5 is its midpoint.
      return { score: p, predictedLabel: p > 0.5 ? 1 : 0 };
    }
    case "multiclass_classifier": {
      const probabilities = softmax(s);
      return { score: probabilities, predictedLabel: argmax(probabilities) };
    }
    case "regressor":
      return { score: s[0]! * model.labelScale + model.labelMean, predictedLabel: undefined };
  }
}

/** The index of the largest value; the lowest index on ties. */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

export function loadLinearModel(files: ModelFiles): LinearModel {
  const model = readModelFile(files, LINEAR_LEARNER) as Partial<Record<keyof LinearModel, unknown>> | null;
  if (typeof model !== "object" || model === null) throw corruptModel(LINEAR_LEARNER, "model");
  const { predictorType, loss, featureDim, mean, scale, weights, bias, labelMean, labelScale } = model;
  if (predictorType !== "binary_classifier" && predictorType !== "multiclass_classifier" && predictorType !== "regressor") {
    throw corruptModel(LINEAR_LEARNER, "predictorType");
  }
  if (typeof loss !== "string") throw corruptModel(LINEAR_LEARNER, "loss");
  if (!Number.isInteger(featureDim) || (featureDim as number) < 1) throw corruptModel(LINEAR_LEARNER, "featureDim");
  if (!isNumberArray(mean) || mean.length !== featureDim) throw corruptModel(LINEAR_LEARNER, "mean");
  if (!isNumberArray(scale) || scale.length !== featureDim) throw corruptModel(LINEAR_LEARNER, "scale");
  if (!isMatrix(weights) || weights.length === 0 || weights.some((w) => w.length !== featureDim))
    throw corruptModel(LINEAR_LEARNER, "weights");
  if (!isNumberArray(bias) || bias.length !== weights.length) throw corruptModel(LINEAR_LEARNER, "bias");
  if (typeof labelMean !== "number" || typeof labelScale !== "number") throw corruptModel(LINEAR_LEARNER, "label scaling");
  return { predictorType, loss: loss as LossName, featureDim: featureDim as number, mean, scale, weights, bias, labelMean, labelScale };
}
