import { ContainerError } from "../../containers/contract.js";
import { pyFloat } from "../python-format.js";
import { givenValue, type RawHyperparameters } from "../hyperparameters.js";

/**
 * XGBoost's hyperparameters as the SageMaker XGBoost container validates them, with its messages
 * (aws/sagemaker-xgboost-container: algorithm_mode/hyperparameter_validation.py and
 * sagemaker_algorithm_toolkit/hyperparameter_validation.py). Every declared name is accepted and
 * checked; the ones the emulator's booster uses are resolved into {@link XgboostConfig}.
 */

/** An interval as the toolkit prints it: `[0, 1]`, `(0, 1]`, `[1, +inf)`. */
interface Interval {
  readonly min?: string;
  readonly minOpen?: boolean;
  readonly max?: string;
  readonly maxOpen?: boolean;
}

type Spec =
  | { readonly kind: "int"; readonly range: Interval }
  | { readonly kind: "float"; readonly range: Interval }
  | { readonly kind: "choice"; readonly values: readonly string[] }
  /** Checked where it is used (eval_metric), or a structure the emulator does not read (constraints, updater). */
  | { readonly kind: "text" };

const int = (range: Interval): Spec => ({ kind: "int", range });
const float = (range: Interval): Spec => ({ kind: "float", range });
const choice = (...values: string[]): Spec => ({ kind: "choice", values });
const TEXT: Spec = { kind: "text" };
const UNIT_CLOSED: Interval = { min: "0", max: "1" };
const UNIT_OPEN_LOW: Interval = { min: "0", minOpen: true, max: "1" };
const NON_NEGATIVE: Interval = { min: "0" };

const OBJECTIVES = [
  "aft_loss_distribution",
  "binary:logistic",
  "binary:logitraw",
  "binary:hinge",
  "count:poisson",
  "multi:softmax",
  "multi:softprob",
  "rank:pairwise",
  "rank:ndcg",
  "rank:map",
  "reg:linear",
  "reg:squarederror",
  "reg:logistic",
  "reg:gamma",
  "reg:pseudohubererror",
  "reg:squaredlogerror",
  "reg:tweedie",
  "survival:aft",
  "survival:cox",
];

/** The container's evaluation metrics (constants/xgb_constants.py), maximised ones first. */
export const MAXIMIZE_METRICS = [
  "accuracy",
  "auc",
  "aucpr",
  "balanced_accuracy",
  "f1",
  "f1_binary",
  "f1_macro",
  "map",
  "ndcg",
  "precision",
  "r2",
  "recall",
  "precision_macro",
  "precision_micro",
  "recall_macro",
  "recall_micro",
];
const MINIMIZE_METRICS = [
  "aft-nloglik",
  "cox-nloglik",
  "error",
  "gamma-deviance",
  "gamma-nloglik",
  "interval-regression-accuracy",
  "logloss",
  "mae",
  "mape",
  "merror",
  "mlogloss",
  "mphe",
  "mse",
  "poisson-nloglik",
  "rmse",
  "rmsle",
  "tweedie-nloglik",
];
const METRICS = [...MAXIMIZE_METRICS, ...MINIMIZE_METRICS];

const SPECS: Readonly<Record<string, Spec>> = {
  num_round: int({ min: "1" }),
  csv_weights: int({ min: "0", max: "1" }),
  early_stopping_rounds: int({ min: "1" }),
  booster: choice("gbtree", "gblinear", "dart"),
  verbosity: int({ min: "0", max: "3" }),
  nthread: int({ min: "1" }),
  eta: float(UNIT_CLOSED),
  gamma: float(NON_NEGATIVE),
  max_depth: int(NON_NEGATIVE),
  min_child_weight: float(NON_NEGATIVE),
  max_delta_step: float(NON_NEGATIVE),
  subsample: float(UNIT_OPEN_LOW),
  colsample_bytree: float(UNIT_OPEN_LOW),
  colsample_bylevel: float(UNIT_OPEN_LOW),
  colsample_bynode: float(UNIT_OPEN_LOW),
  lambda: float(NON_NEGATIVE),
  alpha: float(NON_NEGATIVE),
  tree_method: choice("auto", "exact", "approx", "hist", "gpu_hist"),
  sketch_eps: float({ min: "0", minOpen: true, max: "1", maxOpen: true }),
  scale_pos_weight: float({ min: "0", minOpen: true }),
  updater: TEXT,
  dsplit: choice("row", "col"),
  refresh_leaf: int({ min: "0", max: "1" }),
  process_type: choice("default", "update"),
  grow_policy: choice("depthwise", "lossguide"),
  max_leaves: int(NON_NEGATIVE),
  max_bin: int(NON_NEGATIVE),
  predictor: choice("auto", "cpu_predictor", "gpu_predictor"),
  monotone_constraints: TEXT,
  interaction_constraints: TEXT,
  sample_type: choice("uniform", "weighted"),
  normalize_type: choice("tree", "forest"),
  rate_drop: float(UNIT_CLOSED),
  one_drop: int({ min: "0", max: "1" }),
  skip_drop: float(UNIT_CLOSED),
  lambda_bias: float(UNIT_CLOSED),
  tweedie_variance_power: float({ min: "1", minOpen: true, max: "2", maxOpen: true }),
  objective: choice(...OBJECTIVES),
  num_class: int({ min: "2" }),
  base_score: float(NON_NEGATIVE),
  _kfold: int({ min: "2" }),
  _num_cv_round: int({ min: "1" }),
  _tuning_objective_metric: choice(...METRICS.map((m) => `validation:${m}`)),
  eval_metric: TEXT,
  seed: int({ min: String(-(2 ** 31)), minOpen: true, max: String(2 ** 31 - 1), maxOpen: true }),
  num_parallel_tree: int({ min: "1" }),
  save_model_on_termination: choice("true", "false"),
  aft_loss_distribution: choice("normal", "logistic", "extreme"),
  aft_loss_distribution_scale: float(NON_NEGATIVE),
  deterministic_histogram: choice("true", "false"),
  sampling_method: choice("uniform", "gradient_based"),
  prob_buffer_row: int({ min: "1.0", minOpen: true }),
  use_dask_gpu_training: choice("true", "false"),
};

