import { describe, expect, it } from "vitest";
import { IRIS, irisCsv, irisSplit } from "../../../test/fixtures/iris.js";
import { knn } from "../knn/knn.js";
import { csvChannel, invokeText, runTraining, toCsv } from "../test-support.js";
import { xgboost } from "./xgboost.js";

const failure = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

const MULTI = { num_round: "10", objective: "multi:softprob", num_class: "3" };

describe("XGBoost training", () => {
  const { train, test } = irisSplit();
  const run = runTraining(
    xgboost,
    { ...MULTI, eval_metric: "merror,mlogloss" },
    { train: csvChannel(irisCsv({ label: true }, train)), validation: csvChannel(irisCsv({ label: true }, test)) },
  );

  it("logs each round as XGBoost's evaluation monitor does, tabs as CloudWatch shows them (#011)", () => {
    expect(run.logs.slice(0, 3)).toEqual(["Single node training.", "Train matrix has 120 rows", "Validation matrix has 30 rows"]);
    const rounds = run.logs.filter((line) => line.startsWith("["));
    expect(rounds).toHaveLength(10);
    expect(rounds[0]).toMatch(
      /^\[0\]#011train-merror:\d\.\d{5}#011train-mlogloss:\d\.\d{5}#011validation-merror:\d\.\d{5}#011validation-mlogloss:\d\.\d{5}$/,
    );
    // The built-in metric definition's regex (algorithm_mode/metrics.py) finds the value.
    const match = /.*\[[0-9]+\].*#011validation-mlogloss:(\S+)/.exec(rounds[9]!);
    expect(Number(match?.[1])).toBeCloseTo(run.finalMetrics.get("validation:mlogloss")!, 5);
  });

  it("reports train: and validation: metrics each round, and learns Iris", () => {
    expect(run.metrics.filter(([name]) => name === "validation:merror")).toHaveLength(10);
    expect(run.finalMetrics.get("validation:merror")).toBeLessThanOrEqual(0.1);
    const mlogloss = run.metrics.filter(([name]) => name === "train:mlogloss").map(([, v]) => v);
    expect(mlogloss.at(-1)).toBeLessThan(mlogloss[0]!);
  });

  it("reads LIBSVM, its default when a channel names no ContentType", () => {
    const libsvm = IRIS.map((r) => `${r.label} ${r.features.map((v, j) => `${j}:${v}`).join(" ")}`).join("\n");
    const fromLibsvm = runTraining(xgboost, MULTI, { train: csvChannel(libsvm, null) });
    const fromCsv = runTraining(xgboost, MULTI, { train: csvChannel(irisCsv({ label: true })) });
    expect(fromLibsvm.model).toEqual(fromCsv.model);
  });

  it("learns where missing values go", () => {
    // Feature 0 is missing exactly when the label is 1; feature 1 says nothing.
    const rows = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `0,${i},1` : "1,,1")).join("\n");
    const model = runTraining(xgboost, { num_round: "20", objective: "binary:logistic" }, { train: csvChannel(rows) }).model;
    const answer = invokeText(xgboost.load(model), "3,1\n,1", "text/csv").text;
    const [present, missing] = answer.trim().split("\n").map(Number);
    expect(present).toBeLessThan(0.2);
    expect(missing).toBeGreaterThan(0.8);
  });

  it("fails as the container does: early stopping without validation, bad labels, no data", () => {
    expect(
      failure(() => runTraining(xgboost, { num_round: "5", early_stopping_rounds: "2" }, { train: csvChannel(irisCsv({ label: true })) })),
    ).toMatchObject({
      category: "AlgorithmError",
      message: "XGB train call failed with exception:\n Must have at least 1 validation dataset for early stopping.",
    });
    expect(
      failure(() =>
        runTraining(xgboost, { num_round: "1", objective: "binary:logistic" }, { train: csvChannel(irisCsv({ label: true })) }),
      ),
    ).toMatchObject({
      category: "ClientError",
      message: "label must be in [0,1] for logistic regression",
    });
    expect(
      failure(() =>
        runTraining(
          xgboost,
          { num_round: "1", objective: "multi:softmax", num_class: "2" },
          { train: csvChannel(irisCsv({ label: true })) },
        ),
      ),
    ).toMatchObject({
      message: "label must be in [0, num_class)",
    });
    expect(failure(() => runTraining(xgboost, { num_round: "1" }, { train: csvChannel("\n") }))).toMatchObject({
      message: "No data in training channel path /opt/ml/input/data/train",
    });
    expect(failure(() => runTraining(xgboost, { num_round: "1" }, { train: csvChannel("1,2\n", "text/csv;label_size=2") }))).toMatchObject({
      message: "text/csv;label_size=2 is not an accepted csv ContentType. Optional parameter label_size must be equal to 1",
    });
  });

  it("stops early when the validation metric stops improving, keeping every tree", () => {
    const stopped = runTraining(
      xgboost,
      { ...MULTI, num_round: "200", early_stopping_rounds: "3", eta: "1" },
      { train: csvChannel(irisCsv({ label: true }, train)), validation: csvChannel(irisCsv({ label: true }, test)) },
    );
    const rounds = stopped.logs.filter((line) => /^\[\d+\]/.test(line));
    expect(rounds.length).toBeLessThan(200);
    expect(stopped.logs.at(-1)).toMatch(/^Stopping\. Best iteration:\n\[\d+\]#011/);
    const trees = JSON.parse(new TextDecoder().decode(stopped.model.get("model.json"))).model.trees;
    expect(trees).toHaveLength(rounds.length * 3);
  });
});

