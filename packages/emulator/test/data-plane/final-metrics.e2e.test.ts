import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  type CreateTrainingJobRequest,
  type DescribeTrainingJobResponse,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { EmulatorOptions, ImageCode } from "../../src/index.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { channel, dataPlane, KNN_IMAGE, modelKey, OWN_IMAGE, S, TRAINING, trainingRequest } from "./harness.js";

/**
 * FinalMetricDataList ([DOC] DescribeTrainingJob: "A collection of MetricData objects that specify
 * the names, values, and dates and times that the training algorithm emitted to Amazon CloudWatch"):
 * what the job's container reported, unless a rule says otherwise.
 */

const KNN_HYPERPARAMETERS = { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: "200" };

async function irisKnn(name: string, options: EmulatorOptions = {}, overrides: Partial<CreateTrainingJobRequest> = {}) {
  const env = await dataPlane(options);
  const { train, test } = irisSplit();
  await env.put(`${name}/train/iris.csv`, irisCsv({ label: true }, train));
  await env.put(`${name}/test/iris.csv`, irisCsv({ label: true }, test));
  const request = trainingRequest(name, KNN_IMAGE, {
    HyperParameters: KNN_HYPERPARAMETERS,
    InputDataConfig: [channel("train", `${name}/train/`), channel("test", `${name}/test/`)],
    ...overrides,
  });
  await env.sagemaker.send(new CreateTrainingJobCommand(request));
  const describeJob = () => env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  return { ...env, describeJob };
}

const metricsOf = (job: Pick<DescribeTrainingJobResponse, "FinalMetricDataList">) =>
  Object.fromEntries((job.FinalMetricDataList ?? []).map((m) => [m.MetricName, m.Value]));

describe("FinalMetricDataList", () => {
  it("reports test:accuracy for a k-NN job with a test channel, dated at completion (k-NN's metrics, kNN-tuning.md)", async () => {
    const job = await irisKnn("scored");
    await job.clock.advanceTo(job.t0 + TRAINING.completed - 1);
    expect((await job.describeJob()).FinalMetricDataList).toBeUndefined();
    await job.clock.advanceTo(job.t0 + TRAINING.completed);
    const done = await job.describeJob();
    expect(done.FinalMetricDataList).toEqual([
      { MetricName: "test:accuracy", Value: expect.any(Number), Timestamp: new Date(job.t0 + TRAINING.completed) },
    ]);
    expect(metricsOf(done)["test:accuracy"]).toBeGreaterThanOrEqual(0.9);
  });

  it("has no test metric without a test channel", async () => {
    const job = await irisKnn("unscored", {}, { InputDataConfig: [channel("train", "unscored/train/")] });
    await job.clock.advanceTo(job.t0 + TRAINING.completed);
    const done = await job.describeJob();
    expect([done.TrainingJobStatus, done.FinalMetricDataList]).toEqual(["Completed", []]);
  });

  it("takes a rule's metrics over the computed ones, and keeps the computed ones the rule does not name", async () => {
    const job = await irisKnn("ruled", {
      rules: [{ match: { name: "ruled" }, metrics: { "test:accuracy": 0.5, "custom:score": 7 } }],
    });
    await job.clock.advanceTo(job.t0 + TRAINING.completed);
    const done = await job.describeJob();
    expect(metricsOf(done)).toEqual({ "test:accuracy": 0.5, "custom:score": 7 });
    // The code still ran: the model is there.
    expect(await job.head(modelKey("ruled"))).toBe("found");
  });

  it("reports what MetricDefinitions find in the job's lines, the last match of each, and nothing for one that never matches ([DOC] MetricDefinition)", async () => {
    const trainer: ImageCode = {
      image: OWN_IMAGE,
      train(_, io) {
        io.log("epoch 1: train_loss=0.9 val_acc=0.5");
        io.log("epoch 2: train_loss=0.4 val_acc=0.75");
        io.log("epoch 3: train_loss=0.35");
        io.writeModel("model.txt", "m");
      },
    };
    const env = await dataPlane({ images: [trainer] });
    await env.put("defined/train/a.csv", "1\n");
    await env.sagemaker.send(
      new CreateTrainingJobCommand(
        trainingRequest("defined", OWN_IMAGE, {
          AlgorithmSpecification: {
            TrainingImage: OWN_IMAGE,
            TrainingInputMode: "File",
            MetricDefinitions: [
              { Name: "train:loss", Regex: "train_loss=([0-9.]+)" },
              { Name: "validation:accuracy", Regex: "val_acc=(\\S+)" },
              { Name: "test:f1", Regex: "f1=([0-9.]+)" },
            ],
          },
        }),
      ),
    );
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    const done = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "defined" }));
    expect(metricsOf(done)).toEqual({ "train:loss": 0.35, "validation:accuracy": 0.75 });
  });
});

describe("a rule with an outcome makes a training job a lifecycle play", () => {
  it("fails it with the rule's FailureReason, runs no code and writes no model", async () => {
    const job = await irisKnn("planned-failure", {
      rules: [{ match: { name: "planned-failure" }, outcome: { status: "Failed", failureReason: "ClientError: the rule says so" } }],
    });
    await job.clock.advanceTo(job.t0 + 86_400 * S);
    const done = await job.describeJob();
    // [INF] the planned failure comes half-way through the Training phase by default.
    expect(done).toMatchObject({
      TrainingJobStatus: "Failed",
      FailureReason: "ClientError: the rule says so",
      TrainingEndTime: new Date(job.t0 + TRAINING.training + 150 * S),
    });
    expect(await job.head(modelKey("planned-failure"))).toBe("NotFound 404");
    expect(await job.logEvents("/aws/sagemaker/TrainingJobs", "planned-failure")).toEqual([]);
  });

  it("completes it with the rule's metrics and no model when the rule says Completed", async () => {
    const job = await irisKnn("planned-success", {
      rules: [{ match: { name: "planned-success" }, outcome: { status: "Completed" }, metrics: { "test:accuracy": 0.42 } }],
    });
    await job.clock.advanceTo(job.t0 + TRAINING.completed);
    const done = await job.describeJob();
    expect([done.TrainingJobStatus, metricsOf(done)]).toEqual(["Completed", { "test:accuracy": 0.42 }]);
    expect(await job.head(modelKey("planned-success"))).toBe("NotFound 404");
  });

  it("runs no algorithm, so hyperparameters k-NN would refuse do not fail the job", async () => {
    const job = await irisKnn(
      "planned-bad-params",
      { rules: [{ match: { name: "planned-bad-params" }, outcome: { status: "Completed" } }] },
      { HyperParameters: { k: "0" } },
    );
    await job.clock.advanceTo(job.t0 + TRAINING.completed);
    expect((await job.describeJob()).TrainingJobStatus).toBe("Completed");
  });
});
