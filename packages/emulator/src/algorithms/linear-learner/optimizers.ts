import type { Optimizer } from "./hyperparameters.js";

/** One update of the parameters from a mini-batch's gradient. */
export type Step = (params: Float64Array, gradient: Float64Array) => void;

export interface OptimizerSettings {
  readonly learningRate: number;
  /** Per-parameter learning-rate multipliers (`bias_lr_mult` for the bias terms, 1 elsewhere). */
  readonly rateMultipliers: Float64Array;
  readonly beta1: number;
  readonly beta2: number;
  readonly momentum: number;
}

const EPSILON = 1e-8;

/** The optimisers `optimizer` names (ll_hyperparameters.md): Adam (auto), SGD with momentum, RMSProp. */
export function createStep(kind: Optimizer, settings: OptimizerSettings): Step {
  const { learningRate: lr, rateMultipliers: mult, beta1, beta2, momentum } = settings;
  const size = mult.length;
  switch (kind) {
    case "adam": {
      const m = new Float64Array(size);
      const v = new Float64Array(size);
      let t = 0;
      return (params, g) => {
        t++;
        const c1 = 1 - beta1 ** t;
        const c2 = 1 - beta2 ** t;
        for (let i = 0; i < size; i++) {
          m[i] = beta1 * m[i]! + (1 - beta1) * g[i]!;
          v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! * g[i]!;
          params[i]! -= (lr * mult[i]! * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + EPSILON);
        }
      };
    }
    case "sgd": {
      const velocity = new Float64Array(size);
      return (params, g) => {
        for (let i = 0; i < size; i++) {
          velocity[i] = momentum * velocity[i]! + g[i]!;
          params[i]! -= lr * mult[i]! * velocity[i]!;
        }
      };
    }
    case "rmsprop": {
      // RMSProp's decay is not a linear learner hyperparameter; 0.9 is the customary value.
      const square = new Float64Array(size);
      return (params, g) => {
        for (let i = 0; i < size; i++) {
          square[i] = 0.9 * square[i]! + 0.1 * g[i]! * g[i]!;
          params[i]! -= (lr * mult[i]! * g[i]!) / (Math.sqrt(square[i]!) + EPSILON);
        }
      };
    }
  }
}
