import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { systemClock, VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { trainingJobRequest } from "../test/fixtures.js";
import { createBackend } from "./backend.js";
import { EmulatorNotInstalledError } from "./errors/index.js";
import { loadEmulator } from "./internal/load-emulator.js";
import { runTrainingJob } from "./run-training-job.js";

describe(createBackend.name, () => {
  it("lets the backend option beat SAGERUN_BACKEND", async () => {
    const b = await createBackend({ backend: "aws", env: { SAGERUN_BACKEND: "emulator" }, clientConfig: { region: "eu-west-1" } });
    expect(b.backend).toBe("aws");
    expect(b.client).toBeInstanceOf(SageMakerClient);
    expect(b.clock).toBe(systemClock);
    expect(b.emulator).toBeUndefined();
  });

  it("picks the emulator from SAGERUN_BACKEND, on a fresh virtual clock, and runs a job on it", async () => {
    const b = await createBackend({ env: { SAGERUN_BACKEND: "emulator" }, emulator: { durations: { trainingSeconds: 3600 } } });
    expect(b.backend).toBe("emulator");
    expect(b.clock).toBeInstanceOf(VirtualClock);
    expect(b.emulator?.clock).toBe(b.clock);
    const { description } = await runTrainingJob(trainingJobRequest(), { client: b.client, clock: b.clock });
    expect(description.TrainingJobStatus).toBe("Completed");
  });

  it("returns the emulator's virtual clock with its client: passed together, a 1-hour job ends on virtual time", async () => {
    const { client, clock } = await createBackend({ backend: "emulator", emulator: { durations: { trainingSeconds: 3600 } } });
    const { description } = await runTrainingJob(trainingJobRequest(), { client, clock });
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(description.TrainingEndTime).toBe("2026-01-01T01:02:05.000Z"); // virtual, however long the wall took
    expect(clock.now()).toBe(Date.parse("2026-01-01T01:02:30.000Z")); // the clock the operator waited on moved, not the wall
  }, 5_000);

  it("defaults to aws when neither the option nor the variable says otherwise", async () => {
    expect((await createBackend({ env: {} })).backend).toBe("aws");
  });

  it("throws on an unknown backend rather than silently using AWS", async () => {
    await expect(createBackend({ env: { SAGERUN_BACKEND: "emulater" } })).rejects.toThrow(
      new TypeError("Unknown sagerun backend 'emulater' in SAGERUN_BACKEND. Please use one of: aws, emulator."),
    );
    await expect(createBackend({ backend: "local" as "aws" })).rejects.toThrow(TypeError);
  });
});

describe(loadEmulator.name, () => {
  it("says to install @sagerun/emulator when the package is missing", async () => {
    const missing = Object.assign(
      new Error("Cannot find package '@sagerun/emulator' imported from /app/node_modules/@sagerun/operators/dist/index.js"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    const err = await loadEmulator("SAGERUN_BACKEND=emulator", () => Promise.reject(missing)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmulatorNotInstalledError);
    expect((err as Error).message).toBe(
      "Failed to start the sagerun emulator (selected by SAGERUN_BACKEND=emulator): the package @sagerun/emulator is not installed. " +
        "Please install it (npm install --save-dev @sagerun/emulator), or select the aws backend.",
    );
    expect((err as Error).cause).toBe(missing);
  });

  it("rethrows any other failure, such as a dependency of the emulator missing", async () => {
    const broken = Object.assign(new Error("Cannot find package 'msw' imported from /app/node_modules/@sagerun/emulator/dist/index.js"), {
      code: "ERR_MODULE_NOT_FOUND",
    });
    await expect(loadEmulator("x", () => Promise.reject(broken))).rejects.toBe(broken);
  });
});
