import type { LabelledData } from "../csv.js";
import type { LinearLearnerConfig } from "./hyperparameters.js";
import type { Loss } from "./losses.js";
import { type LinearModel, predictOne, rawScores } from "./model.js";

/**
 * The metrics linear learner reports on its test and validation channels, named as the tuning
 * documentation names them (SageMaker developer guide, linear-learner-tuning.md): `test:<name>`.
 * Computed here: the objective loss and, per predictor type, accuracy, precision, recall and
 * F-beta (binary), accuracy, top-k accuracy and macro precision, recall and F-beta (multiclass),
 * mean squared and absolute error (regression). Not computed: roc_auc_score and dcg.
 */
export interface Metric {
  readonly name: string;
  readonly value: number;
}

/**
 * The mean loss over `data`. A regressor's loss is taken on its predictions in label units, so the
 * number means the same whether or not labels were normalised for training.
 */
export function objectiveLoss(model: LinearModel, loss: Loss, data: LabelledData): number {
  let total = 0;
  for (let i = 0; i < data.features.length; i++) {
    const x = data.features[i]!;
    const y = data.labels[i]!;
    const s = model.predictorType === "regressor" ? [predictOne(model, x).score as number] : rawScores(model, x);
    total += loss.value(s, y);
  }
  return total / data.features.length;
}

export function evaluate(model: LinearModel, config: LinearLearnerConfig, data: LabelledData): Metric[] {
  const predictions = data.features.map((x) => predictOne(model, x));
  const labels = data.labels;
  switch (model.predictorType) {
    case "binary_classifier": {
      const predicted = predictions.map((p) => p.predictedLabel!);
      const tp = count(predicted, (p, i) => p === 1 && labels[i] === 1);
      const fp = count(predicted, (p, i) => p === 1 && labels[i] !== 1);
      const fn = count(predicted, (p, i) => p !== 1 && labels[i] === 1);
      const precision = ratio(tp, tp + fp);
      const recall = ratio(tp, tp + fn);
      return [
        { name: "binary_classification_accuracy", value: accuracy(predicted, labels) },
        { name: "precision", value: precision },
        { name: "recall", value: recall },
        { name: "binary_f_beta", value: fBeta(precision, recall, config.fBeta) },
      ];
    }
    case "multiclass_classifier": {
      const predicted = predictions.map((p) => p.predictedLabel!);
      const perClass = Array.from({ length: config.numClasses }, (_, c) => {
        const tp = count(predicted, (p, i) => p === c && labels[i] === c);
        return {
          precision: ratio(
            tp,
            count(predicted, (p) => p === c),
          ),
          recall: ratio(
            tp,
            count(labels, (y) => y === c),
          ),
        };
      });
      const macroPrecision = average(perClass.map((c) => c.precision));
      const macroRecall = average(perClass.map((c) => c.recall));
      return [
        { name: "multiclass_accuracy", value: accuracy(predicted, labels) },
        {
          name: "multiclass_top_k_accuracy",
          value: topKAccuracy(
            predictions.map((p) => p.score as number[]),
            labels,
            config.accuracyTopK,
          ),
        },
        { name: "macro_precision", value: macroPrecision },
        { name: "macro_recall", value: macroRecall },
        { name: "macro_f_beta", value: fBeta(macroPrecision, macroRecall, config.fBeta) },
      ];
    }
    case "regressor": {
      const errors = predictions.map((p, i) => (p.score as number) - labels[i]!);
      return [
        { name: "mse", value: average(errors.map((e) => e * e)) },
        { name: "absolute_loss", value: average(errors.map(Math.abs)) },
      ];
    }
  }
}

const count = <T>(items: readonly T[], test: (item: T, i: number) => boolean): number => items.filter(test).length;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const average = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);
const accuracy = (predicted: readonly number[], labels: readonly number[]): number =>
  ratio(
    count(predicted, (p, i) => p === labels[i]),
    predicted.length,
  );

function fBeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  return ratio((1 + b2) * precision * recall, b2 * precision + recall);
}

/** A record counts when its label is among the k classes with the highest scores. */
function topKAccuracy(scores: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  const hits = scores.filter((s, i) => {
    const own = s[labels[i]!];
    if (own === undefined) return false;
    // Classes strictly ahead of the label's own score.
    return s.filter((v) => v > own).length < k;
  }).length;
  return ratio(hits, scores.length);
}
