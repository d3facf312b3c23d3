import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  ListTrainingJobsCommand,
  type CreateHyperParameterTuningJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorOptions } from "@sagerun/emulator";
import { DEFAULT_VIRTUAL_START } from "@sagerun/transport";
import { describe, expect, expectTypeOf, it } from "vitest";
import { emulatorHarness, type Harness } from "../test/fixtures.js";
import { JobFailedError } from "./errors/index.js";
import { runTuningJob } from "./run-tuning-job.js";

// Every training job the tuning job launches lasts 100 s; a stop takes 5 s.
const durations = { startingSeconds: 10, downloadingSeconds: 10, trainingSeconds: 70, uploadingSeconds: 10, stoppingSeconds: 5 };
const OBJECTIVE = "validation:auc";
// Each booster's objective value, so the best training job is known: the dart one.
const metricsByBooster: EmulatorOptions["rules"] = [
  { match: { hyperParameters: { booster: "dart" } }, metrics: { [OBJECTIVE]: 0.91 } },
  { match: { hyperParameters: { booster: "gbtree" } }, metrics: { [OBJECTIVE]: 0.84 } },
];

/** Two training jobs at once, one per booster, maximising validation:auc. */
function tuningRequest(overrides: Partial<CreateHyperParameterTuningJobCommandInput> = {}): CreateHyperParameterTuningJobCommandInput {
  return {
    HyperParameterTuningJobName: "xgb",
    HyperParameterTuningJobConfig: {
      Strategy: "Random",
      HyperParameterTuningJobObjective: { Type: "Maximize", MetricName: OBJECTIVE },
      ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 2 },
      ParameterRanges: { CategoricalParameterRanges: [{ Name: "booster", Values: ["gbtree", "dart"] }] },
    },
    TrainingJobDefinition: {
      StaticHyperParameters: { objective: "binary:logistic", num_round: "50" },
      // A team's own image with no code registered: its training jobs play their lifecycle.
      AlgorithmSpecification: { TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1", TrainingInputMode: "File" },
      RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
      OutputDataConfig: { S3OutputPath: "s3://sagerun-test/tuning/" },
      ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
    ...overrides,
  };
}

const tuningStatus = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name })))
    .HyperParameterTuningJobStatus;

