import type {
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { processingJob } from "../job-kinds/processing.js";
import { trainingJob } from "../job-kinds/training.js";
import { transformJob } from "../job-kinds/transform.js";
import { actualJobCost } from "./actual-cost.js";
import { endpointHourlyCost } from "./endpoint-cost.js";
import { estimateJobCost } from "./estimate.js";
import { estimatePipelineCost } from "./pipeline-cost.js";
import { US_EAST_1_PRICES } from "./prices.js";

const training = (over: Partial<CreateTrainingJobCommandInput> = {}): CreateTrainingJobCommandInput =>
  ({
    TrainingJobName: "nightly",
    ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 2, VolumeSizeInGB: 10 },
    ...over,
  }) as CreateTrainingJobCommandInput;

const processing = (over: Partial<CreateProcessingJobCommandInput> = {}): CreateProcessingJobCommandInput =>
  ({
    ProcessingJobName: "prep",
    ProcessingResources: { ClusterConfig: { InstanceType: "ml.c5.xlarge", InstanceCount: 3, VolumeSizeInGB: 10 } },
    StoppingCondition: { MaxRuntimeInSeconds: 1800 },
    ...over,
  }) as CreateProcessingJobCommandInput;

const transform = (): CreateTransformJobCommandInput =>
  ({ TransformJobName: "score", TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 4 } }) as CreateTransformJobCommandInput;

