import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { dataPlane, DURATIONS, KNN_IMAGE, modelKey, S, TRAINING, trainingRequest } from "./harness.js";

/**
 * A k-NN job whose hyperparameters or data the algorithm refuses: it fails with a `ClientError: `
 * FailureReason naming the problem ([DOC] DescribeTrainingJob FailureReason; k-NN's hyperparameters
 * as kNN_hyperparameters.md documents them), once its container had time to print it: the Training
 * phase's start plus a tenth of the phase, at least 1 s and at most 60 s ([INF], the timeline's rule).
 */

const GOOD = { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: "200" };
const { train } = irisSplit();

async function knnJob(name: string, hyperParameters: Record<string, string>, trainingSeconds: number = DURATIONS.trainingSeconds) {
  const env = await dataPlane({ durations: { ...DURATIONS, trainingSeconds } });
  await env.put(`${name}/train/iris.csv`, irisCsv({ label: true }, train));
  await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest(name, KNN_IMAGE, { HyperParameters: hyperParameters })));
  const describeJob = () => env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  return { ...env, describeJob };
}

const withoutFeatureDim: Record<string, string> = { k: GOOD.k, predictor_type: GOOD.predictor_type, sample_size: GOOD.sample_size };

describe("a k-NN job the algorithm refuses", () => {
  it.each([
    ["without feature_dim", withoutFeatureDim, "ClientError: Missing required hyperparameter: feature_dim"],
    ["with k = 0", { ...GOOD, k: "0" }, "ClientError: Invalid hyperparameter value 0 for k: must be a positive integer"],
    ["with k not an integer", { ...GOOD, k: "five" }, "ClientError: Invalid hyperparameter value five for k: must be a positive integer"],
    [
      "with k above the records kept",
      { ...GOOD, k: "50", sample_size: "20" },
      "ClientError: k=50 is more than the 20 records kept from channel train: k must be at most the number of training records",
    ],
    [
      "with feature_dim not matching the data",
      { ...GOOD, feature_dim: "3" },
      "ClientError: feature_dim is 3, but record 1 of channel train has 4 features",
    ],
    [
      "with a hyperparameter it does not know",
      { ...GOOD, epochs: "3" },
      "ClientError: Extraneous hyperparameter found: epochs (k-NN knows feature_dim, k, predictor_type, sample_size, dimension_reduction_target, dimension_reduction_type, faiss_index_ivf_nlists, faiss_index_pq_m, index_metric, index_type, mini_batch_size)",
    ],
  ])(
    "%s fails with the ClientError naming the problem, 30 s into a 300 s Training phase (kNN_hyperparameters.md)",
    async (_, hyperParameters, reason) => {
      const job = await knnJob("refused", hyperParameters);
      const failsAt = job.t0 + TRAINING.training + 30 * S;

      await job.clock.advanceTo(failsAt - 1);
      const before = await job.describeJob();
      expect([before.TrainingJobStatus, before.SecondaryStatus, before.FailureReason]).toEqual(["InProgress", "Training", undefined]);

      await job.clock.advanceTo(failsAt);
      const failed = await job.describeJob();
      expect(failed).toMatchObject({
        TrainingJobStatus: "Failed",
        SecondaryStatus: "Failed",
        FailureReason: reason,
        TrainingEndTime: new Date(failsAt),
      });
      expect(failed.SecondaryStatusTransitions?.at(-1)).toMatchObject({ Status: "Failed", StatusMessage: reason });
      expect(failed.FinalMetricDataList).toBeUndefined();
    },
  );

  it.each([
    [5, 1],
    [300, 30],
    [1200, 60],
  ])("with a %i s Training phase fails %i s into it (a tenth, at least 1 s, at most 60 s)", async (trainingSeconds, afterSeconds) => {
    const job = await knnJob("timed", withoutFeatureDim, trainingSeconds);
    const failsAt = job.t0 + TRAINING.training + afterSeconds * S;
    await job.clock.advanceTo(failsAt - 1);
    expect((await job.describeJob()).TrainingJobStatus).toBe("InProgress");
    await job.clock.advanceTo(failsAt);
    const failed = await job.describeJob();
    expect([failed.TrainingJobStatus, failed.TrainingEndTime]).toEqual(["Failed", new Date(failsAt)]);
  });

  it("fails at the same instant when nobody looks until a day later", async () => {
    const job = await knnJob("unwatched", { ...GOOD, feature_dim: "3" });
    await job.clock.advanceTo(job.t0 + 86_400 * S);
    const failed = await job.describeJob();
    expect(failed).toMatchObject({
      TrainingJobStatus: "Failed",
      FailureReason: "ClientError: feature_dim is 3, but record 1 of channel train has 4 features",
      TrainingStartTime: new Date(job.t0 + TRAINING.start),
      TrainingEndTime: new Date(job.t0 + TRAINING.training + 30 * S),
      TrainingTimeInSeconds: 60,
    });
  });

  it("writes nothing at the model path: HeadObject answers 404 NotFound, even long after", async () => {
    const job = await knnJob("no-model", { ...GOOD, k: "0" });
    await job.clock.advanceTo(job.t0 + TRAINING.completed + 3600 * S);
    expect((await job.describeJob()).TrainingJobStatus).toBe("Failed");
    expect(await job.head(modelKey("no-model"))).toBe("NotFound 404");
    expect(await job.get(modelKey("no-model"))).toBe("NoSuchKey");
  });

  it("logs its lines over the Training phase before the failure, and the failure line last", async () => {
    const job = await knnJob("logged", { ...GOOD, feature_dim: "3" });
    const failsAt = job.t0 + TRAINING.training + 30 * S;
    await job.clock.advanceTo(failsAt + 3600 * S);
    const events = await job.logEvents("/aws/sagemaker/TrainingJobs", "logged");
    // The three configuration lines the built-ins print first, then the failure.
    expect(events.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Reading default configuration: /),
      expect.stringMatching(/^Reading provided configuration from \/opt\/ml\/input\/config\/hyperparameters.json: /),
      expect.stringMatching(/^Final configuration: /),
      "ClientError: feature_dim is 3, but record 1 of channel train has 4 features",
    ]);
    for (const { timestamp } of events) {
      expect(timestamp).toBeGreaterThan(job.t0 + TRAINING.training);
      expect(timestamp).toBeLessThan(failsAt);
    }
  });

  it("refused before its configuration is read, logs only the failure line", async () => {
    const job = await knnJob("bare", withoutFeatureDim);
    await job.clock.advanceTo(job.t0 + TRAINING.completed);
    const events = await job.logEvents("/aws/sagemaker/TrainingJobs", "bare");
    expect(events.map((e) => e.message)).toEqual(["ClientError: Missing required hyperparameter: feature_dim"]);
  });
});