/** Other names the container takes for the same hyperparameter (`declare_alias`). */
const ALIASES: Readonly<Record<string, string>> = {
  learning_rate: "eta",
  min_split_loss: "gamma",
  reg_lambda: "lambda",
  reg_alpha: "alpha",
};

/** The objectives the emulator's booster implements. */
export type Objective =
  | "reg:squarederror"
  | "reg:linear"
  | "reg:logistic"
  | "binary:logistic"
  | "binary:logitraw"
  | "multi:softmax"
  | "multi:softprob";
const IMPLEMENTED_OBJECTIVES: readonly Objective[] = [
  "reg:squarederror",
  "reg:linear",
  "reg:logistic",
  "binary:logistic",
  "binary:logitraw",
  "multi:softmax",
  "multi:softprob",
];
/** The evaluation metrics the emulator computes (`error@0.7` too). */
const IMPLEMENTED_METRICS = ["rmse", "mse", "mae", "r2", "logloss", "error", "auc", "mlogloss", "merror", "accuracy"];

export interface XgboostConfig {
  readonly numRound: number;
  readonly objective: Objective;
  /** Classes of a multi:* objective; 1 otherwise (one tree per round). */
  readonly numClass: number;
  readonly eta: number;
  readonly gamma: number;
  /** 0 means no limit (inferred from XGBoost's documentation). */
  readonly maxDepth: number;
  readonly minChildWeight: number;
  readonly maxDeltaStep: number;
  readonly subsample: number;
  readonly colsampleBytree: number;
  readonly colsampleBylevel: number;
  readonly colsampleBynode: number;
  readonly lambda: number;
  readonly alpha: number;
  readonly scalePosWeight: number;
  readonly baseScore: number;
  /** Metrics to log each round; empty means the objective's default. */
  readonly evalMetrics: readonly string[];
  readonly earlyStoppingRounds: number | undefined;
  readonly csvWeights: boolean;
  /** XGBoost's own seed (default 0), so the same job trains the same model, as it does on SageMaker. */
  readonly seed: number;
}

const userError = (message: string): ContainerError => new ContainerError("ClientError", message);

/** Python's str() of an interval, as the toolkit's `Interval.__str__` writes it. */
const intervalText = (r: Interval): string =>
  `${r.min === undefined ? "(-inf" : `${r.minOpen ? "(" : "["}${r.min}`}, ${r.max === undefined ? "+inf)" : `${r.max}${r.maxOpen ? ")" : "]"}`}`;

const inInterval = (n: number, r: Interval): boolean =>
  !(
    (r.min !== undefined && (r.minOpen ? n <= Number(r.min) : n < Number(r.min))) ||
    (r.max !== undefined && (r.maxOpen ? n >= Number(r.max) : n > Number(r.max)))
  );

