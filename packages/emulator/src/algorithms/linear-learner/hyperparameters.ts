import {
  asBoolean,
  asChoice,
  asInteger,
  asNumber,
  invalidValue,
  POSITIVE_INTEGER,
  type Range,
  type RawHyperparameters,
  rejectUnknown,
  requireValue,
  givenValue,
} from "../hyperparameters.js";
import type { LossName } from "./losses.js";

/**
 * Linear learner's hyperparameters as documented (SageMaker developer guide, ll_hyperparameters.md).
 * Every documented one is accepted and range-checked; the ones that shape the emulator's training
 * are resolved into {@link LinearLearnerConfig}. Those validated but not applied (model selection
 * criteria, calibration, learning-rate scheduling, unbiasing apart from normalisation) change
 * nothing a small linear fit needs to get right.
 */

export type PredictorType = "binary_classifier" | "multiclass_classifier" | "regressor";
export type Optimizer = "adam" | "sgd" | "rmsprop";

export interface LinearLearnerConfig {
  readonly predictorType: PredictorType;
  /** Classes of a multiclass classifier; 2 for binary, 1 for a regressor's single score. */
  readonly numClasses: number;
  readonly featureDim: number | "auto";
  readonly epochs: number;
  readonly miniBatchSize: number;
  readonly learningRate: number | "auto";
  readonly optimizer: Optimizer;
  readonly beta1: number;
  readonly beta2: number;
  readonly momentum: number;
  readonly l1: number;
  readonly wd: number;
  readonly biasLrMult: number;
  readonly biasWdMult: number;
  readonly useBias: boolean;
  readonly normalizeData: boolean;
  readonly normalizeLabel: boolean;
  readonly numPointForScaler: number;
  readonly initMethod: "uniform" | "normal";
  readonly initScale: number;
  readonly initSigma: number;
  readonly initBias: number;
  readonly loss: LossName;
  readonly margin: number;
  readonly lossInsensitivity: number;
  readonly quantile: number;
  readonly huberDelta: number;
  readonly positiveExampleWeightMult: number | "balanced";
  readonly balanceMulticlassWeights: boolean;
  readonly accuracyTopK: number;
  readonly fBeta: number;
  readonly earlyStoppingPatience: number;
  readonly earlyStoppingTolerance: number;
  readonly numModels: number | "auto";
}

/** Defaults, as the "Default value" entries give them. */
export const LINEAR_LEARNER_DEFAULTS: RawHyperparameters = {
  accuracy_top_k: "3",
  balance_multiclass_weights: "false",
  beta_1: "auto",
  beta_2: "auto",
  bias_lr_mult: "auto",
  bias_wd_mult: "auto",
  binary_classifier_model_selection_criteria: "accuracy",
  early_stopping_patience: "3",
  early_stopping_tolerance: "0.001",
  epochs: "15",
  f_beta: "1.0",
  feature_dim: "auto",
  huber_delta: "1.0",
  init_bias: "0",
  init_method: "uniform",
  init_scale: "0.07",
  init_sigma: "0.01",
  l1: "auto",
  learning_rate: "auto",
  loss: "auto",
  loss_insensitivity: "0.01",
  lr_scheduler_factor: "auto",
  lr_scheduler_minimum_lr: "auto",
  lr_scheduler_step: "auto",
  margin: "1.0",
  mini_batch_size: "1000",
  momentum: "auto",
  normalize_data: "true",
  normalize_label: "auto",
  num_calibration_samples: "auto",
  num_models: "auto",
  num_point_for_scaler: "10000",
  optimizer: "auto",
  positive_example_weight_mult: "1.0",
  quantile: "0.5",
  target_precision: "0.8",
  target_recall: "0.8",
  unbias_data: "auto",
  unbias_label: "auto",
  use_bias: "true",
  use_lr_scheduler: "true",
  wd: "auto",
};

const KNOWN = ["num_classes", "predictor_type", ...Object.keys(LINEAR_LEARNER_DEFAULTS)];

/** The losses each predictor type may use; the first is what `auto` means (ll_hyperparameters.md, `loss`). */
const LOSSES: Readonly<Record<PredictorType, readonly LossName[]>> = {
  binary_classifier: ["logistic", "hinge_loss"],
  multiclass_classifier: ["softmax_loss"],
  regressor: [
    "squared_loss",
    "absolute_loss",
    "eps_insensitive_squared_loss",
    "eps_insensitive_absolute_loss",
    "quantile_loss",
    "huber_loss",
  ],
};

const POSITIVE: Range = { min: Number.MIN_VALUE, says: "a positive number" };
const NON_NEGATIVE: Range = { min: 0, says: "a non-negative number" };
const UNIT: Range = { min: 0, max: 1, says: "a number from 0 to 1" };

