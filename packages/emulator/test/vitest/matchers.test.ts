import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { describe, expect } from "vitest";
import { withEmulator } from "../../src/vitest.js";
import { trainingJobRequest } from "../fixtures.js";
import { endpointConfigRequest, endpointRequest, modelRequest } from "../fixtures/hosting.js";

// Lifecycles only: jobs need no input objects, and the team's own image runs no code.
const test = withEmulator({ requireInputData: false, durations: { trainingSeconds: 600, creatingSeconds: 100 } });

/** The message of the assertion error `assertion` throws (it must throw). */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the assertion to fail, but it passed");
}

async function train(sagemaker: SageMakerClient, name: string, instanceType: "ml.m5.large" | "ml.m5.xlarge" = "ml.m5.xlarge") {
  await sagemaker.send(
    new CreateTrainingJobCommand(
      trainingJobRequest({ TrainingJobName: name, ResourceConfig: { InstanceType: instanceType, InstanceCount: 1, VolumeSizeInGB: 30 } }),
    ),
  );
}

/** A transform job on `churn-model`, which must exist. */
const transformJob = new CreateTransformJobCommand({
  TransformJobName: "churn-scoring",
  ModelName: "churn-model",
  TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://bucket/churn/test/" } } },
  TransformOutput: { S3OutputPath: "s3://bucket/churn/scores/" },
  TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
});

describe("toHaveReceived", () => {
  test("passes when the operation was received, at least once or exactly `times` times", async ({ emulator, sagemaker }) => {
    await train(sagemaker, "a");
    await train(sagemaker, "b");
    expect(emulator).toHaveReceived("CreateTrainingJob");
    expect(emulator).toHaveReceived("CreateTrainingJob", { times: 2 });
    expect(emulator).toHaveReceived("DeleteTrainingJob", { times: 0 });
    expect(emulator).not.toHaveReceived("DeleteTrainingJob");
  });

  test("counts only requests whose input matches `with`, deeply and partially, asymmetric matchers included", async ({
    emulator,
    sagemaker,
  }) => {
    await train(sagemaker, "small", "ml.m5.large");
    await train(sagemaker, "big", "ml.m5.xlarge");
    expect(emulator).toHaveReceived("CreateTrainingJob", { times: 1, with: { ResourceConfig: { InstanceType: "ml.m5.large" } } });
    expect(emulator).toHaveReceived("CreateTrainingJob", { times: 2, with: { TrainingJobName: expect.stringMatching(/^(small|big)$/) } });
    expect(emulator).toHaveReceived("CreateTrainingJob", {
      with: { InputDataConfig: [{ ChannelName: "train" }], HyperParameters: { max_depth: "5" } },
    });
    expect(emulator).not.toHaveReceived("CreateTrainingJob", { with: { ResourceConfig: { InstanceType: "ml.p3.2xlarge" } } });
  });

  test("fails listing what the emulator received, when the operation never came", async ({ emulator, sagemaker }) => {
    await sagemaker.send(new ListTrainingJobsCommand({}));
    expect(failureOf(() => expect(emulator).toHaveReceived("CreateTrainingJob"))).toBe(
      [
        "expected the emulator to have received CreateTrainingJob, but none was received.",
        "The emulator received 1 request:",
        "  #1 sagemaker ListTrainingJobs → 200",
      ].join("\n"),
    );
  });

  test("fails naming where each request of the operation differs from `with`", async ({ emulator, sagemaker }) => {
    await train(sagemaker, "big", "ml.m5.xlarge");
    await sagemaker.send(
      new CreateTrainingJobCommand(
        trainingJobRequest({
          TrainingJobName: "small",
          HyperParameters: {},
          ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 30 },
        }),
      ),
    );
    const expected = {
      ResourceConfig: { InstanceType: "ml.m5.large" },
      HyperParameters: { max_depth: "5" },
      TrainingJobName: expect.stringMatching(/^nightly-/),
    };
    expect(failureOf(() => expect(emulator).toHaveReceived("CreateTrainingJob", { times: 1, with: expected }))).toBe(
      [
        "expected the emulator to have received CreateTrainingJob once with an input matching " +
          '{"ResourceConfig": {"InstanceType": "ml.m5.large"}, "HyperParameters": {"max_depth": "5"}, "TrainingJobName": StringMatching /^nightly-/}, ' +
          "but none was received.",
        "CreateTrainingJob requests whose input did not match:",
        '  #1: ResourceConfig.InstanceType is "ml.m5.xlarge", expected "ml.m5.large"',
        '  #2: HyperParameters.max_depth is undefined, expected "5"',
        "The emulator received 2 requests:",
        "  #1–#2 sagemaker CreateTrainingJob → 200 (2 times)",
      ].join("\n"),
    );
  });

  test("fails saying which requests matched, when they were not `times`", async ({ emulator, sagemaker }) => {
    await train(sagemaker, "a");
    await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "missing" })).catch(() => undefined);
    await train(sagemaker, "b");
    expect(failureOf(() => expect(emulator).toHaveReceived("CreateTrainingJob", { times: 1 }))).toBe(
      [
        "expected the emulator to have received CreateTrainingJob once, but 2 were received: #1, #3.",
        "The emulator received 3 requests:",
        "  #1 sagemaker CreateTrainingJob → 200",
        "  #2 sagemaker DescribeTrainingJob → 400 ValidationException",
        "  #3 sagemaker CreateTrainingJob → 200",
      ].join("\n"),
    );
  });

  test("fails under .not listing the requests that should not have come, a polling loop folded into one line", async ({
    emulator,
    sagemaker,
    clock,
  }) => {
    await train(sagemaker, "polled");
    for (let i = 0; i < 12; i++) {
      await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "polled" }));
      await clock.advance(30_000);
    }
    expect(failureOf(() => expect(emulator).not.toHaveReceived("CreateTrainingJob"))).toBe(
      [
        "expected the emulator not to have received CreateTrainingJob, but 1 was received: #1.",
        "The emulator received 13 requests:",
        "  #1 sagemaker CreateTrainingJob → 200",
        "  #2–#13 sagemaker DescribeTrainingJob → 200 (12 times)",
      ].join("\n"),
    );
  });

  test("says when the emulator received nothing at all", ({ emulator }) => {
    expect(failureOf(() => expect(emulator).toHaveReceived("CreateTrainingJob"))).toBe(
      [
        "expected the emulator to have received CreateTrainingJob, but none was received.",
        "The emulator received no requests (or keeps none: the option requestLog is 0).",
      ].join("\n"),
    );
  });

  test("refuses what is not an emulator, a misspelt option and a count below 0", ({ emulator, sagemaker }) => {
    expect(() => expect(sagemaker).toHaveReceived("CreateTrainingJob")).toThrow(
      new TypeError(
        "toHaveReceived: expected an Emulator (createEmulator(), or the emulatorTest fixture's emulator), got a SageMakerClient.",
      ),
    );
    expect(() => expect(emulator).toHaveReceived("CreateTrainingJob", { time: 1 } as never)).toThrow(
      new TypeError('toHaveReceived: options has an unknown key "time"; the known keys are times, with.'),
    );
    expect(() => expect(emulator).toHaveReceived("CreateTrainingJob", { times: -1 })).toThrow(
      new RangeError("toHaveReceived: times [-1] must be a whole number, 0 or more."),
    );
  });
});

