import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { trainingJobRequest } from "./fixtures.js";

// Issue 7, item 10: Emulator.call() aliased the caller's objects both ways.
describe("Emulator.call copies at the boundary", () => {
  it("keeps what Create stored when the caller later changes its request object", () => {
    const emulator = createEmulator({ requireInputData: false });
    const request = trainingJobRequest() as unknown as { ResourceConfig: { InstanceCount: number } };
    emulator.call("CreateTrainingJob", request as unknown as Record<string, unknown>);
    request.ResourceConfig.InstanceCount = 64;
    const d = emulator.call("DescribeTrainingJob", { TrainingJobName: "xgb-churn" }) as { ResourceConfig: { InstanceCount: number } };
    expect(d.ResourceConfig.InstanceCount).toBe(1);
  });

  it("keeps what is stored when the caller changes a Describe result", () => {
    const emulator = createEmulator({ requireInputData: false });
    emulator.call("CreateTrainingJob", trainingJobRequest() as unknown as Record<string, unknown>);
    const first = emulator.call("DescribeTrainingJob", { TrainingJobName: "xgb-churn" }) as { ResourceConfig: { InstanceCount: number } };
    first.ResourceConfig.InstanceCount = 64;
    const again = emulator.call("DescribeTrainingJob", { TrainingJobName: "xgb-churn" }) as { ResourceConfig: { InstanceCount: number } };
    expect(again.ResourceConfig.InstanceCount).toBe(1);
  });

  it("keeps what is stored when the caller changes the state dump", () => {
    const emulator = createEmulator({ requireInputData: false });
    emulator.call("CreateTrainingJob", trainingJobRequest() as unknown as Record<string, unknown>);
    const dump = emulator.state() as { trainingJobs: { HyperParameters: Record<string, string> }[] };
    dump.trainingJobs[0]!.HyperParameters.max_depth = "99";
    const d = emulator.call("DescribeTrainingJob", { TrainingJobName: "xgb-churn" }) as { HyperParameters: Record<string, string> };
    expect(d.HyperParameters.max_depth).toBe("5");
  });
});
