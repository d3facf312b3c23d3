import { describe, expect, it } from "vitest";
import { mismatchOf } from "./partial-match.js";

describe(mismatchOf.name, () => {
  const input = {
    TrainingJobName: "nightly",
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1 },
    InputDataConfig: [{ ChannelName: "train" }, { ChannelName: "test" }],
  };

  it("matches when every member the expectation names matches, ignoring the others", () => {
    expect(mismatchOf(input, {})).toBeUndefined();
    expect(mismatchOf(input, { ResourceConfig: { InstanceType: "ml.m5.large" } })).toBeUndefined();
    expect(mismatchOf(input, { InputDataConfig: [{ ChannelName: "train" }, {}] })).toBeUndefined();
    expect(mismatchOf(input, { TrainingJobName: expect.stringMatching(/^night/) })).toBeUndefined();
    expect(mismatchOf(input, { Missing: undefined })).toBeUndefined();
  });

  it("names the first member that differs by its path", () => {
    expect(mismatchOf(input, { ResourceConfig: { InstanceCount: 2 } })).toEqual({
      path: "ResourceConfig.InstanceCount",
      actual: 1,
      expected: 2,
    });
    expect(mismatchOf(input, { InputDataConfig: [{}, { ChannelName: "validation" }] })).toEqual({
      path: "InputDataConfig[1].ChannelName",
      actual: "test",
      expected: "validation",
    });
    expect(mismatchOf(input, { HyperParameters: { k: "5" } })).toEqual({
      path: "HyperParameters",
      actual: undefined,
      expected: { k: "5" },
    });
  });

  it("wants an array as long as the expected one, and an object where it expects one", () => {
    expect(mismatchOf(input, { InputDataConfig: [{ ChannelName: "train" }] })?.path).toBe("InputDataConfig");
    expect(mismatchOf(input, { TrainingJobName: { name: "nightly" } })?.path).toBe("TrainingJobName");
    expect(mismatchOf(input, { ResourceConfig: ["ml.m5.large"] })?.path).toBe("ResourceConfig");
  });
});