describe("toHaveReceivedInOrder", () => {
  test("passes when the operations came in this order, with other requests between", async ({ emulator, sagemaker }) => {
    await sagemaker.send(new CreateModelCommand(modelRequest()));
    await sagemaker.send(new ListTrainingJobsCommand({}));
    await sagemaker.send(transformJob);
    expect(emulator).toHaveReceivedInOrder(["CreateModel", "CreateTransformJob"]);
    expect(emulator).not.toHaveReceivedInOrder(["CreateTransformJob", "CreateModel"]);
  });

  test("fails saying which operation did not follow, and that it came only before", async ({ emulator, sagemaker }) => {
    await sagemaker.send(new CreateModelCommand(modelRequest()));
    await sagemaker.send(transformJob);
    expect(failureOf(() => expect(emulator).toHaveReceivedInOrder(["CreateTransformJob", "CreateModel"]))).toBe(
      [
        "expected the emulator to have received CreateTransformJob, then CreateModel, but it received no CreateModel after CreateTransformJob (#2); it received CreateModel only before that.",
        "The emulator received 2 requests:",
        "  #1 sagemaker CreateModel → 200",
        "  #2 sagemaker CreateTransformJob → 200",
      ].join("\n"),
    );
    expect(failureOf(() => expect(emulator).toHaveReceivedInOrder(["DeleteModel", "CreateModel"]))).toBe(
      [
        "expected the emulator to have received DeleteModel, then CreateModel, but it never received DeleteModel.",
        "The emulator received 2 requests:",
        "  #1 sagemaker CreateModel → 200",
        "  #2 sagemaker CreateTransformJob → 200",
      ].join("\n"),
    );
  });

  test("fails under .not naming the requests that made the order", async ({ emulator, sagemaker }) => {
    await sagemaker.send(new CreateModelCommand(modelRequest()));
    await sagemaker.send(transformJob);
    expect(failureOf(() => expect(emulator).not.toHaveReceivedInOrder(["CreateModel", "CreateTransformJob"]))).toBe(
      [
        "expected the emulator not to have received CreateModel, then CreateTransformJob, but it did: #1 CreateModel, #2 CreateTransformJob.",
        "The emulator received 2 requests:",
        "  #1 sagemaker CreateModel → 200",
        "  #2 sagemaker CreateTransformJob → 200",
      ].join("\n"),
    );
  });

  test("refuses an empty list", ({ emulator }) => {
    expect(() => expect(emulator).toHaveReceivedInOrder([])).toThrow(
      new TypeError("toHaveReceivedInOrder: operations must be a non-empty array of operation names, got an empty array."),
    );
  });
});

describe("toHaveNoJobsRunning", () => {
  test("passes with nothing created, and once every job and endpoint has settled", async ({ emulator, sagemaker, clock }) => {
    expect(emulator).toHaveNoJobsRunning();
    await train(sagemaker, "nightly");
    expect(emulator).not.toHaveNoJobsRunning();
    await clock.advance(3_600_000);
    expect(emulator).toHaveNoJobsRunning();
  });

  test("fails listing each job InProgress or Stopping and each endpoint Creating, at the clock's now", async ({
    emulator,
    sagemaker,
    clock,
  }) => {
    await train(sagemaker, "nightly");
    await train(sagemaker, "weekly");
    await sagemaker.send(new CreateModelCommand(modelRequest()));
    await sagemaker.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    await sagemaker.send(new CreateEndpointCommand(endpointRequest()));
    await clock.advance(60_000);
    expect(failureOf(() => expect(emulator).toHaveNoJobsRunning())).toBe(
      [
        "expected no job or endpoint to be running at 2026-01-01T00:01:00.000Z, but 3 are:",
        "  training job nightly: InProgress",
        "  training job weekly: InProgress",
        "  endpoint churn-endpoint: Creating",
      ].join("\n"),
    );
  });

  test("fails under .not when nothing runs", ({ emulator }) => {
    expect(failureOf(() => expect(emulator).not.toHaveNoJobsRunning())).toBe(
      "expected a job or endpoint to be running at 2026-01-01T00:00:00.000Z, but none is.",
    );
  });
});
