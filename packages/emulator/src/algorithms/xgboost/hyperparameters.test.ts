import { describe, expect, it } from "vitest";
import { resolveXgboostConfig } from "./hyperparameters.js";

const failure = (hyperparameters: Record<string, string>): unknown => {
  try {
    resolveXgboostConfig(hyperparameters);
  } catch (error) {
    return error;
  }
  throw new Error("expected resolveXgboostConfig to throw");
};

/** The container's checks, with its messages (aws/sagemaker-xgboost-container, hyperparameter_validation.py). */
describe(resolveXgboostConfig.name, () => {
  it("resolves XGBoost's defaults", () => {
    expect(resolveXgboostConfig({ num_round: "10" })).toMatchObject({
      numRound: 10,
      objective: "reg:squarederror",
      numClass: 1,
      eta: 0.3,
      maxDepth: 6,
      minChildWeight: 1,
      lambda: 1,
      alpha: 0,
      subsample: 1,
      baseScore: 0.5,
      evalMetrics: [],
      earlyStoppingRounds: undefined,
      seed: 0,
    });
  });

  it("takes the aliases learning_rate, min_split_loss, reg_lambda and reg_alpha", () => {
    expect(
      resolveXgboostConfig({ num_round: "1", learning_rate: "0.1", min_split_loss: "2", reg_lambda: "3", reg_alpha: "4" }),
    ).toMatchObject({
      eta: 0.1,
      gamma: 2,
      lambda: 3,
      alpha: 4,
    });
  });

  it.each([
    [{}, "Missing required hyperparameter: num_round"],
    [{ num_round: "10", foo: "1" }, "Extraneous hyperparameter found: foo"],
    [{ num_round: "ten" }, "Hyperparameter num_round: could not parse value"],
    [{ num_round: "1.5" }, "Hyperparameter num_round: could not parse value"],
    [{ num_round: "0" }, "Hyperparameter num_round: 0 is not in [1, +inf)"],
    [{ num_round: "1", eta: "1.5" }, "Hyperparameter eta: 1.5 is not in [0, 1]"],
    [{ num_round: "1", subsample: "0" }, "Hyperparameter subsample: 0.0 is not in (0, 1]"],
    [{ num_round: "1", booster: "forest" }, "Hyperparameter booster: forest is not in ['gbtree', 'gblinear', 'dart']"],
    [{ num_round: "1", objective: "multi:softprob" }, "Require input for parameter 'num_class' for multi-classification"],
    [{ num_round: "1", num_class: "1", objective: "multi:softmax" }, "Hyperparameter num_class: 1 is not in [2, +inf)"],
    [{ num_round: "1", eval_metric: "auc" }, "Metric 'auc' can only be applied for classification and ranking problems."],
    [{ num_round: "1", eval_metric: "rmse,foo" }, "Hyperparameter eval_metric: value ['rmse', 'foo'] not in range ['accuracy', "],
    [{ num_round: "1", eval_metric: "mae@0.5" }, "Metric 'mae@0.5' is not supported."],
    [{ num_round: "1", eval_metric: "error@x" }, "Threshold value 't' in 'error@t' expects float input."],
  ])("refuses %j: %s", (hyperparameters, message) => {
    expect(failure(hyperparameters)).toMatchObject({ category: "ClientError", statusCode: 400, message: expect.stringContaining(message) });
  });

  it("says which valid settings the emulator does not implement", () => {
    expect(failure({ num_round: "1", objective: "count:poisson" })).toMatchObject({
      message: expect.stringContaining("objective count:poisson is valid, but the emulator implements only"),
    });
    expect(failure({ num_round: "1", booster: "dart" })).toMatchObject({
      message: "booster dart is valid, but the emulator implements only gbtree",
    });
    expect(failure({ num_round: "1", eval_metric: "ndcg" })).toMatchObject({
      message: expect.stringContaining("eval_metric ndcg is valid, but the emulator computes only"),
    });
  });

  it("refuses script mode, which runs user code rather than the algorithm", () => {
    expect(failure({ sagemaker_program: "train.py", num_round: "1" })).toMatchObject({
      message: expect.stringContaining("runs XGBoost in script mode"),
    });
  });
});
