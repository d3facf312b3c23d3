import { CreateTrainingJobCommand, type CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";
import { DEFAULT_VIRTUAL_START } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { emulatorHarness, faultyClient, trainingJobRequest, type Harness } from "../test/fixtures.js";
import { JobFailedError, NameConflictError } from "./errors/index.js";
import { trainingJob } from "./job-kinds/training.js";
import { runJob } from "./run-job.js";
import { runTrainingJob } from "./run-training-job.js";

const fast = { durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 60, uploadingSeconds: 30 } };

const trainingJobs = (h: Harness): unknown[] => h.emulator.state().trainingJobs ?? [];

const TS = String(DEFAULT_VIRTUAL_START / 1000);

describe("runJob when the answer to its Create is lost", () => {
  // The first CreateTrainingJob creates the job, but its answer becomes a 500. The client would
  // retry (maxAttempts 2), but runJob turns the SDK's retries off for Create and looks the name up
  // instead (run-job.create-once.test.ts counts the sends on the wire).
  const lostFirstCreate = (h: Harness) =>
    faultyClient(h, (operation, nth) => (operation === "CreateTrainingJob" && nth === 1 ? "InternalFailure" : undefined), {
      maxAttempts: 2,
    });

  it('recognises its own job by the sagerun:run-id tag: "timestamp" creates no second, paid job', async () => {
    const h = emulatorHarness(fast);
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: lostFirstCreate(h),
      clock: h.clock,
      runId: "run-1",
    });
    expect(result).toMatchObject({ jobName: "nightly", created: true });
    expect(result.description.TrainingJobStatus).toBe("Completed");
    expect(trainingJobs(h)).toHaveLength(1);
  });

  it('recognises its own job: "fail" does not throw NameConflictError while the job runs', async () => {
    const h = emulatorHarness(fast);
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: lostFirstCreate(h),
      clock: h.clock,
      onExists: "fail",
    });
    await expect(run).resolves.toMatchObject({ jobName: "nightly", created: true });
    expect(trainingJobs(h)).toHaveLength(1);
  });

  it("recognises its own job when no retry is left and the SDK throws the 500 itself", async () => {
    const h = emulatorHarness(fast);
    const client = faultyClient(h, (operation, nth) => (operation === "CreateTrainingJob" && nth === 1 ? "InternalFailure" : undefined));
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client, clock: h.clock });
    expect(result).toMatchObject({ jobName: "nightly", created: true });
    expect(trainingJobs(h)).toHaveLength(1);
  });

  it("still throws the 500 when no job was created", async () => {
    const h = emulatorHarness(fast);
    // The emulator rejects this request (no ResourceConfig); the fault turns its answer into a 500.
    const client = faultyClient(h, (operation) => (operation === "CreateTrainingJob" ? "InternalFailure" : undefined));
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly", ResourceConfig: undefined }), { client, clock: h.clock });
    await expect(run).rejects.toMatchObject({ name: "InternalFailure" });
    expect(trainingJobs(h)).toHaveLength(0);
  });

  it("a job another run created under the name is still a conflict", async () => {
    const h = emulatorHarness(fast);
    await h.client.send(
      new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "nightly", Tags: [{ Key: "sagerun:run-id", Value: "other" }] })),
    );
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      onExists: "fail",
      runId: "mine",
    });
    await expect(run).rejects.toMatchObject({ code: "NameConflict" });
  });
});

describe('runJob with onExists: "skip"', () => {
  it("judges a finished job with the outcome table: a Failed job rejects with JobFailedError", async () => {
    const h = emulatorHarness({
      ...fast,
      rules: [{ match: { name: "doomed" }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "doomed" })));
    await h.clock.advance(3600_000);
    const run = runJob(trainingJob, trainingJobRequest({ TrainingJobName: "doomed" }), {
      client: h.client,
      clock: h.clock,
      onExists: "skip",
    });
    await expect(run).rejects.toThrow(JobFailedError);
    await expect(run).rejects.toMatchObject({ jobName: "doomed", failureReason: "AlgorithmError: boom" });
  });

  it("resolves with a Completed job", async () => {
    const h = emulatorHarness(fast);
    await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "done" })));
    await h.clock.advance(3600_000);
    const result = await runJob(trainingJob, trainingJobRequest({ TrainingJobName: "done" }), {
      client: h.client,
      clock: h.clock,
      onExists: "skip",
    });
    expect(result).toMatchObject({ jobName: "done", created: false, description: { TrainingJobStatus: "Completed" } });
  });
});

describe("a name taken between Describe and Create", () => {
  // Another process (with its own sagerun run id) creates the same name just before our Create
  // reaches the service.
  function racer(h: Harness): void {
    let raced = false;
    const other = h.emulator.client();
    h.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "CreateTrainingJobCommand" && !raced) {
          raced = true;
          const input = args.input as CreateTrainingJobCommandInput;
          const Tags = input.Tags?.map((t) => (t.Key === "sagerun:run-id" ? { ...t, Value: "another-process" } : t));
          await other.send(new CreateTrainingJobCommand({ ...input, Tags }));
        }
        return next(args);
      },
      { step: "initialize", name: "sagerunTestRacer" },
    );
  }

  it('applies the policy again: "timestamp" moves on to a suffixed name', async () => {
    const h = emulatorHarness(fast);
    racer(h);
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client: h.client, clock: h.clock });
    expect(result.jobName).toBe(`nightly-${TS}`);
    expect(h.count("CreateTrainingJobCommand")).toBe(2);
  });

  it('applies the policy again: "fail" throws NameConflictError', async () => {
    const h = emulatorHarness(fast);
    racer(h);
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client: h.client, clock: h.clock, onExists: "fail" });
    await expect(run).rejects.toThrow(NameConflictError);
  });

  it('applies the policy again: "reattach" waits for the job the other process created', async () => {
    const h = emulatorHarness(fast);
    racer(h);
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      onExists: "reattach",
    });
    expect(result).toMatchObject({ jobName: "nightly", created: false });
    expect(result.description.TrainingJobStatus).toBe("Completed");
  });
});
