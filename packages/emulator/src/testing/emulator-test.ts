import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { S3Client } from "@aws-sdk/client-s3";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { VirtualClock } from "@sagerun/transport";
import { type TestAPI, test } from "vitest";
import { createEmulator, type Emulator } from "../emulator.js";
import { checkOptions, type EmulatorOptions } from "../options.js";
import { DEFAULT_DURATIONS } from "../resources/kinds.js";
import { installSagerunMatchers } from "./matchers.js";

/** What an `emulatorTest` hands each test. Each is made only when the test asks for it, fresh for that test. */
export interface EmulatorFixtures {
  /** An emulator of its own, on {@link EmulatorFixtures.clock}; the sagerun matchers are installed. */
  emulator: Emulator;
  /** The VirtualClock the emulator runs on: unless `autoAdvance`, time moves only by `clock.advance(ms)`. */
  clock: VirtualClock;
  /** A SageMakerClient wired to the emulator in-process. */
  sagemaker: SageMakerClient;
  /** An S3Client wired to the emulator (needs `@aws-sdk/client-s3`). */
  s3: S3Client;
  /** A CloudWatchLogsClient wired to the emulator (needs `@aws-sdk/client-cloudwatch-logs`). */
  logs: CloudWatchLogsClient;
  /** A SageMakerRuntimeClient wired to the emulator (needs `@aws-sdk/client-sagemaker-runtime`). */
  runtime: SageMakerRuntimeClient;
}

/** The emulator's options, but its clock: the fixture makes a VirtualClock per test. */
export interface EmulatorTestOptions extends Omit<EmulatorOptions, "clock"> {
  /**
   * Let the clock skip ahead whenever everybody waits on it (VirtualClock's `autoAdvance`), for
   * code under test that polls on the clock or with the AWS SDK's waiters. Off, time moves only
   * when the test says so (`clock.advance(ms)`).
   * @default false
   */
  autoAdvance?: boolean;
}

/**
 * A vitest `test` whose tests get a fresh emulator with `options`, its clock and its clients as
 * fixtures (see {@link EmulatorFixtures}). Extend it further with `.extend` like any vitest test.
 *
 * @example
 * const test = withEmulator({ durations: { trainingSeconds: 600 }, requireInputData: false });
 * test("trains", async ({ emulator, sagemaker, clock }) => { … });
 */
export function withEmulator(options: EmulatorTestOptions = {}): TestAPI<EmulatorFixtures> {
  const { autoAdvance = false, ...emulatorOptions } = options;
  if (Object.hasOwn(emulatorOptions, "clock")) {
    throw new TypeError(
      "withEmulator: options.clock is not taken: each test's emulator runs on a VirtualClock of its own (the clock fixture).",
    );
  }
  if (typeof autoAdvance !== "boolean") throw new TypeError(`withEmulator: autoAdvance must be true or false, got ${typeof autoAdvance}.`);
  // Refuse a misspelt option here, where the test file is collected, rather than in every test.
  checkOptions(emulatorOptions, Object.keys(DEFAULT_DURATIONS));
  return test.extend<EmulatorFixtures>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern; the clock has none.
    clock: async ({}, use) => {
      await use(new VirtualClock({ autoAdvance }));
    },
    emulator: async ({ clock }, use) => {
      installSagerunMatchers();
      await use(createEmulator({ ...emulatorOptions, clock }));
    },
    sagemaker: async ({ emulator }, use) => {
      const client = emulator.client();
      await use(client);
      client.destroy();
    },
    s3: async ({ emulator }, use) => {
      const { S3Client } = await peer("@aws-sdk/client-s3", () => import("@aws-sdk/client-s3"));
      const client = emulator.s3Client(S3Client);
      await use(client);
      client.destroy();
    },
    logs: async ({ emulator }, use) => {
      const { CloudWatchLogsClient } = await peer("@aws-sdk/client-cloudwatch-logs", () => import("@aws-sdk/client-cloudwatch-logs"));
      const client = emulator.logsClient(CloudWatchLogsClient);
      await use(client);
      client.destroy();
    },
    runtime: async ({ emulator }, use) => {
      const { SageMakerRuntimeClient } = await peer("@aws-sdk/client-sagemaker-runtime", () => import("@aws-sdk/client-sagemaker-runtime"));
      const client = emulator.runtimeClient(SageMakerRuntimeClient);
      await use(client);
      client.destroy();
    },
  });
}

/**
 * A vitest `test` with a fresh emulator per test, on a VirtualClock that moves only when the test
 * says so, with its clients: `emulatorTest("…", async ({ emulator, sagemaker, clock }) => …)`.
 * {@link withEmulator} makes one with options.
 */
export const emulatorTest: TestAPI<EmulatorFixtures> = /* @__PURE__ */ withEmulator();

/** An optional peer dependency, loaded when a test first asks for its client. */
async function peer<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new Error(
      `This fixture needs ${name}, which could not be loaded: install it beside @sagerun/emulator (npm install --save-dev ${name}).`,
      {
        cause: error,
      },
    );
  }
}
