import { describe, expect, it } from "vitest";
import { IRIS, irisCsv, irisSplit } from "../../../test/fixtures/iris.js";
import { ContainerError } from "../../containers/contract.js";
import { linearLearner } from "../linear-learner/linear-learner.js";
import { MODEL_FILE } from "../model-file.js";
import { csvChannel, invokeText, runTraining, toCsv } from "../test-support.js";
import { knn } from "./knn.js";

const HYPERPARAMETERS = { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: "1000" };

const failure = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("k-NN training", () => {
  it("scores the test channel: accuracy for a classifier, logged as the container logs it", () => {
    const { train, test } = irisSplit();
    const run = runTraining(knn, HYPERPARAMETERS, {
      train: csvChannel(irisCsv({ label: true }, train)),
      test: csvChannel(irisCsv({ label: true }, test)),
    });
    const accuracy = run.finalMetrics.get("test:accuracy")!;
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
    expect(run.logs).toContain(`#test_score (algo-1) : ('accuracy', ${String(accuracy)})`);
    expect(run.logs).toContain(`#quality_metric: host=algo-1, test accuracy <score>=${String(accuracy)}`);
    expect(run.logs[1]).toBe(
      "Reading provided configuration from /opt/ml/input/config/hyperparameters.json: {'feature_dim': '4', 'k': '5', 'predictor_type': 'classifier', 'sample_size': '1000'}",
    );
    expect(run.logs).toContain("Read 120 records with 4 features from channel train");
  });

  it("scores a regressor by mean squared error (test:mse)", () => {
    const train = "1,0\n2,1\n3,2\n4,3\n";
    const test = "2,1\n";
    const run = runTraining(
      knn,
      { feature_dim: "1", k: "2", predictor_type: "regressor", sample_size: "10" },
      { train: csvChannel(train), test: csvChannel(test) },
    );
    // The two nearest to 1 are 1 (label 2) and, tied with 2 at distance 1, 0 (stored first, label 1): mean 1.5.
    expect(run.finalMetrics.get("test:mse")).toBeCloseTo(0.25, 12);
    expect(run.logs).toContain("#test_score (algo-1) : ('mse', 0.25)");
  });

  it("refuses data whose feature count is not feature_dim, naming both", () => {
    const error = failure(() =>
      runTraining(knn, { ...HYPERPARAMETERS, feature_dim: "3" }, { train: csvChannel(irisCsv({ label: true })) }),
    );
    expect(error).toBeInstanceOf(ContainerError);
    expect(error).toMatchObject({ category: "ClientError", message: "feature_dim is 3, but record 1 of channel train has 4 features" });
  });

  it("refuses a job without a train channel, or with no records in it", () => {
    expect(failure(() => runTraining(knn, HYPERPARAMETERS, {}))).toMatchObject({ message: "k-NN needs a channel named train" });
    expect(failure(() => runTraining(knn, HYPERPARAMETERS, { train: csvChannel("\n") }))).toMatchObject({
      message: "No training data: channel train has no records",
    });
  });

  it("refuses k larger than the records kept", () => {
    expect(
      failure(() => runTraining(knn, { ...HYPERPARAMETERS, k: "6", sample_size: "5" }, { train: csvChannel(irisCsv({ label: true })) })),
    ).toMatchObject({
      category: "ClientError",
      message: expect.stringContaining("k=6 is more than the 5 records kept"),
    });
  });

  it("keeps a seeded sample of sample_size records, in their original order", () => {
    const channels = { train: csvChannel(irisCsv({ label: true })) };
    const hyperparameters = { ...HYPERPARAMETERS, sample_size: "30" };
    const points = (seed: number): number[][] =>
      JSON.parse(new TextDecoder().decode(runTraining(knn, hyperparameters, channels, seed).model.get(MODEL_FILE))).model.points;
    const sample = points(11);
    expect(sample).toHaveLength(30);
    expect(points(11)).toEqual(sample);
    expect(points(12)).not.toEqual(sample);
    const positions = sample.map((p) => IRIS.findIndex((r) => r.features.join() === p.join()));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("validates dimension reduction and says it searches the full vectors", () => {
    const run = runTraining(
      knn,
      { ...HYPERPARAMETERS, dimension_reduction_type: "sign", dimension_reduction_target: "2" },
      { train: csvChannel(irisCsv({ label: true })) },
    );
    expect(run.logs).toContain("dimension_reduction_type=sign is accepted but not applied: the emulator searches the full feature vectors");
  });
});

describe("k-NN serving", () => {
  const server = knn.load(runTraining(knn, HYPERPARAMETERS, { train: csvChannel(irisCsv({ label: true })) }).model);

  it("answers JSON by default, labels printed as floats (kNN-inference-formats.md)", () => {
    const response = invokeText(server, "5.1,3.5,1.4,0.2\n6.3,3.3,6.0,2.5\n", "text/csv");
    expect(response.contentType).toBe("application/json");
    expect(response.text).toBe('{"predictions": [{"predicted_label": 0.0}, {"predicted_label": 2.0}]}');
  });

  it("answers JSON Lines, one prediction per line", () => {
    const response = invokeText(
      server,
      '{"features": [5.1, 3.5, 1.4, 0.2]}\n{"features": [6.3, 3.3, 6.0, 2.5]}',
      "application/jsonlines",
      "application/jsonlines",
    );
    expect(response.text).toBe('{"predicted_label": 0.0}\n{"predicted_label": 2.0}');
  });

  it("adds ascending distances and the neighbours' labels with verbose=true", () => {
    const response = invokeText(
      server,
      JSON.stringify({ instances: [{ features: [6.3, 3.3, 6.0, 2.5] }] }),
      "application/json",
      "application/json; verbose=true",
    );
    const [prediction] = JSON.parse(response.text).predictions;
    expect(Object.keys(prediction)).toEqual(["predicted_label", "distances", "labels"]);
    expect(prediction.distances).toHaveLength(5);
    expect(prediction.distances[0]).toBe(0);
    expect(prediction.distances).toEqual([...prediction.distances].sort((a: number, b: number) => a - b));
    expect(prediction.labels).toEqual([2, 2, 2, 2, 2]);
  });

  it("classifies Iris as well as k-NN does", () => {
    const response = invokeText(server, irisCsv({ label: false }), "text/csv", "application/jsonlines");
    const predicted = response.text.split("\n").map((line) => JSON.parse(line).predicted_label);
    expect(predicted.filter((p, i) => p === IRIS[i]!.label).length / IRIS.length).toBeGreaterThanOrEqual(0.95);
  });

  it("refuses a record with the wrong feature count with status 400", () => {
    expect(failure(() => invokeText(server, "1,2,3\n", "text/csv"))).toMatchObject({
      category: "ClientError",
      statusCode: 400,
      message: "feature_dim is 4, but record 1 of the request has 3 features",
    });
  });

  it("refuses unsupported content types (415) and Accept (406)", () => {
    expect(failure(() => invokeText(server, "1,2,3,4", "text/plain"))).toMatchObject({ statusCode: 415 });
    expect(failure(() => invokeText(server, "1,2,3,4", "text/csv", "text/csv"))).toMatchObject({ statusCode: 406 });
  });

  it("breaks a tied vote with the label of the nearest neighbour among the tied", () => {
    // Query 0: neighbours 1 (label 7), -2 (label 3), 3 (label 3), -4 (label 7). Two votes each: label 7 is nearest.
    const tie = knn.load(
      runTraining(
        knn,
        { feature_dim: "1", k: "4", predictor_type: "classifier", sample_size: "10" },
        {
          train: csvChannel(
            toCsv([
              [3, -2],
              [7, 1],
              [3, 3],
              [7, -4],
            ]),
          ),
        },
      ).model,
    );
    expect(JSON.parse(invokeText(tie, "0", "text/csv").text).predictions[0].predicted_label).toBe(7);
  });
});

describe("k-NN model files", () => {
  it("loads a model another algorithm wrote as a client error", () => {
    const other = runTraining(
      linearLearner,
      { predictor_type: "multiclass_classifier", num_classes: "3" },
      { train: csvChannel(irisCsv({ label: true })) },
    );
    expect(failure(() => knn.load(other.model))).toMatchObject({
      category: "ClientError",
      message: "Unable to load the k-NN model: the model directory holds a linear-learner model",
    });
  });

  it("refuses a directory without model.json, or with a corrupt one", () => {
    expect(failure(() => knn.load(new Map([["model_algo-1", new Uint8Array(1)]])))).toMatchObject({
      message: expect.stringContaining("has no model.json (it holds model_algo-1)"),
    });
    const corrupt = new TextEncoder().encode(
      JSON.stringify({ format: "sagerun-built-in-model", version: 1, algorithm: "k-NN", model: { k: 1 } }),
    );
    expect(failure(() => knn.load(new Map([[MODEL_FILE, corrupt]])))).toMatchObject({
      category: "ClientError",
      message: expect.stringContaining("has no valid"),
    });
  });
});
