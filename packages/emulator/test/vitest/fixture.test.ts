import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { CreateTrainingJobCommand, ListTrainingJobsCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { VirtualClock } from "@sagerun/transport";
import { describe, expect, test as plainTest } from "vitest";
import { createEmulator, type Emulator } from "../../src/index.js";
import { emulatorTest, installSagerunMatchers, sagerunMatchers, withEmulator } from "../../src/vitest.js";
import { trainingJobRequest } from "../fixtures.js";

describe("emulatorTest", () => {
  let first: Emulator | undefined;

  emulatorTest("hands a test an emulator of its own", async ({ emulator, sagemaker }) => {
    first = emulator;
    await sagemaker.send(new ListTrainingJobsCommand({}));
    expect(emulator.requests()).toHaveLength(1);
  });

  emulatorTest("so what one test did, the next never sees", ({ emulator }) => {
    expect(first).toBeDefined();
    expect(emulator).not.toBe(first);
    expect(emulator.requests()).toEqual([]);
    expect(emulator.state().trainingJobs).toEqual([]);
  });

  emulatorTest("runs it on a VirtualClock that moves only when the test says so", async ({ emulator, clock }) => {
    expect(emulator.clock).toBe(clock);
    expect(clock).toBeInstanceOf(VirtualClock);
    const start = clock.now();
    expect(start).toBe(Date.UTC(2026, 0, 1));
    // Nothing moves it on its own, even with an emulator whose lifecycles could skip ahead.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now()).toBe(start);
    await clock.advance(90_000);
    expect(clock.now()).toBe(start + 90_000);
  });

  emulatorTest(
    "wires the SageMaker, S3, CloudWatch Logs and Runtime clients to that emulator",
    async ({ emulator, sagemaker, s3, logs, runtime }) => {
      await sagemaker.send(new ListTrainingJobsCommand({}));
      await s3.send(new CreateBucketCommand({ Bucket: "ml-data" }));
      await logs.send(new DescribeLogGroupsCommand({}));
      await expect(runtime.send(new InvokeEndpointCommand({ EndpointName: "missing", Body: "1,2" }))).rejects.toThrow(
        "Endpoint missing of account 123456789012 not found.",
      );
      expect(emulator.requests().map(({ service, operation }) => `${service} ${operation}`)).toEqual([
        "sagemaker ListTrainingJobs",
        "s3 CreateBucket",
        "logs DescribeLogGroups",
        "runtime InvokeEndpoint",
      ]);
    },
  );

  emulatorTest("has the sagerun matchers installed", ({ emulator }) => {
    expect(emulator).toHaveNoJobsRunning();
    expect(emulator).not.toHaveReceived("CreateTrainingJob");
  });

  const withBucket = emulatorTest.extend<{ bucket: string }>({
    bucket: async ({ s3 }, use) => {
      await s3.send(new CreateBucketCommand({ Bucket: "team-data" }));
      await use("team-data");
    },
  });

  withBucket("extends like any vitest test, its fixtures building on the emulator's", ({ emulator, bucket }) => {
    expect(bucket).toBe("team-data");
    expect(emulator).toHaveReceived("CreateBucket", { times: 1, with: { Bucket: "team-data" } });
  });
});

describe("withEmulator", () => {
  const test = withEmulator({ region: "eu-west-1", requireInputData: false, durations: { trainingSeconds: 60 } });

  test("gives each test's emulator these options", async ({ emulator, sagemaker }) => {
    expect(emulator.region).toBe("eu-west-1");
    expect(await sagemaker.config.region()).toBe("eu-west-1");
    // requireInputData: false, so a job whose input holds no object is accepted.
    const { TrainingJobArn } = await sagemaker.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "nightly" })));
    expect(TrainingJobArn).toBe("arn:aws:sagemaker:eu-west-1:123456789012:training-job/nightly");
  });

  const auto = withEmulator({ autoAdvance: true });

  auto("with autoAdvance, lets the clock skip ahead whenever everybody waits on it", async ({ clock }) => {
    const start = clock.now();
    await clock.sleep(3_600_000);
    expect(clock.now()).toBe(start + 3_600_000);
  });

  plainTest("refuses a clock of the caller's, and misspelt options where the test file is collected", () => {
    expect(() => withEmulator({ clock: new VirtualClock() } as never)).toThrow(
      new TypeError(
        "withEmulator: options.clock is not taken: each test's emulator runs on a VirtualClock of its own (the clock fixture).",
      ),
    );
    expect(() => withEmulator({ seeed: 7 } as never)).toThrow(/options has an unknown key "seeed"/);
    expect(() => withEmulator({ autoAdvance: "yes" } as never)).toThrow(
      new TypeError("withEmulator: autoAdvance must be true or false, got string."),
    );
  });
});

describe("installSagerunMatchers", () => {
  plainTest("adds the matchers to expect for an emulator made anywhere, as expect.extend(sagerunMatchers) does", async () => {
    installSagerunMatchers();
    expect.extend(sagerunMatchers);
    const emulator = createEmulator();
    await emulator.client().send(new ListTrainingJobsCommand({}));
    expect(emulator).toHaveReceived("ListTrainingJobs", { times: 1 });
  });
});
