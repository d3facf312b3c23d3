import { ResourceLimitExceeded, SageMakerServiceException } from "@aws-sdk/client-sagemaker";
import type { EmulatorOptions } from "@sagerun/emulator";
import { describe, expect, it } from "vitest";
import { JobFailedError, MaxWaitTimeExceededError } from "../src/errors/index.js";
import { definePipeline } from "../src/pipeline/define-pipeline.js";
import { runPipeline } from "../src/pipeline/run-pipeline.js";
import { step } from "../src/pipeline/step.js";
import { runTrainingJob } from "../src/run-training-job.js";
import type { JobRetryEvent, JobStatusEvent } from "../src/wait/watch-job.js";
import { emulatorHarness, trainingJobRequest, type Harness } from "./fixtures.js";
import { fastTraining } from "./pipeline-fixtures.js";

/**
 * The operators and the pipeline composer under the faults the emulator injects as the real
 * service throws them (@sagerun/emulator's `faults`; docs/fidelity.md §13): each run finishes, or
 * fails with a clear typed error; no job is ever created twice (counted in the emulator's request
 * log); and every retry the operator makes goes to `onRetry`. The SDK's own retries are off here
 * (the harness client has maxAttempts 1), so each injected fault reaches the operator.
 */

const CAPACITY = "CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.";
const INTERNAL = "InternalServerError: We encountered an internal error. Please try again.";

const harness = (faults: NonNullable<EmulatorOptions["faults"]>, seed = 11) => emulatorHarness({ ...fastTraining, seed, faults });
/** The Creates that reached the service and created a job (the others were refused before it acted). */
const created = (h: Harness) => h.emulator.requests().filter((r) => r.operation === "CreateTrainingJob" && r.statusCode === 200).length;
const refused = (h: Harness, code: string) => h.emulator.requests().filter((r) => r.errorCode === code).length;
const trainingJobs = (h: Harness) => h.emulator.state().trainingJobs ?? [];

/**
 * A client on the harness's emulator with the SDK v3's own default retry strategy (the class the
 * client resolves to) and a 0 ms back-off, so a test does not sleep through the real one.
 */
async function sdkRetryingClient(h: Harness, maxAttempts: number) {
  const resolved = await h.emulator.client({ maxAttempts }).config.retryStrategy();
  const Standard = resolved.constructor as new (options: { maxAttempts: number; backoff: object }) => typeof resolved;
  const backoff = { setDelayBase: () => {}, computeNextBackoffDelay: () => 0 };
  return h.emulator.client({ retryStrategy: new Standard({ maxAttempts, backoff }) });
}

/** runTrainingJob with the harness's client and clock, its retries and status changes collected. */
async function train(h: Harness, name: string, overrides: Parameters<typeof trainingJobRequest>[0] = {}) {
  const retries: JobRetryEvent[] = [];
  const statuses: JobStatusEvent[] = [];
  const run = runTrainingJob(trainingJobRequest({ TrainingJobName: name, ...overrides }), {
    client: h.client,
    clock: h.clock,
    checkIntervalSeconds: 10,
    onRetry: (event) => void retries.push(event),
    onStatusChange: (event) => void statuses.push(event),
  });
  return { run, retries, statuses };
}

describe("operators under injected request faults", () => {
  it("rides out throttled Creates: each one looked up, then sent again after its back-off, reported to onRetry", async () => {
    const h = harness([{ fault: "throttling", rate: 0.6, match: { operation: "CreateTrainingJob" } }]);
    const { run, retries } = await train(h, "throttled-create");
    await expect(run).resolves.toMatchObject({ created: true, description: { TrainingJobStatus: "Completed" } });
    expect(created(h)).toBe(1);
    expect(trainingJobs(h)).toHaveLength(1);
    expect(refused(h, "ThrottlingException")).toBeGreaterThan(0);
    expect(retries.map((r) => [r.request, r.error])).toEqual(
      Array(refused(h, "ThrottlingException")).fill(["create", "ThrottlingException"]),
    );
  });

  it("rides out throttling and 5xx on every request once its job runs: every refusal is one of its retries", async () => {
    const h = harness([]);
    const t0 = h.clock.now();
    h.emulator.setFaults([
      { fault: "throttling", rate: 0.3, from: t0 + 1, match: { service: "sagemaker" } },
      { fault: "internalFailure", rate: 0.2, from: t0 + 1, match: { service: "sagemaker" } },
    ]);
    const { run, retries } = await train(h, "flaky-polling");
    await expect(run).resolves.toMatchObject({ description: { TrainingJobStatus: "Completed" } });
    expect(created(h)).toBe(1);
    const refusals = refused(h, "ThrottlingException") + refused(h, "InternalFailure");
    expect(refusals).toBeGreaterThan(0);
    expect(retries.length).toBe(refusals);
    expect(retries.every((r) => r.request === "describe")).toBe(true);
    // Full-jitter exponential back-off, capped by the check interval (10 s), counted per failure streak.
    expect(retries.every((r) => r.delaySeconds >= 0 && r.delaySeconds <= 10)).toBe(true);
    expect(retries.every((r, i) => r.attempt === 1 || r.attempt === retries[i - 1]!.attempt + 1)).toBe(true);
  });

  it("rides out a throttled name check before Create on the clock, reported to onRetry as a describe retry, with the SDK's retries off", async () => {
    const h = harness([]);
    // Throttle only what comes at the first instant: the name check.
    h.emulator.setFaults([{ fault: "throttling", until: h.clock.now() + 1 }]);
    const { run, retries } = await train(h, "checked");
    await expect(run).resolves.toMatchObject({ description: { TrainingJobStatus: "Completed" } });
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((r) => r.request === "describe" && r.error === "ThrottlingException")).toBe(true);
    const operations = h.emulator.requests().map((r) => r.operation);
    expect(operations.slice(0, retries.length + 1)).toEqual(Array(retries.length + 1).fill("DescribeTrainingJob"));
    expect(created(h)).toBe(1);
  });

  it("a Create refused with a 5xx before the service acted: looked up, found absent, thrown as the SDK's InternalFailure, never sent twice", async () => {
    const h = harness([{ fault: "internalFailure", match: { operation: "CreateTrainingJob" } }]);
    const { run } = await train(h, "never-created");
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect(error).toMatchObject({ name: "InternalFailure", $metadata: { httpStatusCode: 500 } });
    expect(h.emulator.requests().filter((r) => r.operation === "CreateTrainingJob")).toHaveLength(1);
    expect(trainingJobs(h)).toHaveLength(0);
  });

  it("completes under added latency on every request", async () => {
    const h = harness([{ fault: "latency", ms: 2 }]);
    const { run, retries } = await train(h, "slow-wire");
    await expect(run).resolves.toMatchObject({ description: { TrainingJobStatus: "Completed" } });
    expect(created(h)).toBe(1);
    expect(retries).toEqual([]);
  });
});

