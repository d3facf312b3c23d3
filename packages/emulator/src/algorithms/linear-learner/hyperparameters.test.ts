import { describe, expect, it } from "vitest";
import { resolveLinearLearnerConfig } from "./hyperparameters.js";

const failure = (hyperparameters: Record<string, string>): unknown => {
  try {
    resolveLinearLearnerConfig(hyperparameters);
  } catch (error) {
    return error;
  }
  throw new Error("expected resolveLinearLearnerConfig to throw");
};

const BINARY = { predictor_type: "binary_classifier" };

/** The documented rules of ll_hyperparameters.md, broken once each. */
describe(resolveLinearLearnerConfig.name, () => {
  it("resolves the documented defaults", () => {
    expect(resolveLinearLearnerConfig(BINARY)).toMatchObject({
      predictorType: "binary_classifier",
      numClasses: 2,
      featureDim: "auto",
      epochs: 15,
      miniBatchSize: 1000,
      learningRate: "auto",
      optimizer: "adam",
      loss: "logistic",
      useBias: true,
      normalizeData: true,
      normalizeLabel: false,
      numModels: "auto",
      earlyStoppingPatience: 3,
      earlyStoppingTolerance: 0.001,
    });
  });

  it.each([
    ["binary_classifier", "logistic"],
    ["multiclass_classifier", "softmax_loss"],
    ["regressor", "squared_loss"],
  ])("gives %s the loss %s for loss=auto, and normalises labels for regression only", (predictorType, loss) => {
    const config = resolveLinearLearnerConfig({ predictor_type: predictorType, num_classes: "3" });
    expect(config.loss).toBe(loss);
    expect(config.normalizeLabel).toBe(predictorType === "regressor");
  });

  it("takes the SageMaker Python SDK's True and False for booleans", () => {
    expect(resolveLinearLearnerConfig({ ...BINARY, use_bias: "False", normalize_data: "True" })).toMatchObject({
      useBias: false,
      normalizeData: true,
    });
  });

  it("trains one model on a tuning job's training jobs (linear-learner-tuning.md)", () => {
    expect(
      resolveLinearLearnerConfig({ ...BINARY, num_models: "8", _tuning_objective_metric: "validation:objective_loss" }).numModels,
    ).toBe(1);
  });

  it("refuses a job without predictor_type", () => {
    expect(failure({})).toMatchObject({ category: "ClientError", message: "Missing required hyperparameter: predictor_type" });
  });

  it("requires num_classes for a multiclass classifier", () => {
    expect(failure({ predictor_type: "multiclass_classifier" })).toMatchObject({ message: "Missing required hyperparameter: num_classes" });
  });

  it.each([
    ["predictor_type", "classifier", "must be one of binary_classifier, multiclass_classifier, regressor"],
    ["num_classes", "2", "must be an integer from 3 to 1000000"],
    ["num_classes", "1000001", "must be an integer from 3 to 1000000"],
    ["epochs", "0", "must be a positive integer"],
    ["mini_batch_size", "1e3", "must be a positive integer"],
    ["feature_dim", "0", "must be a positive integer"],
    ["learning_rate", "0", "must be a positive number"],
    ["learning_rate", "fast", "must be a positive number"],
    ["l1", "-0.1", "must be a non-negative number"],
    ["wd", "x", "must be a non-negative number"],
    ["beta_1", "1.5", "must be a number from 0 to 1"],
    ["optimizer", "adagrad", "must be one of auto, adam, sgd, rmsprop"],
    ["loss", "cross_entropy", "must be one of auto, logistic, hinge_loss"],
    ["loss", "squared_loss", "predictor_type multiclass_classifier takes auto, softmax_loss"],
    ["use_bias", "yes", "must be true or false"],
    ["normalize_data", "maybe", "must be true or false"],
    ["init_method", "xavier", "must be one of uniform, normal"],
    ["quantile", "2", "must be a number from 0 to 1"],
    ["positive_example_weight_mult", "0", "must be balanced, auto or a positive number"],
    ["binary_classifier_model_selection_criteria", "auc", "must be one of accuracy, f_beta"],
    ["early_stopping_patience", "0", "must be a positive integer"],
    ["num_models", "0", "must be a positive integer"],
  ])("refuses %s=%s", (name, value, why) => {
    const error = failure({ predictor_type: "multiclass_classifier", num_classes: "3", [name]: value });
    expect(error).toMatchObject({ category: "ClientError", statusCode: 400 });
    expect((error as Error).message).toContain(`Invalid hyperparameter value ${value} for ${name}: ${why}`);
  });

  it("refuses an unknown hyperparameter, naming it", () => {
    expect(failure({ ...BINARY, learningrate: "0.1" })).toMatchObject({
      message: expect.stringMatching(/^Extraneous hyperparameter found: learningrate \(linear-learner knows /),
    });
  });
});