describe(runTuningJob.name, () => {
  it("resolves with the final description and the best training job, described in full, JSON-safe", async () => {
    const h = emulatorHarness({ durations, rules: metricsByBooster });
    const result = await runTuningJob(tuningRequest(), { client: h.client, clock: h.clock });
    expect(result).toMatchObject({ jobName: "xgb", created: true, description: { HyperParameterTuningJobStatus: "Completed" } });
    const best = result.bestTrainingJob!;
    expect(best.summary).toEqual(result.description.BestTrainingJob);
    expect(best.summary).toMatchObject({
      TunedHyperParameters: { booster: "dart" },
      FinalHyperParameterTuningJobObjectiveMetric: { MetricName: OBJECTIVE, Value: 0.91 },
    });
    expect(best.description).toMatchObject({
      TrainingJobName: best.summary.TrainingJobName,
      TrainingJobStatus: "Completed",
      TuningJobArn: result.description.HyperParameterTuningJobArn,
      HyperParameters: { booster: "dart", objective: "binary:logistic" },
    });
    expect(best.description).not.toHaveProperty("$metadata");
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    expectTypeOf(best.description.TrainingEndTime).toEqualTypeOf<string | undefined>();
    expect(h.calls.at(-1)).toBe("DescribeTrainingJobCommand");
    expect(h.count("DescribeTrainingJobCommand")).toBe(1);
  });

  it('takes a name SageMaker answers ResourceNotFound for as free, and a taken one with onExists: "timestamp" (the default)', async () => {
    const h = emulatorHarness({ durations, rules: metricsByBooster });
    await h.emulator.client().send(new CreateHyperParameterTuningJobCommand(tuningRequest()));
    const { jobName, created } = await runTuningJob(tuningRequest(), { client: h.client, clock: h.clock, waitForCompletion: false });
    expect([jobName, created]).toEqual([`xgb-${DEFAULT_VIRTUAL_START / 1000}`, true]);
    expect(h.calls.slice(0, 3)).toEqual([
      "DescribeHyperParameterTuningJobCommand",
      "DescribeHyperParameterTuningJobCommand",
      "CreateHyperParameterTuningJobCommand",
    ]);
  });

  it("keeps a timestamped or incremented tuning name within the kind's 32 characters ([MODEL] HyperParameterTuningJobName)", async () => {
    const h = emulatorHarness({ durations, rules: metricsByBooster });
    const long = "churn-xgboost-nightly-tuning-run"; // 32 characters: taken, its variants must be cut
    await h.emulator.client().send(new CreateHyperParameterTuningJobCommand(tuningRequest({ HyperParameterTuningJobName: long })));
    const stamped = await runTuningJob(tuningRequest({ HyperParameterTuningJobName: long }), {
      client: h.client,
      clock: h.clock,
      waitForCompletion: false,
    });
    expect(stamped.jobName).toBe(`${long.slice(0, 32 - 11)}-${DEFAULT_VIRTUAL_START / 1000}`);
    const incremented = await runTuningJob(tuningRequest({ HyperParameterTuningJobName: long }), {
      client: h.client,
      clock: h.clock,
      onExists: "increment",
      waitForCompletion: false,
    });
    expect(incremented.jobName).toBe(`${long.slice(0, 30)}-2`);
    for (const name of [stamped.jobName, incremented.jobName]) expect(name.length).toBeLessThanOrEqual(32);
  });

  it("returns no best training job while none has completed (waitForCompletion: false)", async () => {
    const h = emulatorHarness({ durations, rules: metricsByBooster });
    const result = await runTuningJob(tuningRequest(), { client: h.client, clock: h.clock, waitForCompletion: false });
    expect(result.description.HyperParameterTuningJobStatus).toBe("InProgress");
    expect(result.bestTrainingJob).toBeUndefined();
    expect(h.count("DescribeTrainingJobCommand")).toBe(0);
  });

  it("rejects with JobFailedError carrying FailureReason when no training job succeeds", async () => {
    const h = emulatorHarness({
      durations,
      rules: [{ match: { name: /^doomed-/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    const err = await runTuningJob(tuningRequest({ HyperParameterTuningJobName: "doomed" }), { client: h.client, clock: h.clock }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({
      jobKind: "hyperparameter tuning job",
      jobName: "doomed",
      status: "Failed",
      failureReason: expect.stringMatching(/^No training job succeeded after 2 attempts\./),
    });
  });

  it("stops the tuning job it created when aborted, once, and it ends Stopped with its training jobs", async () => {
    const h = emulatorHarness({ durations, rules: metricsByBooster });
    const controller = new AbortController();
    void h.clock.sleep(50_000).then(() => controller.abort(new Error("task killed")));
    await expect(runTuningJob(tuningRequest(), { client: h.client, clock: h.clock, signal: controller.signal })).rejects.toThrow(
      "task killed",
    );
    expect(h.count("StopHyperParameterTuningJobCommand")).toBe(1);
    await h.clock.sleep(10_000);
    expect(await tuningStatus(h, "xgb")).toBe("Stopped");
    const children = await h.emulator.client().send(new ListTrainingJobsCommand({}));
    expect(children.TrainingJobSummaries?.map((s) => s.TrainingJobStatus)).toEqual(["Stopped", "Stopped"]);
  });

  it("refuses the logs option before calling SageMaker: a tuning job has no log group", async () => {
    const h = emulatorHarness({ durations });
    const logs = { client: h.emulator.logsClient(CloudWatchLogsClient) };
    await expect(runTuningJob(tuningRequest(), { client: h.client, clock: h.clock, logs })).rejects.toThrow(
      /^Wait option logs is set, but tuningJob \(hyperparameter tuning jobs\) declares no logGroup to read\./,
    );
    expect(h.calls).toEqual([]);
  });
});
