import type { CreateTrainingJobCommandInput, CreateTransformJobCommandInput } from "@aws-sdk/client-sagemaker";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trainingJob } from "../job-kinds/training.js";
import { transformJob } from "../job-kinds/transform.js";
import { estimateJobCost } from "./estimate.js";
import { US_EAST_1_PRICES } from "./prices.js";

const types = fc.constantFrom(...Object.keys(US_EAST_1_PRICES.usdPerHour));
const counts = fc.integer({ min: 1, max: 64 });
const seconds = fc.integer({ min: 1, max: 5 * 86_400 });

const training = (type: string, count: number, limit: number): CreateTrainingJobCommandInput =>
  ({
    TrainingJobName: "j",
    ResourceConfig: { InstanceType: type, InstanceCount: count, VolumeSizeInGB: 1 },
    StoppingCondition: { MaxRuntimeInSeconds: limit },
  }) as CreateTrainingJobCommandInput;

const transform = (type: string, count: number): CreateTransformJobCommandInput =>
  ({ TransformJobName: "t", TransformResources: { InstanceType: type, InstanceCount: count } }) as CreateTransformJobCommandInput;

describe("cost estimates (properties)", () => {
  it("the worst case scales linearly with instance count and seconds", () => {
    fc.assert(
      fc.property(types, counts, seconds, fc.integer({ min: 2, max: 8 }), (type, count, limit, k) => {
        const base = estimateJobCost(trainingJob, training(type, count, limit)).worstCaseUsd!;
        expect(estimateJobCost(trainingJob, training(type, count * k, limit)).worstCaseUsd).toBeCloseTo(base * k, 6);
        expect(estimateJobCost(trainingJob, training(type, count, limit * k)).worstCaseUsd).toBeCloseTo(base * k, 6);
        expect(estimateJobCost(transformJob, transform(type, count), { assumedSeconds: limit }).worstCaseUsd).toBeCloseTo(base, 6);
      }),
    );
  });

  it("overriding one type's price changes only the jobs of that type", () => {
    fc.assert(
      fc.property(types, types, counts, seconds, fc.double({ min: 0, max: 100, noNaN: true }), (overridden, used, count, limit, price) => {
        const request = training(used, count, limit);
        const before = estimateJobCost(trainingJob, request).worstCaseUsd!;
        const after = estimateJobCost(trainingJob, request, { prices: { [overridden]: price } }).worstCaseUsd!;
        if (overridden === used) expect(after).toBeCloseTo((price * count * limit) / 3600, 6);
        else expect(after).toBe(before);
      }),
    );
  });
});