describe(estimateJobCost.name, () => {
  it("takes a day for a training job without StoppingCondition: 2 × 0.23 × 24 h = 11.04", () => {
    const e = estimateJobCost(trainingJob, training());
    expect(e.seconds).toBe(86_400);
    expect(e.hourlyUsd).toBeCloseTo(0.46, 10);
    expect(e.worstCaseUsd).toBeCloseTo(11.04, 10);
    expect(e.priceSource).toEqual({
      region: "us-east-1",
      source: "https://aws.amazon.com/sagemaker/pricing/",
      asOf: US_EAST_1_PRICES.asOf,
    });
  });

  it("uses MaxRuntimeInSeconds: 1 × ml.p3.2xlarge for 2 h = 7.65", () => {
    const e = estimateJobCost(
      trainingJob,
      training({
        ResourceConfig: { InstanceType: "ml.p3.2xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 7200 },
      }),
    );
    expect(e.worstCaseUsd).toBeCloseTo(7.65, 10);
  });

  it("adds up the instance groups of a heterogeneous cluster", () => {
    const e = estimateJobCost(
      trainingJob,
      training({
        ResourceConfig: {
          VolumeSizeInGB: 10,
          InstanceGroups: [
            { InstanceGroupName: "cpu", InstanceType: "ml.m5.large", InstanceCount: 2 },
            { InstanceGroupName: "gpu", InstanceType: "ml.g5.xlarge", InstanceCount: 1 },
          ],
        },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      }),
    );
    expect(e.worstCaseUsd).toBeCloseTo(2 * 0.115 + 1.408, 10);
  });

  it("prices a processing job for its limit: 3 × 0.204 × 0.5 h = 0.306", () => {
    expect(estimateJobCost(processingJob, processing()).worstCaseUsd).toBeCloseTo(0.306, 10);
  });

  it("reports a transform job unbounded, and bounded by assumedSeconds: 4 × 0.115 × 0.25 h = 0.115", () => {
    const open = estimateJobCost(transformJob, transform());
    expect(open.worstCaseUsd).toBeUndefined();
    expect(open.hourlyUsd).toBeCloseTo(0.46, 10);
    const assumed = estimateJobCost(transformJob, transform(), { assumedSeconds: 900 });
    expect(assumed).toMatchObject({ seconds: 900, assumed: true });
    expect(assumed.worstCaseUsd).toBeCloseTo(0.115, 10);
  });

  it("reports a processing job without StoppingCondition unbounded", () => {
    expect(estimateJobCost(processingJob, processing({ StoppingCondition: undefined })).worstCaseUsd).toBeUndefined();
  });

  it("names an unknown instance type and how to add its price", () => {
    const request = training({ ResourceConfig: { InstanceType: "ml.r5.xlarge" as "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 1 } });
    expect(() => estimateJobCost(trainingJob, request)).toThrow(
      /Failed to price instance type 'ml\.r5\.xlarge'.*\{ prices: \{ "ml\.r5\.xlarge": <price> \} \}/,
    );
  });

  it("lays a price override over the shipped table, leaving the other types alone", () => {
    const e = estimateJobCost(trainingJob, training(), { prices: { "ml.m5.xlarge": 0.5 } });
    expect(e.worstCaseUsd).toBeCloseTo(2 * 0.5 * 24, 10);
    expect(estimateJobCost(processingJob, processing(), { prices: { "ml.m5.xlarge": 0.5 } }).worstCaseUsd).toBeCloseTo(0.306, 10);
  });

  it("uses a whole table for another region, and refuses the shipped one there", () => {
    const table = {
      region: "ap-southeast-2",
      source: "https://example.com/prices",
      asOf: "2026-01-01",
      usdPerHour: { "ml.m5.xlarge": 0.269 },
    };
    const e = estimateJobCost(trainingJob, training(), { prices: table, region: "ap-southeast-2" });
    expect(e.worstCaseUsd).toBeCloseTo(2 * 0.269 * 24, 10);
    expect(e.priceSource.region).toBe("ap-southeast-2");
    expect(() => estimateJobCost(trainingJob, training(), { region: "eu-west-1" })).toThrow(/the price table is for us-east-1/);
  });

  it("refuses negative prices and assumedSeconds", () => {
    expect(() => estimateJobCost(trainingJob, training(), { prices: { "ml.m5.xlarge": -1 } })).toThrow(RangeError);
    expect(() => estimateJobCost(transformJob, transform(), { assumedSeconds: Number.NaN })).toThrow(RangeError);
  });
});

describe(actualJobCost.name, () => {
  const done = { TrainingJobName: "nightly", ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 2, VolumeSizeInGB: 10 } };

  it("prices BillableTimeInSeconds per instance: 2 × 0.23 × 1800 s = 0.23", () => {
    const cost = actualJobCost(trainingJob, { ...done, BillableTimeInSeconds: 1800, TrainingTimeInSeconds: 1800 } as never);
    expect(cost.usd).toBeCloseTo(0.23, 10);
    expect(cost.spot).toBeUndefined();
  });

  it("gives managed spot training its on-demand equivalent and the savings", () => {
    const cost = actualJobCost(trainingJob, {
      ...done,
      EnableManagedSpotTraining: true,
      TrainingTimeInSeconds: 3600,
      BillableTimeInSeconds: 1080,
    } as never);
    expect(cost.usd).toBeCloseTo(0.138, 10);
    expect(cost.spot?.onDemandUsd).toBeCloseTo(0.46, 10);
    expect(cost.spot?.savingsUsd).toBeCloseTo(0.322, 10); // 70 %: 1 − 1080 / 3600
  });

  it("prices processing and transform jobs from start to end time", () => {
    const p = actualJobCost(processingJob, {
      ...processing(),
      ProcessingStartTime: "2026-01-01T00:00:00.000Z",
      ProcessingEndTime: "2026-01-01T00:10:00.000Z",
    } as never);
    expect(p.billableSeconds).toBe(600);
    expect(p.usd).toBeCloseTo((3 * 0.204) / 6, 10);
    const t = actualJobCost(transformJob, {
      ...transform(),
      TransformStartTime: "2026-01-01T00:00:00.000Z",
      TransformEndTime: "2026-01-01T01:00:00.000Z",
    } as never);
    expect(t.usd).toBeCloseTo(0.46, 10);
  });

  it("refuses a job that has not ended yet", () => {
    expect(() => actualJobCost(trainingJob, done as never)).toThrow(/no BillableTimeInSeconds yet/);
    expect(() => actualJobCost(transformJob, { ...transform(), TransformStartTime: "2026-01-01T00:00:00Z" } as never)).toThrow(
      /no TransformEndTime yet/,
    );
  });
});

describe(endpointHourlyCost.name, () => {
  it("adds InitialInstanceCount × price over the instance variants and lists serverless ones", () => {
    const cost = endpointHourlyCost({
      ProductionVariants: [
        { VariantName: "a", InstanceType: "ml.m5.large", InitialInstanceCount: 2 },
        { VariantName: "b", InstanceType: "ml.g5.xlarge", InitialInstanceCount: 1 },
        { VariantName: "s", ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 1 } },
      ],
    });
    expect(cost.hourlyUsd).toBeCloseTo(0.23 + 1.408, 10);
    expect(cost.serverlessVariants).toEqual(["s"]);
  });
});

describe(estimatePipelineCost.name, () => {
  it("sums the steps' worst cases: 11.04 + 0.306 + 0.115", () => {
    const e = estimatePipelineCost([
      { stepId: "train", kind: trainingJob, request: training() },
      { stepId: "prep", kind: processingJob, request: processing() },
      { stepId: "score", kind: transformJob, request: transform(), assumedSeconds: 900 },
    ]);
    expect(e.worstCaseUsd).toBeCloseTo(11.04 + 0.306 + 0.115, 10);
    expect(e.steps.map((s) => s.stepId)).toEqual(["train", "prep", "score"]);
    expect(e.unboundedSteps).toEqual([]);
  });

  it("is unbounded when one step is, and names it", () => {
    const e = estimatePipelineCost([
      { stepId: "train", kind: trainingJob, request: training() },
      { stepId: "score", kind: transformJob, request: transform() },
    ]);
    expect(e.worstCaseUsd).toBeUndefined();
    expect(e.unboundedSteps).toEqual(["score"]);
  });
});
