import { ContainerError, type TrainingIO } from "../../containers/contract.js";
import { sampleIndices, seededRandom, type SeededRandom } from "../seeded-random.js";
import type { XgbData } from "./data.js";
import { MAXIMIZE_METRICS, type XgboostConfig } from "./hyperparameters.js";
import { type Evaluated, evaluateMetric, isMaximised } from "./metrics.js";
import type { XgbModel } from "./model.js";
import { type ObjectiveFunction, objectiveFunction, sigmoid, softmax } from "./objectives.js";
import { growTree, presort, type Tree, treeValue } from "./tree.js";

/**
 * Gradient boosting (XGBoost's `train`): each round fits one tree per output to the gradients of
 * the loss at the current margins, and logs the evaluation metrics on the train and validation
 * sets as XGBoost's evaluation monitor prints them.
 */

/** A data set being scored as the trees are added. */
interface Watched {
  readonly name: "train" | "validation";
  readonly data: XgbData;
  readonly margins: Float64Array;
}

export function boost(
  config: XgboostConfig,
  train: XgbData,
  validation: XgbData | undefined,
  featureCount: number,
  io: TrainingIO,
): XgbModel {
  const objective = objectiveFunction(config.objective, config.numClass, config.scalePosWeight);
  const outputs = objective.outputs;
  const initialMargin = objective.initialMargin(config.baseScore);
  const metrics = config.evalMetrics.length > 0 ? config.evalMetrics : [objective.defaultMetric];
  if (config.earlyStoppingRounds !== undefined && validation === undefined) {
    // xgboost.train's own refusal, wrapped as the container wraps any other failure of the train call (algorithm_mode/train.py).
    throw new ContainerError(
      "AlgorithmError",
      "XGB train call failed with exception:\n Must have at least 1 validation dataset for early stopping.",
    );
  }
  const watch = (name: Watched["name"], data: XgbData): Watched => ({
    name,
    data,
    margins: new Float64Array(data.rows.length * outputs).fill(initialMargin),
  });
  const watched = validation ? [watch("train", train), watch("validation", validation)] : [watch("train", train)];

  const random = seededRandom(config.seed);
  const sorted = presort(train.rows, featureCount);
  const g = Array.from({ length: outputs }, () => new Float64Array(train.rows.length));
  const h = Array.from({ length: outputs }, () => new Float64Array(train.rows.length));
  const gi = new Float64Array(outputs);
  const hi = new Float64Array(outputs);
  const trees: Tree[] = [];
  const stopOn = metrics[metrics.length - 1]!;
  let best = { round: -1, score: Number.NaN, line: "" };

  for (let round = 0; round < config.numRound; round++) {
    io.signal.throwIfAborted();
    const trainMargins = watched[0]!.margins;
    for (let i = 0; i < train.rows.length; i++) {
      objective.gradients(trainMargins.subarray(i * outputs, (i + 1) * outputs), train.labels[i]!, train.weights[i]!, gi, hi);
      for (let k = 0; k < outputs; k++) {
        g[k]![i] = gi[k]!;
        h[k]![i] = hi[k]!;
      }
    }
    const treeFeatures = pick(featureCount, config.colsampleBytree, random);
    for (let k = 0; k < outputs; k++) {
      const sample =
        config.subsample < 1 ? train.rows.map((_, i) => i).filter(() => random.next() < config.subsample) : train.rows.map((_, i) => i);
      const tree = growTree(
        {
          rows: train.rows,
          sorted,
          g: g[k]!,
          h: h[k]!,
          sample,
          featuresAt: () => pickFrom(treeFeatures, config.colsampleBylevel * config.colsampleBynode, random),
        },
        config,
      );
      trees.push(tree);
      for (const w of watched) {
        for (const [i, row] of w.data.rows.entries()) w.margins[i * outputs + k]! += treeValue(tree, row);
      }
    }

    // XGBoost's evaluation line; the tab between entries reaches CloudWatch as `#011`, which the
    // built-in metric definitions match (`.*\[[0-9]+\].*#011validation-rmse:(\S+)`, algorithm_mode/metrics.py).
    let line = `[${round}]`;
    let score = Number.NaN;
    for (const w of watched) {
      const predictions = evaluated(objective, w.margins, w.data.rows.length, config.objective);
      for (const metric of metrics) {
        const value = evaluateMetric(metric, predictions, w.data.labels, w.data.weights);
        line += `#011${w.name}-${metric}:${value.toFixed(5)}`;
        io.metric(`${w.name}:${metric}`, value);
        if (w.name === "validation" && metric === stopOn) score = value;
      }
    }
    io.log(line);

    if (config.earlyStoppingRounds !== undefined) {
      const better = best.round < 0 || (isMaximised(stopOn, MAXIMIZE_METRICS) ? score > best.score : score < best.score);
      if (better) best = { round, score, line };
      else if (round - best.round >= config.earlyStoppingRounds) {
        io.log(`Stopping. Best iteration:\n${best.line}`);
        break;
      }
    }
  }
  return { objective: config.objective, numClass: config.numClass, featureCount, initialMargin, trees };
}

/** What metrics see: probabilities for classification (logitraw's margins turned into them too), values for regression. */
function evaluated(objective: ObjectiveFunction, margins: Float64Array, n: number, name: string): Evaluated[] {
  const outputs = objective.outputs;
  return Array.from({ length: n }, (_, i) => {
    const m = margins.subarray(i * outputs, (i + 1) * outputs);
    if (name.startsWith("multi:")) return softmax(m);
    if (name === "binary:logitraw") return sigmoid(m[0]!);
    return objective.predict(m) as number;
  });
}

/** A seeded share of `count` features (at least one), in feature order. */
function pick(count: number, fraction: number, random: SeededRandom): number[] {
  return fraction >= 1
    ? Array.from({ length: count }, (_, f) => f)
    : sampleIndices(count, Math.max(1, Math.round(fraction * count)), random);
}

function pickFrom(features: readonly number[], fraction: number, random: SeededRandom): number[] {
  return fraction >= 1 ? [...features] : pick(features.length, fraction, random).map((i) => features[i]!);
}
