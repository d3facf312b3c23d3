import { ContainerError } from "../../containers/contract.js";
import type { Objective } from "./hyperparameters.js";

/**
 * The learning objectives the emulator implements, as XGBoost defines them
 * (https://xgboost.readthedocs.io/en/stable/parameter.html#learning-task-parameters): the first and
 * second derivative of the loss in the raw margin, and how a margin becomes a prediction.
 */
export interface ObjectiveFunction {
  /** Margins per record: the number of classes for multi:*, 1 otherwise. */
  readonly outputs: number;
  /** The margin every record starts from (`base_score`, as a margin). */
  initialMargin(baseScore: number): number;
  /** Writes the weighted gradient and hessian of record `i`'s loss for each output. */
  gradients(margins: Float64Array, label: number, weight: number, g: Float64Array, h: Float64Array): void;
  /** What the model answers for a record: a number, or per-class probabilities (multi:softprob). */
  predict(margins: Float64Array): number | number[];
  /** The default eval_metric (XGBoost 1.x: logloss and mlogloss for classification, rmse otherwise). */
  readonly defaultMetric: string;
}

// The container's own wording for these failures (constants/xgb_constants.py, CUSTOMER_ERRORS).
const LOGISTIC_LABEL_ERROR = "label must be in [0,1] for logistic regression";
const MULTI_CLASS_LABEL_ERROR = "label must be in [0, num_class)";
const BASE_SCORE_ERROR = "Check failed: base_score > 0.0f && base_score < 1.0f base_score must be in (0,1) for logistic loss";

export const sigmoid = (m: number): number => 1 / (1 + Math.exp(-m));

export function softmax(margins: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let k = 0; k < margins.length; k++) max = Math.max(max, margins[k]!);
  const exps = Array.from(margins, (m) => Math.exp(m - max));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
}

export function objectiveFunction(objective: Objective, numClass: number, scalePosWeight: number): ObjectiveFunction {
  switch (objective) {
    case "reg:squarederror":
    case "reg:linear":
      return {
        outputs: 1,
        initialMargin: (base) => base,
        gradients: (m, y, w, g, h) => {
          g[0] = (m[0]! - y) * w;
          h[0] = w;
        },
        predict: (m) => m[0]!,
        defaultMetric: "rmse",
      };
    case "reg:logistic":
    case "binary:logistic":
    case "binary:logitraw":
      return {
        outputs: 1,
        initialMargin: (base) => {
          if (!(base > 0 && base < 1)) throw new ContainerError("ClientError", BASE_SCORE_ERROR);
          return Math.log(base / (1 - base));
        },
        gradients: (m, y, w, g, h) => {
          const p = sigmoid(m[0]!);
          // scale_pos_weight weighs the positive class of a binary objective.
          const weight = y === 1 && objective !== "reg:logistic" ? w * scalePosWeight : w;
          g[0] = (p - y) * weight;
          h[0] = Math.max(p * (1 - p), 1e-16) * weight;
        },
        predict: (m) => (objective === "binary:logitraw" ? m[0]! : sigmoid(m[0]!)),
        defaultMetric: objective === "reg:logistic" ? "rmse" : "logloss",
      };
    case "multi:softmax":
    case "multi:softprob":
      return {
        outputs: numClass,
        // A shared starting margin cancels out in the softmax.
        initialMargin: (base) => base,
        gradients: (m, y, w, g, h) => {
          const p = softmax(m);
          for (let k = 0; k < numClass; k++) {
            g[k] = (p[k]! - (k === y ? 1 : 0)) * w;
            // XGBoost's softmax hessian: 2 p (1 - p).
            h[k] = Math.max(2 * p[k]! * (1 - p[k]!), 1e-16) * w;
          }
        },
        predict: (m) => {
          const p = softmax(m);
          return objective === "multi:softprob" ? p : p.indexOf(Math.max(...p));
        },
        defaultMetric: "mlogloss",
      };
  }
}

/** Labels the objective can learn from, or the container's ClientError. */
export function checkLabels(objective: Objective, numClass: number, labels: readonly number[]): void {
  if (objective === "reg:logistic" || objective.startsWith("binary:")) {
    if (labels.some((y) => y < 0 || y > 1)) throw new ContainerError("ClientError", LOGISTIC_LABEL_ERROR);
  } else if (objective.startsWith("multi:")) {
    if (labels.some((y) => !Number.isInteger(y) || y < 0 || y >= numClass))
      throw new ContainerError("ClientError", MULTI_CLASS_LABEL_ERROR);
  }
}
