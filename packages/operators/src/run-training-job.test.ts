import { StopTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, expectTypeOf, it } from "vitest";
import { emulatorHarness, trainingJobRequest } from "../test/fixtures.js";
import { JobFailedError, JobStoppedError, MaxRuntimeExceededError, MaxWaitTimeExceededError, SagerunError } from "./errors/index.js";
import { runTrainingJob } from "./run-training-job.js";

const durations = { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 600, uploadingSeconds: 30, stoppingSeconds: 30 };

describe(runTrainingJob.name, () => {
  it("resolves with the final description when the job completes", async () => {
    const h = emulatorHarness({ durations });
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "ok" }), { client: h.client, clock: h.clock });
    expect(result).toMatchObject({ jobName: "ok", created: true });
    expect(result.description).toMatchObject({ TrainingJobStatus: "Completed", SecondaryStatus: "Completed" });
    expect(h.calls[0]).toBe("DescribeTrainingJobCommand"); // the name check
    expect(h.count("CreateTrainingJobCommand")).toBe(1);
  });

  it("returns JSON-safe output: ISO-8601 dates, no $metadata, a lossless JSON round trip", async () => {
    const h = emulatorHarness({ durations });
    const { description } = await runTrainingJob(trainingJobRequest(), { client: h.client, clock: h.clock });
    expect(description.CreationTime).toBe("2026-01-01T00:00:00.000Z");
    expect(description.TrainingEndTime).toBe("2026-01-01T00:12:00.000Z");
    expect(description).not.toHaveProperty("$metadata");
    expect(JSON.parse(JSON.stringify(description))).toStrictEqual(description);
    expectTypeOf(description.CreationTime).toEqualTypeOf<string | undefined>();
  });

  it("rejects with JobFailedError carrying FailureReason when the job fails", async () => {
    const h = emulatorHarness({
      durations,
      rules: [{ match: { name: /^doomed/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    const err = await runTrainingJob(trainingJobRequest({ TrainingJobName: "doomed" }), { client: h.client, clock: h.clock }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({ code: "JobFailed", jobName: "doomed", status: "Failed", failureReason: "AlgorithmError: boom" });
    expect((err as JobFailedError).description).toMatchObject({ TrainingJobStatus: "Failed", FailureReason: "AlgorithmError: boom" });
    expect((err as Error).message).toContain("AlgorithmError: boom");
  });

  it("rejects with JobStoppedError when someone else stops the job (apache/airflow#42423)", async () => {
    const h = emulatorHarness({ durations });
    // Another process (the console, the CLI) stops the job ten virtual minutes in.
    void h.clock.sleep(600_000).then(() => h.emulator.client().send(new StopTrainingJobCommand({ TrainingJobName: "stopped" })));
    const err = await runTrainingJob(trainingJobRequest({ TrainingJobName: "stopped" }), { client: h.client, clock: h.clock }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JobStoppedError);
    expect(err).toMatchObject({ code: "JobStopped", status: "Stopped", secondaryStatus: "Stopped" });
    expect(h.count("StopTrainingJobCommand")).toBe(0); // not ours
  });

  it("rejects with MaxRuntimeExceededError when StoppingCondition.MaxRuntimeInSeconds runs out", async () => {
    const h = emulatorHarness({ durations });
    const config = trainingJobRequest({ TrainingJobName: "too-long", StoppingCondition: { MaxRuntimeInSeconds: 300 } });
    const err = await runTrainingJob(config, { client: h.client, clock: h.clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MaxRuntimeExceededError);
    expect(err).toMatchObject({
      code: "MaxRuntimeExceeded",
      status: "Stopped",
      secondaryStatus: "MaxRuntimeExceeded",
      maxRuntimeSeconds: 300,
    });
  });

  it("rejects with MaxWaitTimeExceededError when a managed spot job runs out of MaxWaitTimeInSeconds", async () => {
    const h = emulatorHarness({ durations: { ...durations, trainingSeconds: 7200 } });
    const config = trainingJobRequest({
      TrainingJobName: "spot",
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 },
    });
    const err = await runTrainingJob(config, { client: h.client, clock: h.clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MaxWaitTimeExceededError);
    expect(err).toMatchObject({
      code: "MaxWaitTimeExceeded",
      status: "Stopped",
      secondaryStatus: "MaxWaitTimeExceeded",
      maxWaitTimeSeconds: 3600,
    });
  });

  it("completes a 2-hour job polled every 30 s, on virtual time", async () => {
    const h = emulatorHarness({ durations: { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 7200, uploadingSeconds: 30 } });
    const times: string[] = [];
    const { description } = await runTrainingJob(trainingJobRequest({ TrainingJobName: "two-hours" }), {
      client: h.client,
      clock: h.clock,
      checkIntervalSeconds: 30,
      onStatusChange: (e) => times.push(e.time),
    });
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(times.at(-1)).toBe("2026-01-01T02:02:00.000Z");
    expect(h.count("DescribeTrainingJobCommand")).toBe(1 + 7320 / 30 + 1); // name check + one per 30 s from 0 to 7320 s
  });

  it("returns right after Create when waitForCompletion is false", async () => {
    const h = emulatorHarness({ durations });
    const result = await runTrainingJob(trainingJobRequest(), { client: h.client, clock: h.clock, waitForCompletion: false });
    expect(result.description.TrainingJobStatus).toBe("InProgress");
    expect(h.calls).toEqual(["DescribeTrainingJobCommand", "CreateTrainingJobCommand", "DescribeTrainingJobCommand"]);
  });

  it("creates nothing when the signal is already aborted", async () => {
    const h = emulatorHarness({ durations });
    const reason = new Error("cancelled before start");
    await expect(
      runTrainingJob(trainingJobRequest(), { client: h.client, clock: h.clock, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(h.count("CreateTrainingJobCommand")).toBe(0);
  });

  it("stops the job it created when aborted while waiting", async () => {
    const h = emulatorHarness({ durations });
    const controller = new AbortController();
    void h.clock.sleep(120_000).then(() => controller.abort(new Error("task killed")));
    await expect(runTrainingJob(trainingJobRequest(), { client: h.client, clock: h.clock, signal: controller.signal })).rejects.toThrow(
      "task killed",
    );
    expect(h.count("StopTrainingJobCommand")).toBe(1);
  });

  it("checks its options before calling SageMaker", async () => {
    const h = emulatorHarness({ durations });
    const run = (extra: object, config = trainingJobRequest()) => runTrainingJob(config, { client: h.client, clock: h.clock, ...extra });
    await expect(run({ checkIntervalSeconds: -5 })).rejects.toThrow(RangeError);
    await expect(run({ onExists: "overwrite" })).rejects.toThrow(/onExists \[overwrite\]/);
    await expect(run({}, trainingJobRequest({ TrainingJobName: "" }))).rejects.toThrow(
      "The training job config's TrainingJobName [] must be a non-empty string. Please name the job.",
    );
    expect(h.calls).toEqual([]);
  });

  it("names a missing or wrong client or clock and what to pass, before calling SageMaker (not \"reading 'send'\")", async () => {
    const h = emulatorHarness({ durations });
    const config = trainingJobRequest();
    await expect(runTrainingJob(config, {} as never)).rejects.toThrow(
      new TypeError(
        "Option client is missing. Please pass the client and clock that createBackend() returns ({ client, clock }), " +
          "or a SageMakerClient of your own with clock: systemClock.",
      ),
    );
    await expect(runTrainingJob(config, undefined as never)).rejects.toThrow(/^Option client is missing\./);
    await expect(runTrainingJob(config, { client: "sagemaker", clock: h.clock } as never)).rejects.toThrow(
      /^Option client \[sagemaker\] must be a SageMakerClient\./,
    );
    await expect(runTrainingJob(config, { client: h.client } as never)).rejects.toThrow(
      /^Option clock is missing\. Please pass the clock that createBackend\(\) returns with the client/,
    );
    expect(h.calls).toEqual([]);
  });

  it("lets SageMaker's own errors through unchanged", async () => {
    const h = emulatorHarness({ durations });
    const err = await runTrainingJob(trainingJobRequest({ ResourceConfig: undefined }), { client: h.client, clock: h.clock }).catch(
      (e: unknown) => e,
    );
    expect(SagerunError.is(err)).toBe(false);
    expect(err).toMatchObject({ name: "ValidationException" });
  });
});
