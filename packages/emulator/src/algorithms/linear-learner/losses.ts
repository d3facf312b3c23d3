/**
 * The loss functions linear learner offers (SageMaker developer guide, ll_hyperparameters.md,
 * `loss`), each as its value and its gradient in the model's raw scores. Binary and regression
 * models have one score; a multiclass model has one per class.
 */

export type LossName =
  | "logistic"
  | "hinge_loss"
  | "softmax_loss"
  | "squared_loss"
  | "absolute_loss"
  | "eps_insensitive_squared_loss"
  | "eps_insensitive_absolute_loss"
  | "quantile_loss"
  | "huber_loss";

/** The knobs some losses take: `margin`, `loss_insensitivity`, `quantile`, `huber_delta`. */
export interface LossParameters {
  readonly margin: number;
  readonly lossInsensitivity: number;
  readonly quantile: number;
  readonly huberDelta: number;
}

export interface Loss {
  /** The loss of raw scores `s` for label `y`. */
  value(s: ArrayLike<number>, y: number): number;
  /** Writes d(loss)/d(s) into `out` (one entry per score). */
  gradient(s: ArrayLike<number>, y: number, out: Float64Array): void;
}

/** A loss of one score: `f(s, y)` and `df/ds`. */
const scalar = (value: (s: number, y: number) => number, slope: (s: number, y: number) => number): Loss => ({
  value: (s, y) => value(s[0]!, y),
  gradient: (s, y, out) => {
    out[0] = slope(s[0]!, y);
  },
});

export function lossFunction(name: LossName, p: LossParameters): Loss {
  switch (name) {
    case "logistic":
      // -log sigmoid(s) for y=1, -log(1 - sigmoid(s)) for y=0, written without overflow.
      return scalar(
        (s, y) => softplus(s) - y * s,
        (s, y) => sigmoid(s) - y,
      );
    case "hinge_loss": {
      // Labels 0/1 become -1/+1.
      const sign = (y: number): number => (y > 0 ? 1 : -1);
      return scalar(
        (s, y) => Math.max(0, p.margin - sign(y) * s),
        (s, y) => (p.margin - sign(y) * s > 0 ? -sign(y) : 0),
      );
    }
    case "softmax_loss":
      return {
        value: (s, y) => logSumExp(s) - s[y]!,
        gradient: (s, y, out) => {
          const probabilities = softmax(s);
          for (let c = 0; c < out.length; c++) out[c] = probabilities[c]! - (c === y ? 1 : 0);
        },
      };
    case "squared_loss":
      return scalar(
        (s, y) => (s - y) ** 2,
        (s, y) => 2 * (s - y),
      );
    case "absolute_loss":
      return scalar(
        (s, y) => Math.abs(s - y),
        (s, y) => Math.sign(s - y),
      );
    case "eps_insensitive_squared_loss":
      return scalar(
        (s, y) => Math.max(0, Math.abs(s - y) - p.lossInsensitivity) ** 2,
        (s, y) => 2 * Math.max(0, Math.abs(s - y) - p.lossInsensitivity) * Math.sign(s - y),
      );
    case "eps_insensitive_absolute_loss":
      return scalar(
        (s, y) => Math.max(0, Math.abs(s - y) - p.lossInsensitivity),
        (s, y) => (Math.abs(s - y) > p.lossInsensitivity ? Math.sign(s - y) : 0),
      );
    case "quantile_loss":
      // Pinball loss: under-predicting costs q per unit, over-predicting 1 - q.
      return scalar(
        (s, y) => (y >= s ? p.quantile * (y - s) : (1 - p.quantile) * (s - y)),
        (s, y) => (y > s ? -p.quantile : y < s ? 1 - p.quantile : 0),
      );
    case "huber_loss":
      return scalar(
        (s, y) => (Math.abs(s - y) <= p.huberDelta ? 0.5 * (s - y) ** 2 : p.huberDelta * (Math.abs(s - y) - 0.5 * p.huberDelta)),
        (s, y) => Math.max(-p.huberDelta, Math.min(p.huberDelta, s - y)),
      );
  }
}

/**
 * The name the container gives the objective in its log lines (inferred from its CloudWatch
 * output, e.g. `train binary_classification_cross_entropy_objective <loss>=0.69`).
 */
export const OBJECTIVE_NAME: Readonly<Record<LossName, string>> = {
  logistic: "binary_classification_cross_entropy_objective",
  hinge_loss: "binary_classification_hinge_loss_objective",
  softmax_loss: "multiclass_cross_entropy_objective",
  squared_loss: "square_loss_objective",
  absolute_loss: "absolute_loss_objective",
  eps_insensitive_squared_loss: "eps_insensitive_squared_loss_objective",
  eps_insensitive_absolute_loss: "eps_insensitive_absolute_loss_objective",
  quantile_loss: "quantile_loss_objective",
  huber_loss: "huber_loss_objective",
};

export const sigmoid = (s: number): number => (s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s)));

const softplus = (s: number): number => (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s)));

function logSumExp(s: ArrayLike<number>): number {
  let max = -Infinity;
  for (let c = 0; c < s.length; c++) max = Math.max(max, s[c]!);
  let sum = 0;
  for (let c = 0; c < s.length; c++) sum += Math.exp(s[c]! - max);
  return max + Math.log(sum);
}

export function softmax(s: ArrayLike<number>): number[] {
  const lse = logSumExp(s);
  return Array.from(s, (v) => Math.exp(v - lse));
}
