import { ContainerError } from "../../containers/contract.js";

/**
 * Evaluation metrics (eval_metric), as XGBoost defines them
 * (https://xgboost.readthedocs.io/en/stable/parameter.html, `eval_metric`), weighted by instance
 * weight; `accuracy`, `mse` and `r2` are the SageMaker container's own additions, unweighted.
 * A prediction is a probability for binary objectives, per-class probabilities for multi:*, and
 * the value itself for regression.
 */
export type Evaluated = number | readonly number[];

const EPS = 1e-16;
const clip = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));

/** The container's message for AUC on one class (constants/xgb_constants.py, a customer error). */
const ONLY_ONE_CLASS = "Check failed: !auc_error AUC: the dataset only contains pos or neg samples";

export function evaluateMetric(
  metric: string,
  predictions: readonly Evaluated[],
  labels: readonly number[],
  weights: readonly number[],
): number {
  const [name = "", thresholdText] = metric.split("@").map((part) => part.trim());
  const value = (i: number): number => predictions[i] as number;
  const probabilities = (i: number): readonly number[] => predictions[i] as readonly number[];
  switch (name) {
    case "rmse":
      return Math.sqrt(weighted(labels, weights, (y, i) => (value(i) - y) ** 2));
    case "mae":
      return weighted(labels, weights, (y, i) => Math.abs(value(i) - y));
    case "mse":
      return mean(labels.map((y, i) => (value(i) - y) ** 2));
    case "r2": {
      const average = mean(labels);
      const residual = labels.reduce((s, y, i) => s + (y - value(i)) ** 2, 0);
      const total = labels.reduce((s, y) => s + (y - average) ** 2, 0);
      return total === 0 ? 0 : 1 - residual / total;
    }
    case "logloss":
      return weighted(labels, weights, (y, i) => -(y * Math.log(clip(value(i))) + (1 - y) * Math.log(clip(1 - value(i)))));
    case "error": {
      const threshold = thresholdText === undefined ? 0.5 : Number(thresholdText);
      return weighted(labels, weights, (y, i) => ((value(i) > threshold ? 1 : 0) !== y ? 1 : 0));
    }
    case "auc":
      return auc(
        labels,
        labels.map((_, i) => value(i)),
      );
    case "mlogloss":
      return weighted(labels, weights, (y, i) => -Math.log(clip(probabilities(i)[y]!)));
    case "merror":
      return weighted(labels, weights, (y, i) => (argmax(probabilities(i)) !== y ? 1 : 0));
    case "accuracy":
      return mean(
        labels.map((y, i) => ((Array.isArray(predictions[i]) ? argmax(probabilities(i)) : value(i) > 0.5 ? 1 : 0) === y ? 1 : 0)),
      );
    default:
      throw new ContainerError("AlgorithmError", `eval_metric ${metric} is not implemented`);
  }
}

/** The metrics XGBoost maximises; early stopping waits for the others to fall. */
export const isMaximised = (metric: string, maximise: readonly string[]): boolean => maximise.includes(metric.split("@")[0]!.trim());

function weighted(labels: readonly number[], weights: readonly number[], f: (y: number, i: number) => number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    sum += weights[i]! * f(labels[i]!, i);
    total += weights[i]!;
  }
  return total === 0 ? 0 : sum / total;
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);

function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The probability that a random positive scores above a random negative (ties count half). */
function auc(labels: readonly number[], scores: readonly number[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let rankSumPositives = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    // Ranks i+1 … j share their average.
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]!.y > 0.5) {
        rankSumPositives += rank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) throw new ContainerError("ClientError", ONLY_ONE_CLASS);
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}