export function resolveLinearLearnerConfig(raw: RawHyperparameters): LinearLearnerConfig {
  rejectUnknown(raw, KNOWN, "linear-learner");
  const predictorType = asChoice("predictor_type", requireValue(raw, "predictor_type"), [
    "binary_classifier",
    "multiclass_classifier",
    "regressor",
  ] as const);
  const numClasses =
    predictorType === "multiclass_classifier"
      ? asInteger("num_classes", requireValue(raw, "num_classes"), { min: 3, max: 1_000_000, says: "an integer from 3 to 1000000" })
      : predictorType === "binary_classifier"
        ? 2
        : 1;
  const get = (name: string): string => givenValue(raw, name) ?? givenValue(LINEAR_LEARNER_DEFAULTS, name)!;
  /** `auto`, or what `parse` makes of the value. */
  const autoOr = <T>(name: string, parse: (value: string) => T): T | "auto" => (get(name) === "auto" ? "auto" : parse(get(name)));
  const integer = (name: string, range: Range = POSITIVE_INTEGER): number => asInteger(name, get(name), range);
  const number = (name: string, range: Range): number => asNumber(name, get(name), range);
  const bool = (name: string): boolean => asBoolean(name, get(name));

  const optimizerValue = asChoice("optimizer", get("optimizer"), ["auto", "adam", "sgd", "rmsprop"] as const);
  const lossValue = asChoice("loss", get("loss"), [
    "auto",
    ...LOSSES.binary_classifier,
    ...LOSSES.multiclass_classifier,
    ...LOSSES.regressor,
  ]);
  const allowed = LOSSES[predictorType];
  if (lossValue !== "auto" && !allowed.includes(lossValue)) {
    throw invalidValue("loss", lossValue, `predictor_type ${predictorType} takes auto, ${allowed.join(", ")}`);
  }
  const positiveWeight = get("positive_example_weight_mult");
  const normalizeLabel = asChoice("normalize_label", get("normalize_label"), ["auto", "true", "false", "True", "False"] as const);

  // Validated and otherwise unused (see the module comment).
  asChoice("binary_classifier_model_selection_criteria", get("binary_classifier_model_selection_criteria"), [
    "accuracy",
    "f_beta",
    "precision_at_target_recall",
    "recall_at_target_precision",
    "loss_function",
  ] as const);
  autoOr("num_calibration_samples", (v) => asInteger("num_calibration_samples", v, POSITIVE_INTEGER));
  autoOr("lr_scheduler_factor", (v) => asNumber("lr_scheduler_factor", v, UNIT));
  autoOr("lr_scheduler_minimum_lr", (v) => asNumber("lr_scheduler_minimum_lr", v, POSITIVE));
  autoOr("lr_scheduler_step", (v) => asInteger("lr_scheduler_step", v, POSITIVE_INTEGER));
  number("target_precision", UNIT);
  number("target_recall", UNIT);
  for (const name of ["unbias_data", "unbias_label"]) asChoice(name, get(name), ["auto", "true", "false", "True", "False"] as const);
  bool("use_lr_scheduler");

  return {
    predictorType,
    numClasses,
    featureDim: autoOr("feature_dim", (v) => asInteger("feature_dim", v, POSITIVE_INTEGER)),
    epochs: integer("epochs"),
    miniBatchSize: integer("mini_batch_size"),
    learningRate: autoOr("learning_rate", (v) => asNumber("learning_rate", v, POSITIVE)),
    optimizer: optimizerValue === "auto" ? "adam" : optimizerValue,
    beta1: orDefault(
      autoOr("beta_1", (v) => asNumber("beta_1", v, UNIT)),
      0.9,
    ),
    beta2: orDefault(
      autoOr("beta_2", (v) => asNumber("beta_2", v, UNIT)),
      0.999,
    ),
    momentum: orDefault(
      autoOr("momentum", (v) => asNumber("momentum", v, UNIT)),
      0,
    ),
    // `auto` regularisation is chosen by the real algorithm's internal tuning; the emulator uses none.
    l1: orDefault(
      autoOr("l1", (v) => asNumber("l1", v, NON_NEGATIVE)),
      0,
    ),
    wd: orDefault(
      autoOr("wd", (v) => asNumber("wd", v, NON_NEGATIVE)),
      0,
    ),
    biasLrMult: orDefault(
      autoOr("bias_lr_mult", (v) => asNumber("bias_lr_mult", v, POSITIVE)),
      1,
    ),
    // "By default, there is no regularization on the bias term."
    biasWdMult: orDefault(
      autoOr("bias_wd_mult", (v) => asNumber("bias_wd_mult", v, NON_NEGATIVE)),
      0,
    ),
    useBias: bool("use_bias"),
    normalizeData: orDefault(
      autoOr("normalize_data", (v) => asBoolean("normalize_data", v)),
      true,
    ),
    // `auto` normalises the label for regression only; `true` is ignored for classification.
    normalizeLabel: predictorType === "regressor" && normalizeLabel.toLowerCase() !== "false",
    numPointForScaler: integer("num_point_for_scaler"),
    initMethod: asChoice("init_method", get("init_method"), ["uniform", "normal"] as const),
    initScale: number("init_scale", POSITIVE),
    initSigma: number("init_sigma", POSITIVE),
    initBias: asNumber("init_bias", get("init_bias"), { says: "a number" }),
    loss: lossValue === "auto" ? allowed[0]! : lossValue,
    margin: number("margin", POSITIVE),
    lossInsensitivity: number("loss_insensitivity", POSITIVE),
    quantile: number("quantile", UNIT),
    huberDelta: number("huber_delta", POSITIVE),
    positiveExampleWeightMult:
      positiveWeight === "balanced" || positiveWeight === "auto"
        ? "balanced"
        : asNumber("positive_example_weight_mult", positiveWeight, { min: Number.MIN_VALUE, says: "balanced, auto or a positive number" }),
    balanceMulticlassWeights: bool("balance_multiclass_weights"),
    accuracyTopK: integer("accuracy_top_k"),
    fBeta: number("f_beta", POSITIVE),
    earlyStoppingPatience: integer("early_stopping_patience"),
    earlyStoppingTolerance: number("early_stopping_tolerance", POSITIVE),
    // Automatic model tuning sets num_models to 1 (linear-learner-tuning.md); SageMaker marks its
    // training jobs with `_tuning_objective_metric`.
    numModels:
      givenValue(raw, "_tuning_objective_metric") !== undefined
        ? 1
        : autoOr("num_models", (v) => asInteger("num_models", v, POSITIVE_INTEGER)),
  };
}

const orDefault = <T>(value: T | "auto", fallback: T): T => (value === "auto" ? fallback : value);