describe("operators under injected job faults", () => {
  it("fails at once with the SDK's ResourceLimitExceeded when a quota refuses the job: no retry, nothing created", async () => {
    const h = harness([{ fault: "instanceQuota", instanceType: "ml.m5.xlarge", limit: 0 }]);
    const { run, retries } = await train(h, "over-quota");
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceLimitExceeded);
    expect((error as Error).message).toMatch(/^The account-level service limit 'ml\.m5\.xlarge for training job usage' is 0 Instances/);
    expect(retries).toEqual([]);
    expect(h.emulator.requests().filter((r) => r.operation === "CreateTrainingJob")).toHaveLength(1);
    expect(trainingJobs(h)).toHaveLength(0);
  });

  it.each([
    ["capacityError", CAPACITY],
    ["internalServerError", INTERNAL],
  ] as const)("throws JobFailedError carrying SageMaker's FailureReason for a %s", async (fault, reason) => {
    const h = harness([{ fault }]);
    const { run } = await train(h, `doomed-${fault.toLowerCase()}`);
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error).toMatchObject({ failureReason: reason, secondaryStatus: "Failed" });
    expect(created(h)).toBe(1);
  });

  it("waits through managed spot interruptions, sees Interrupted, and returns a job billed less than it ran", async () => {
    const h = harness([{ fault: "spotInterruption", interruptions: [{ afterSeconds: 20, waitSeconds: 120 }] }]);
    const { run, statuses } = await train(h, "spot", {
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      CheckpointConfig: { S3Uri: "s3://bucket/checkpoints/" },
    });
    const { description } = await run;
    expect(description.TrainingJobStatus).toBe("Completed");
    expect(statuses.map((s) => s.secondaryStatus)).toContain("Interrupted");
    expect(description.BillableTimeInSeconds).toBeLessThan(description.TrainingTimeInSeconds!);
    expect(created(h)).toBe(1);
  });

  it("throws MaxWaitTimeExceededError when the interruptions outlast MaxWaitTimeInSeconds", async () => {
    const h = harness([{ fault: "spotInterruption", interruptions: [{ afterSeconds: 10, waitSeconds: 5000 }] }]);
    const { run } = await train(h, "starved", {
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 },
    });
    await expect(run).rejects.toBeInstanceOf(MaxWaitTimeExceededError);
    expect(created(h)).toBe(1);
  });
});

describe("a pipeline under injected faults", () => {
  it("runs every step to the end under throttling, 5xx and latency, creating each step's job once", async () => {
    const h = harness([
      { fault: "throttling", rate: 0.25, match: { service: "sagemaker" } },
      { fault: "internalFailure", rate: 0.2, match: { operation: "DescribeTrainingJob" } },
      { fault: "latency", ms: 1 },
    ]);
    const retries: JobRetryEvent[] = [];
    const trainStep = (id: string, dependsOn: ReturnType<typeof step>[] = []) =>
      step({
        id,
        dependsOn,
        run: (ctx) =>
          runTrainingJob(trainingJobRequest({ TrainingJobName: ctx.jobName() }), {
            ...ctx.jobOptions,
            checkIntervalSeconds: 10,
            onRetry: (event) => void retries.push(event),
          }),
      });
    const prepare = trainStep("prepare");
    const fit = trainStep("fit", [prepare]);
    // As a real AWS client: the SDK's own retries on (0 ms back-off here); Create's are off (runJob sends it once).
    const client = await sdkRetryingClient(h, 3);
    const run = await runPipeline(definePipeline({ name: "faulty", steps: [prepare, fit] }), {
      client,
      clock: h.clock,
      runId: "r1",
    });
    expect(run.outcome).toBe("succeeded");
    expect(created(h)).toBe(2);
    expect(trainingJobs(h)).toHaveLength(2);
    expect(refused(h, "ThrottlingException")).toBeGreaterThan(0);
    expect(refused(h, "InternalFailure")).toBeGreaterThan(0);
    // What the SDK's three attempts did not absorb reached the operators, as retries of theirs.
    expect(retries.length).toBeLessThan(refused(h, "ThrottlingException") + refused(h, "InternalFailure"));
    expect(retries.every((r) => r.error === "ThrottlingException" || r.error === "InternalFailure")).toBe(true);
  });
});
