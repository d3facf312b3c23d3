import { ContainerError, type TrainingIO } from "../../containers/contract.js";
import type { LabelledData } from "../csv.js";
import { pyFloat } from "../python-format.js";
import { type SeededRandom, seededRandom, shuffle } from "../seeded-random.js";
import { HOST } from "../training-log.js";
import { objectiveLoss } from "./evaluate.js";
import type { LinearLearnerConfig } from "./hyperparameters.js";
import { type Loss, lossFunction, OBJECTIVE_NAME } from "./losses.js";
import type { LinearModel } from "./model.js";
import { createStep, type Step } from "./optimizers.js";

/**
 * Linear learner's training: mini-batch gradient descent on standardised features, several models
 * at once. The real algorithm trains `num_models` models in parallel with close hyperparameters and
 * keeps the best on the validation channel (or the training data without one; SageMaker developer
 * guide, linear-learner.md); here the models differ in learning rate. Every epoch visits the
 * records in a fresh seeded order, so a job trains the same model every time.
 */

/** Models trained side by side when `num_models` is auto. */
const AUTO_MODELS = 4;
/** Learning rates for `learning_rate=auto` (inferred: AWS does not publish the real ones). */
const AUTO_LEARNING_RATE = { adam: 0.1, sgd: 0.1, rmsprop: 0.01 } as const;
/** Model m's learning rate as a multiple of the first's: 1, 1/3, 3, 1/9, 9, … ("close parameters"). */
const rateFactor = (m: number): number => 3 ** (m % 2 === 1 ? -Math.ceil(m / 2) : m / 2);

/** One model being trained: its parameters (per output, the weights then the bias) and its best epoch so far. */
interface Candidate {
  readonly params: Float64Array;
  readonly step: Step;
  best: { loss: number; model: LinearModel } | undefined;
}

export function fitLinearModel(
  config: LinearLearnerConfig,
  train: LabelledData,
  validation: LabelledData | undefined,
  seed: number,
  io: TrainingIO,
): LinearModel {
  const d = train.features[0]!.length;
  const outputs = config.predictorType === "multiclass_classifier" ? config.numClasses : 1;
  const scaler = featureScaler(train, d, config);
  const labels = labelScaler(train, config);
  const x = train.features.map((row) => Float64Array.from(row, (v, j) => (v - scaler.mean[j]!) / scaler.scale[j]!));
  const y = train.labels.map((v) => (v - labels.mean) / labels.scale);
  const weights = sampleWeights(train.labels, config);
  const loss = lossFunction(config.loss, config);
  const random = seededRandom(seed);

  const width = d + 1;
  const rateMultipliers = Float64Array.from({ length: outputs * width }, (_, i) => (i % width === d ? config.biasLrMult : 1));
  const base = config.learningRate === "auto" ? AUTO_LEARNING_RATE[config.optimizer] : config.learningRate;
  const count = config.numModels === "auto" ? AUTO_MODELS : config.numModels;
  const candidates: Candidate[] = Array.from({ length: count }, (_, m) => ({
    params: initialParams(outputs, d, config, random),
    step: createStep(config.optimizer, { ...config, learningRate: base * rateFactor(m), rateMultipliers }),
    best: undefined,
  }));
  io.log(
    `Training ${count} model${count > 1 ? "s" : ""} on ${x.length} records with ${d} features (${config.optimizer}, loss ${config.loss})`,
  );

  const objective = OBJECTIVE_NAME[config.loss];
  const order = Array.from({ length: x.length }, (_, i) => i);
  let bestSelection = Number.POSITIVE_INFINITY;
  let stale = 0;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    io.signal.throwIfAborted();
    shuffle(order, random);
    let trainLoss = Number.POSITIVE_INFINITY;
    let selection = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
      runEpoch(candidate, order, x, y, weights, loss, config, outputs, d);
      const model = toModel(candidate.params, outputs, d, scaler, labels, config);
      const lossOnTrain = finite(objectiveLoss(model, loss, train));
      const lossForSelection = validation ? finite(objectiveLoss(model, loss, validation)) : lossOnTrain;
      trainLoss = Math.min(trainLoss, lossOnTrain);
      selection = Math.min(selection, lossForSelection);
      if (candidate.best === undefined || lossForSelection < candidate.best.loss) candidate.best = { loss: lossForSelection, model };
    }
    io.log(`#quality_metric: host=${HOST}, epoch=${epoch}, train ${objective} <loss>=${pyFloat(trainLoss)}`);
    io.metric("train:objective_loss", trainLoss);
    if (validation) {
      io.log(`#quality_metric: host=${HOST}, epoch=${epoch}, validation ${objective} <loss>=${pyFloat(selection)}`);
      io.metric("validation:objective_loss", selection);
    }
    // Early stopping (early_stopping_patience, early_stopping_tolerance): a relative improvement
    // below the tolerance counts as none.
    if (
      bestSelection === Number.POSITIVE_INFINITY ||
      (bestSelection - selection) / Math.abs(bestSelection) >= config.earlyStoppingTolerance
    ) {
      bestSelection = Math.min(bestSelection, selection);
      stale = 0;
    } else if (++stale >= config.earlyStoppingPatience) {
      io.log(
        `Early stop condition met after epoch ${epoch}: no relative improvement of ${pyFloat(config.earlyStoppingTolerance)} in ${stale} epochs`,
      );
      break;
    }
  }

  const winner = candidates
    .map((c) => c.best)
    .reduce((a, b) => (b !== undefined && (a === undefined || b.loss < a.loss) ? b : a), undefined);
  if (winner === undefined || !Number.isFinite(winner.loss)) {
    throw new ContainerError(
      "AlgorithmError",
      "Training diverged: no model's loss is finite. Please lower learning_rate or set normalize_data to true",
    );
  }
  return winner.model;
}