const pyList = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(", ")}]`;

/** Parses and range-checks one value as the toolkit does; returns the number (or the string). */
function check(name: string, spec: Spec, value: string): number | string {
  switch (spec.kind) {
    case "int":
    case "float": {
      // Python's int() and float(); NaN and infinities are not numbers any hyperparameter takes.
      const pattern = spec.kind === "int" ? /^\s*[+-]?\d+\s*$/ : /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
      if (!pattern.test(value)) throw userError(`Hyperparameter ${name}: could not parse value`);
      const n = Number(value);
      if (!inInterval(n, spec.range)) {
        throw userError(`Hyperparameter ${name}: ${spec.kind === "int" ? String(n) : pyFloat(n)} is not in ${intervalText(spec.range)}`);
      }
      return n;
    }
    case "choice":
      if (!spec.values.includes(value)) throw userError(`Hyperparameter ${name}: ${value} is not in ${pyList(spec.values)}`);
      return value;
    case "text":
      return value;
  }
}

export function resolveXgboostConfig(raw: RawHyperparameters): XgboostConfig {
  // SageMaker's script mode (the same image running a user's entry point) passes sagemaker_program.
  if (givenValue(raw, "sagemaker_program") !== undefined) {
    throw userError(
      `This job runs XGBoost in script mode (sagemaker_program=${givenValue(raw, "sagemaker_program")}); the emulator runs only XGBoost's built-in algorithm mode`,
    );
  }
  if (givenValue(raw, "num_round") === undefined) throw userError("Missing required hyperparameter: num_round");
  const values = new Map<string, number | string>();
  for (const [given, value] of Object.entries(raw)) {
    const name = Object.hasOwn(ALIASES, given) ? ALIASES[given]! : given;
    if (!Object.hasOwn(SPECS, name)) throw userError(`Extraneous hyperparameter found: ${given}`);
    values.set(name, check(given, SPECS[name]!, value));
  }
  const num = (name: string, fallback: number): number => (values.get(name) as number | undefined) ?? fallback;

  const objective = values.get("objective") as string | undefined;
  const numClass = values.get("num_class") as number | undefined;
  if ((objective === "multi:softmax" || objective === "multi:softprob") && numClass === undefined) {
    throw userError("Require input for parameter 'num_class' for multi-classification");
  }
  const resolvedObjective = (objective ?? "reg:squarederror") as Objective;
  if (!IMPLEMENTED_OBJECTIVES.includes(resolvedObjective)) {
    throw userError(`objective ${resolvedObjective} is valid, but the emulator implements only ${IMPLEMENTED_OBJECTIVES.join(", ")}`);
  }
  const booster = values.get("booster") ?? "gbtree";
  if (booster !== "gbtree") throw userError(`booster ${booster} is valid, but the emulator implements only gbtree`);

  const evalMetrics = checkEvalMetrics(values.get("eval_metric") as string | undefined, resolvedObjective);
  return {
    numRound: num("num_round", 1),
    objective: resolvedObjective,
    numClass: resolvedObjective.startsWith("multi:") ? numClass! : 1,
    eta: num("eta", 0.3),
    gamma: num("gamma", 0),
    maxDepth: num("max_depth", 6),
    minChildWeight: num("min_child_weight", 1),
    maxDeltaStep: num("max_delta_step", 0),
    subsample: num("subsample", 1),
    colsampleBytree: num("colsample_bytree", 1),
    colsampleBylevel: num("colsample_bylevel", 1),
    colsampleBynode: num("colsample_bynode", 1),
    lambda: num("lambda", 1),
    alpha: num("alpha", 0),
    scalePosWeight: num("scale_pos_weight", 1),
    baseScore: num("base_score", 0.5),
    evalMetrics,
    earlyStoppingRounds: values.get("early_stopping_rounds") as number | undefined,
    csvWeights: num("csv_weights", 0) === 1,
    seed: num("seed", 0),
  };
}

/** eval_metric: a comma-separated list of the container's metrics (`error@t` with a threshold). */
function checkEvalMetrics(value: string | undefined, objective: Objective): string[] {
  if (value === undefined) return [];
  const metrics = value.split(",");
  for (const metric of metrics) {
    if (metric.includes("@")) {
      const [name = "", threshold = ""] = metric.split("@").map((part) => part.trim());
      if (!["error", "ndcg", "map"].includes(name)) {
        throw userError(
          `Metric '${metric}' is not supported. Parameter 'eval_metric' with customized threshold should be one of these options: 'error', 'ndcg', 'map'.`,
        );
      }
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(threshold))
        throw userError(`Threshold value 't' in '${name}@t' expects float input.`);
    } else if (!METRICS.includes(metric)) {
      throw userError(`Hyperparameter eval_metric: value ${pyList(metrics)} not in range ${pyList(METRICS)}`);
    }
  }
  if (metrics.includes("auc") && !objective.startsWith("binary:")) {
    throw userError("Metric 'auc' can only be applied for classification and ranking problems.");
  }
  const missing = metrics.find((m) => !IMPLEMENTED_METRICS.includes(m.split("@")[0]!.trim()));
  if (missing !== undefined)
    throw userError(`eval_metric ${missing} is valid, but the emulator computes only ${IMPLEMENTED_METRICS.join(", ")}`);
  return metrics;
}
