import { describe, expect, it } from "vitest";
import { IRIS, irisCsv, irisSplit } from "../../../test/fixtures/iris.js";
import { knn } from "../knn/knn.js";
import { seededRandom } from "../seeded-random.js";
import { csvChannel, invokeText, runTraining, toCsv } from "../test-support.js";
import { linearLearner } from "./linear-learner.js";

const failure = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

const MULTICLASS = { predictor_type: "multiclass_classifier", num_classes: "3" };

/** Solves (XᵀX) β = Xᵀy by Gaussian elimination with partial pivoting; X gets a leading column of ones. */
function leastSquares(features: readonly (readonly number[])[], labels: readonly number[]): number[] {
  const rows = features.map((x) => [1, ...x]);
  const n = rows[0]!.length;
  const a = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)),
    rows.reduce((s, r, k) => s + r[i]! * labels[k]!, 0),
  ]);
  for (let col = 0; col < n; col++) {
    const pivot = a.slice(col).reduce((best, row, i) => (Math.abs(row[col]!) > Math.abs(a[best]![col]!) ? col + i : best), col);
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

describe("linear learner: multiclass on Iris", () => {
  const { train, test } = irisSplit();

  it("classifies the Iris training data with at least 0.9 accuracy, default hyperparameters", () => {
    const run = runTraining(linearLearner, MULTICLASS, { train: csvChannel(irisCsv({ label: true })) });
    const response = invokeText(linearLearner.load(run.model), irisCsv({ label: false }), "text/csv", "application/jsonlines");
    const predicted = response.text.split("\n").map((line) => JSON.parse(line).predicted_label);
    expect(predicted.filter((p, i) => p === IRIS[i]!.label).length / IRIS.length).toBeGreaterThanOrEqual(0.9);
  });

  it("reports the documented test metrics and their log lines", () => {
    const run = runTraining(linearLearner, MULTICLASS, {
      train: csvChannel(irisCsv({ label: true }, train)),
      test: csvChannel(irisCsv({ label: true }, test)),
    });
    const names = [...run.finalMetrics.keys()];
    expect(names).toEqual([
      "train:objective_loss",
      "test:objective_loss",
      "test:multiclass_accuracy",
      "test:multiclass_top_k_accuracy",
      "test:macro_precision",
      "test:macro_recall",
      "test:macro_f_beta",
    ]);
    const accuracy = run.finalMetrics.get("test:multiclass_accuracy")!;
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    expect(run.finalMetrics.get("test:multiclass_top_k_accuracy")).toBe(1);
    expect(run.logs).toContain(`#quality_metric: host=algo-1, test multiclass_accuracy <score>=${String(accuracy)}`);
    expect(run.logs).toContain(`#test_score (algo-1) : ('multiclass_accuracy', ${String(accuracy)})`);
    expect(run.logs.filter((line) => line.startsWith("#quality_metric: host=algo-1, epoch="))).toHaveLength(15);
    expect(run.logs).toContainEqual(
      expect.stringMatching(/^#quality_metric: host=algo-1, epoch=0, train multiclass_cross_entropy_objective <loss>=\d/),
    );
  });

  it("answers JSON with a score per class and an integer label (LL-in-formats.md)", () => {
    const server = linearLearner.load(runTraining(linearLearner, MULTICLASS, { train: csvChannel(irisCsv({ label: true })) }).model);
    const response = invokeText(server, JSON.stringify({ instances: [{ features: [5.1, 3.5, 1.4, 0.2] }] }), "application/json");
    expect(response.contentType).toBe("application/json");
    expect(response.text).toMatch(/^\{"predictions": \[\{"score": \[[^\]]+\], "predicted_label": 0\}\]\}$/);
    const [prediction] = JSON.parse(response.text).predictions;
    expect(prediction.score.reduce((s: number, p: number) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it("trains the same model from the same seed", () => {
    const model = (seed: number) =>
      runTraining(linearLearner, MULTICLASS, { train: csvChannel(irisCsv({ label: true })) }, seed).model.get("model.json");
    expect(model(3)).toEqual(model(3));
    expect(model(3)).not.toEqual(model(4));
  });

  it("uses a validation channel for model selection and reports validation metrics", () => {
    const run = runTraining(linearLearner, MULTICLASS, {
      train: csvChannel(irisCsv({ label: true }, train)),
      validation: csvChannel(irisCsv({ label: true }, test)),
    });
    // One per epoch, and the final model's.
    expect(run.metrics.filter(([name]) => name === "validation:objective_loss")).toHaveLength(16);
    expect(run.finalMetrics.get("validation:multiclass_accuracy")).toBeGreaterThanOrEqual(0.9);
    expect(run.logs).toContain(
      `#quality_metric: host=algo-1, validation multiclass_accuracy <score>=${String(run.finalMetrics.get("validation:multiclass_accuracy"))}`,
    );
  });
});

describe("linear learner: binary classification", () => {
  const virginica = (records: typeof IRIS) => records.map((r) => ({ ...r, label: r.label === 2 ? (1 as const) : (0 as const) }));

  it("separates virginica from the rest, scoring probabilities and 0/1 labels", () => {
    const { train, test } = irisSplit();
    const run = runTraining(
      linearLearner,
      { predictor_type: "binary_classifier" },
      { train: csvChannel(irisCsv({ label: true }, virginica(train))), test: csvChannel(irisCsv({ label: true }, virginica(test))) },
    );
    expect([...run.finalMetrics.keys()].filter((name) => name.startsWith("test:"))).toEqual([
      "test:objective_loss",
      "test:binary_classification_accuracy",
      "test:precision",
      "test:recall",
      "test:binary_f_beta",
    ]);
    expect(run.finalMetrics.get("test:binary_classification_accuracy")).toBeGreaterThanOrEqual(0.9);
    const response = invokeText(linearLearner.load(run.model), "6.3,3.3,6.0,2.5\n5.1,3.5,1.4,0.2", "text/csv", "application/jsonlines");
    const [virginicaPrediction, setosaPrediction] = response.text.split("\n").map((line) => JSON.parse(line));
    expect(virginicaPrediction).toMatchObject({ predicted_label: 1 });
    expect(virginicaPrediction.score).toBeGreaterThan(0.5);
    expect(setosaPrediction).toMatchObject({ predicted_label: 0 });
    expect(Object.keys(setosaPrediction)).toEqual(["score", "predicted_label"]);
  });

  it("refuses labels other than 0 and 1", () => {
    expect(
      failure(() => runTraining(linearLearner, { predictor_type: "binary_classifier" }, { train: csvChannel(irisCsv({ label: true })) })),
    ).toMatchObject({
      category: "ClientError",
      message: "Record 101 of channel train has label 2: a binary_classifier's labels must be 0 or 1",
    });
  });

  it("refuses multiclass labels outside 0 … num_classes - 1", () => {
    expect(failure(() => runTraining(linearLearner, MULTICLASS, { train: csvChannel("0,1\n3,2\n") }))).toMatchObject({
      message: "Record 2 of channel train has label 3: a multiclass_classifier's labels must be an integer from 0 to 2 (num_classes=3)",
    });
  });
});

describe("linear learner: regression", () => {
  // y = 1.5 + 2 x1 - 3 x2 + 0.5 x3, no noise: the least-squares fit is the function itself.
  const random = seededRandom(42);
  const features = Array.from({ length: 40 }, () => [random.next() * 10 - 5, random.next() * 4, random.next() * 100]);
  const labels = features.map(([a, b, c]) => 1.5 + 2 * a! - 3 * b! + 0.5 * c!);
  const trainCsv = toCsv(features.map((x, i) => [labels[i]!, ...x]));

  it("converges to the closed-form least-squares fit on noise-free data", () => {
    const hyperparameters = {
      predictor_type: "regressor",
      optimizer: "sgd",
      learning_rate: "0.05",
      mini_batch_size: "10",
      epochs: "400",
      num_models: "1",
      // Disables early stopping, as the documentation suggests (a patience longer than the epochs).
      early_stopping_patience: "401",
    };
    const run = runTraining(linearLearner, hyperparameters, { train: csvChannel(trainCsv) });
    const server = linearLearner.load(run.model);
    const exact = leastSquares(features, labels);
    expect(exact.map((v) => Number(v.toFixed(9)))).toEqual([1.5, 2, -3, 0.5]);
    // Probing at the origin and the unit vectors reads the learned intercept and weights.
    const probes = [
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const scores = JSON.parse(invokeText(server, toCsv(probes), "text/csv").text).predictions.map((p: { score: number }) => p.score);
    const learned = [scores[0], ...scores.slice(1).map((s: number) => s - scores[0])];
    for (const [i, value] of learned.entries()) expect(value).toBeCloseTo(exact[i]!, 6);
    const predictions = JSON.parse(invokeText(server, toCsv(features), "text/csv").text).predictions;
    for (const [i, p] of (predictions as { score: number }[]).entries()) expect(p.score).toBeCloseTo(labels[i]!, 6);
    expect(Object.keys(predictions[0])).toEqual(["score"]);
  });

  it("reports test:mse, test:absolute_loss and test:objective_loss", () => {
    const run = runTraining(
      linearLearner,
      { predictor_type: "regressor", epochs: "50", mini_batch_size: "8" },
      { train: csvChannel(trainCsv), test: csvChannel(trainCsv) },
    );
    const mse = run.finalMetrics.get("test:mse")!;
    expect(mse).toBeLessThan(1);
    // With squared loss the objective is the mean squared error.
    expect(run.finalMetrics.get("test:objective_loss")).toBeCloseTo(mse, 12);
    expect(run.finalMetrics.get("test:absolute_loss")).toBeGreaterThan(0);
    expect(run.logs).toContain(`#test_score (algo-1) : ('mse', ${String(mse)})`);
  });

  it("stops early when the loss stops improving", () => {
    const run = runTraining(
      linearLearner,
      { predictor_type: "regressor", epochs: "500", mini_batch_size: "8", early_stopping_tolerance: "0.5" },
      { train: csvChannel(trainCsv) },
    );
    expect(run.logs).toContainEqual(expect.stringMatching(/^Early stop condition met after epoch \d+/));
    expect(run.metrics.filter(([name]) => name === "train:objective_loss").length).toBeLessThan(500);
  });

  it("refuses feature_dim that does not match the data, naming both", () => {
    expect(
      failure(() => runTraining(linearLearner, { predictor_type: "regressor", feature_dim: "4" }, { train: csvChannel(trainCsv) })),
    ).toMatchObject({
      category: "ClientError",
      message: "feature_dim is 4, but record 1 of channel train has 3 features",
    });
  });
});

describe("linear learner model files", () => {
  it("round-trips: the model train() writes is the one load() serves", () => {
    const run = runTraining(linearLearner, MULTICLASS, { train: csvChannel(irisCsv({ label: true })) });
    expect([...run.model.keys()]).toEqual(["model.json"]);
    const a = invokeText(linearLearner.load(run.model), irisCsv({ label: false }), "text/csv").text;
    const b = invokeText(linearLearner.load(new Map(run.model)), irisCsv({ label: false }), "text/csv").text;
    expect(a).toBe(b);
  });

  it("refuses a k-NN model as a client error", () => {
    const other = runTraining(
      knn,
      { feature_dim: "4", k: "1", predictor_type: "classifier", sample_size: "10" },
      { train: csvChannel(irisCsv({ label: true })) },
    );
    expect(failure(() => linearLearner.load(other.model))).toMatchObject({
      category: "ClientError",
      message: "Unable to load the linear-learner model: the model directory holds a k-NN model",
    });
  });
});