describe("XGBoost serving", () => {
  const server = xgboost.load(runTraining(xgboost, MULTI, { train: csvChannel(irisCsv({ label: true })) }).model);
  const regression = xgboost.load(
    runTraining(
      xgboost,
      { num_round: "5" },
      {
        train: csvChannel(
          toCsv([
            [1, 0],
            [2, 1],
            [3, 2],
          ]),
        ),
      },
    ).model,
  );

  it("answers CSV by default, one prediction per line, printed as Python prints float32 values", () => {
    const response = invokeText(regression, "0\n2\n", "text/csv");
    expect(response.contentType).toBe("text/csv");
    expect(response.text).toMatch(/^\d\.\d+\n\d\.\d+\n$/);
    const [first] = response.text.split("\n");
    expect(Number(first)).toBe(Math.fround(Number(first)));
  });

  it("answers multi:softprob with one line of class probabilities per record", () => {
    const lines = invokeText(server, "5.1,3.5,1.4,0.2\n6.3,3.3,6.0,2.5", "text/csv", "*/*").text.trim().split("\n");
    const probabilities = lines.map((line) => line.split(",").map(Number));
    expect(probabilities.map((p) => p.indexOf(Math.max(...p)))).toEqual([0, 2]);
  });

  it("answers JSON and JSON Lines with scores", () => {
    const json = invokeText(regression, "0", "text/csv", "application/json");
    expect(json.text).toMatch(/^\{"predictions": \[\{"score": \d\.\d+\}\]\}$/);
    expect(
      invokeText(regression, "0\n1", "text/csv", "application/jsonlines")
        .text.split("\n")
        .map((l) => Object.keys(JSON.parse(l))),
    ).toEqual([["score"], ["score"]]);
  });

  it("reads LIBSVM requests, missing features included", () => {
    const answer = invokeText(server, "0 0:5.1 1:3.5 2:1.4 3:0.2\n0 2:6.0 3:2.5", "text/libsvm").text.trim().split("\n");
    expect(answer).toHaveLength(2);
  });

  it("answers an empty body with an empty response (the container's 204)", () => {
    expect(invokeText(server, "", "text/csv").text).toBe("");
  });

  it("refuses as the container does: 415 for bodies it cannot read, 406 for Accept, 400 for the wrong width", () => {
    expect(failure(() => invokeText(server, "1,2,3,4", "application/json"))).toMatchObject({
      statusCode: 415,
      message:
        "Content-type application/json not supported. Supported content-type is text/csv, text/libsvm, application/x-recordio-protobuf",
    });
    expect(failure(() => invokeText(server, "1,x,3,4", "text/csv"))).toMatchObject({
      statusCode: 415,
      message: expect.stringMatching(/^Loading csv data failed with Exception/),
    });
    expect(failure(() => invokeText(server, "1,2,3,4", "text/csv", "text/html"))).toMatchObject({
      statusCode: 406,
      message:
        "Accept type text/html is not supported. Please use supported accept types: ['application/json', 'application/jsonlines', 'application/x-recordio-protobuf', 'text/csv'].",
    });
    expect(failure(() => invokeText(server, "1,2,3", "text/csv"))).toMatchObject({
      statusCode: 400,
      message: "Unable to evaluate payload provided: Feature shape mismatch, expected: 4, got 3",
    });
  });

  it("refuses another algorithm's model", () => {
    const other = runTraining(
      knn,
      { feature_dim: "4", k: "1", predictor_type: "classifier", sample_size: "10" },
      { train: csvChannel(irisCsv({ label: true })) },
    );
    expect(failure(() => xgboost.load(other.model))).toMatchObject({
      message: "Unable to load the xgboost model: the model directory holds a k-NN model",
    });
  });
});