/** A NaN loss (a diverged model) must never win a comparison. */
const finite = (loss: number): number => (Number.isFinite(loss) ? loss : Number.POSITIVE_INFINITY);

function runEpoch(
  candidate: Candidate,
  order: readonly number[],
  x: readonly Float64Array[],
  y: readonly number[],
  weights: readonly number[],
  loss: Loss,
  config: LinearLearnerConfig,
  outputs: number,
  d: number,
): void {
  const width = d + 1;
  const { params } = candidate;
  const gradient = new Float64Array(params.length);
  const scores = new Float64Array(outputs);
  const slope = new Float64Array(outputs);
  for (let start = 0; start < order.length; start += config.miniBatchSize) {
    const batch = order.slice(start, start + config.miniBatchSize);
    gradient.fill(0);
    for (const i of batch) {
      const row = x[i]!;
      for (let c = 0; c < outputs; c++) {
        let s = params[c * width + d]!;
        for (let j = 0; j < d; j++) s += params[c * width + j]! * row[j]!;
        scores[c] = s;
      }
      loss.gradient(scores, y[i]!, slope);
      const w = weights[i]!;
      for (let c = 0; c < outputs; c++) {
        const g = slope[c]! * w;
        for (let j = 0; j < d; j++) gradient[c * width + j]! += g * row[j]!;
        gradient[c * width + d]! += g;
      }
    }
    for (let c = 0; c < outputs; c++) {
      for (let j = 0; j < d; j++) {
        const k = c * width + j;
        const p = params[k]!;
        gradient[k] = gradient[k]! / batch.length + config.wd * p + config.l1 * Math.sign(p);
      }
      const b = c * width + d;
      gradient[b] = config.useBias ? gradient[b]! / batch.length + config.wd * config.biasWdMult * params[b]! : 0;
    }
    candidate.step(params, gradient);
  }
}

function initialParams(outputs: number, d: number, config: LinearLearnerConfig, random: SeededRandom): Float64Array {
  const params = new Float64Array(outputs * (d + 1));
  for (let c = 0; c < outputs; c++) {
    for (let j = 0; j < d; j++) {
      params[c * (d + 1) + j] =
        config.initMethod === "uniform" ? (2 * random.next() - 1) * config.initScale : random.normal() * config.initSigma;
    }
    params[c * (d + 1) + d] = config.useBias ? config.initBias : 0;
  }
  return params;
}

interface Scaler {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
}

/** Per-feature mean and standard deviation over the first `num_point_for_scaler` records (normalize_data). */
function featureScaler(train: LabelledData, d: number, config: LinearLearnerConfig): Scaler {
  if (!config.normalizeData) return { mean: new Array<number>(d).fill(0), scale: new Array<number>(d).fill(1) };
  const rows = train.features.slice(0, config.numPointForScaler);
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / rows.length);
  const scale = mean.map((m, j) =>
    standardDeviation(
      rows.map((r) => r[j]!),
      m,
    ),
  );
  return { mean, scale };
}

interface LabelScaler {
  readonly mean: number;
  readonly scale: number;
}

function labelScaler(train: LabelledData, config: LinearLearnerConfig): LabelScaler {
  if (!config.normalizeLabel) return { mean: 0, scale: 1 };
  const ys = train.labels.slice(0, config.numPointForScaler);
  const mean = ys.reduce((s, v) => s + v, 0) / ys.length;
  return { mean, scale: standardDeviation(ys, mean) };
}

/** A constant column scales by 1, not 0. */
function standardDeviation(values: readonly number[], mean: number): number {
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return sd > 1e-12 ? sd : 1;
}

/**
 * Per-record weights: `positive_example_weight_mult` for class 1 of a binary classifier, and
 * `balance_multiclass_weights` for multiclass. `balanced` weighs the two classes equally; so does
 * `auto`, which the real algorithm tunes (the emulator does not).
 */
function sampleWeights(labels: readonly number[], config: LinearLearnerConfig): number[] {
  if (config.predictorType === "binary_classifier") {
    const positives = labels.filter((y) => y === 1).length;
    const mult =
      config.positiveExampleWeightMult === "balanced"
        ? positives === 0
          ? 1
          : (labels.length - positives) / positives
        : config.positiveExampleWeightMult;
    return labels.map((y) => (y === 1 ? mult : 1));
  }
  if (config.predictorType === "multiclass_classifier" && config.balanceMulticlassWeights) {
    const counts = new Map<number, number>();
    for (const y of labels) counts.set(y, (counts.get(y) ?? 0) + 1);
    return labels.map((y) => labels.length / (config.numClasses * counts.get(y)!));
  }
  return labels.map(() => 1);
}

function toModel(
  params: Float64Array,
  outputs: number,
  d: number,
  scaler: Scaler,
  labels: LabelScaler,
  config: LinearLearnerConfig,
): LinearModel {
  const width = d + 1;
  return {
    predictorType: config.predictorType,
    loss: config.loss,
    featureDim: d,
    mean: scaler.mean,
    scale: scaler.scale,
    weights: Array.from({ length: outputs }, (_, c) => Array.from(params.subarray(c * width, c * width + d))),
    bias: Array.from({ length: outputs }, (_, c) => params[c * width + d]!),
    labelMean: labels.mean,
    labelScale: labels.scale,
  };
}
