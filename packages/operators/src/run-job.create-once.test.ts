import { CreateTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest, type Harness } from "../test/fixtures.js";
import { injectFaults, type Fault } from "../test/wire-faults.js";
import { runTrainingJob } from "./run-training-job.js";
import type { JobRetryEvent } from "./wait/watch-job.js";

const fast = { durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 60, uploadingSeconds: 30 } };
const CREATE = "CreateTrainingJobCommand";
const DESCRIBE = "DescribeTrainingJobCommand";

const trainingJobs = (h: Harness): unknown[] => h.emulator.state().trainingJobs ?? [];

/** An emulator client that retries like the SDK's default (3 attempts), so a blind retry would show on the wire. */
const retryingClient = (h: Harness) => h.emulator.client({ maxAttempts: 3 });

describe("runJob sends Create once", () => {
  it("the fault middleware sits inside the SDK's retry loop: a plain send of a Create whose answer is lost goes twice", async () => {
    const h = emulatorHarness(fast);
    const client = retryingClient(h);
    const wire = injectFaults(client, h.clock, (command, nth) =>
      command === CREATE && nth === 1 ? { fault: "ECONNRESET", when: "after" } : undefined,
    );
    // The SDK retries the reset connection, and its retry meets the job the first send created.
    await expect(client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "plain" })))).rejects.toMatchObject({
      name: "ResourceInUse",
    });
    expect(wire.sends(CREATE)).toBe(2);
  });

  it.each<Fault>(["ECONNRESET", "TimeoutError", "InternalFailure", "ServiceUnavailable"])(
    "when the service created the job but the answer was lost (%s): finds it by Describe, by its run id, and waits for it",
    async (fault) => {
      const h = emulatorHarness(fast);
      const client = retryingClient(h);
      const wire = injectFaults(client, h.clock, (command, nth) =>
        command === CREATE && nth === 1 ? { fault, when: "after" } : undefined,
      );
      const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client, clock: h.clock, runId: "run-1" });
      expect(result).toMatchObject({ jobName: "nightly", created: true, description: { TrainingJobStatus: "Completed" } });
      expect(wire.sends(CREATE)).toBe(1);
      expect(trainingJobs(h)).toHaveLength(1);
      expect(wire.sends("ListTagsCommand")).toBe(1); // the run-id check
    },
  );

  it("with tagRunId: false, reattaches to the job found under the name (it was free just before)", async () => {
    const h = emulatorHarness(fast);
    const client = retryingClient(h);
    const wire = injectFaults(client, h.clock, (command, nth) =>
      command === CREATE && nth === 1 ? { fault: "InternalFailure", when: "after" } : undefined,
    );
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client, clock: h.clock, tagRunId: false });
    expect(result).toMatchObject({ jobName: "nightly", created: true, description: { TrainingJobStatus: "Completed" } });
    expect(wire.sends(CREATE)).toBe(1);
    expect(trainingJobs(h)).toHaveLength(1);
  });

  it("retries the Describe check itself when it is throttled, on the clock, and reports it", async () => {
    const h = emulatorHarness(fast);
    // No SDK retries here: they would absorb the throttled Describes before sagerun sees them.
    const client = h.emulator.client();
    // Describe 1 is the name check before Create; 2 and 3 are the check after the lost answer.
    const wire = injectFaults(client, h.clock, (command, nth) => {
      if (command === CREATE && nth === 1) return { fault: "ECONNRESET", when: "after" };
      if (command === DESCRIBE && (nth === 2 || nth === 3)) return { fault: "ThrottlingException", when: "before" };
      return undefined;
    });
    const retries: JobRetryEvent[] = [];
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client,
      clock: h.clock,
      retry: { random: () => 0.5 },
      onRetry: (event) => void retries.push(event),
    });
    expect(result).toMatchObject({ created: true, description: { TrainingJobStatus: "Completed" } });
    expect(retries.map((r) => [r.request, r.error, r.attempt, r.delaySeconds])).toEqual([
      ["describe", "ThrottlingException", 1, 0.5],
      ["describe", "ThrottlingException", 2, 1],
    ]);
    const [, second, third, fourth] = wire.times(DESCRIBE);
    expect([third! - second!, fourth! - third!]).toEqual([500, 1000]);
    expect(wire.sends(CREATE)).toBe(1);
  });

  it("sends a throttled Create again only after Describe shows no job, after the back-off on the clock", async () => {
    const h = emulatorHarness(fast);
    const client = retryingClient(h);
    const wire = injectFaults(client, h.clock, (command, nth) =>
      command === CREATE && nth === 1 ? { fault: "ThrottlingException", when: "before" } : undefined,
    );
    const retries: JobRetryEvent[] = [];
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client,
      clock: h.clock,
      retry: { random: () => 0.25 },
      onRetry: (event) => void retries.push(event),
    });
    expect(result).toMatchObject({ jobName: "nightly", created: true, description: { TrainingJobStatus: "Completed" } });
    expect(retries).toEqual([
      {
        type: "retry",
        jobName: "nightly",
        request: "create",
        error: "ThrottlingException",
        attempt: 1,
        delaySeconds: 0.25,
        time: expect.any(String),
      },
    ]);
    // Refused, looked up (Describe 2: no job), sent again 250 ms later on the virtual clock.
    const [first, second] = wire.times(CREATE);
    expect(second! - first!).toBe(250);
    expect(wire.sends(CREATE)).toBe(2);
    expect(wire.sends(DESCRIBE)).toBeGreaterThanOrEqual(2);
    expect(trainingJobs(h)).toHaveLength(1);
  });

  it("throws the error of a lost Create that created nothing, without sending it again", async () => {
    const h = emulatorHarness(fast);
    const client = retryingClient(h);
    const wire = injectFaults(client, h.clock, (command) =>
      command === CREATE ? { fault: "InternalFailure", when: "before" } : undefined,
    );
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client, clock: h.clock });
    await expect(run).rejects.toMatchObject({ name: "InternalFailure" });
    expect(wire.sends(CREATE)).toBe(1);
    expect(trainingJobs(h)).toHaveLength(0);
  });

  it("gives up on a Create throttled retry.maxConsecutiveFailures times, with the throttling error", async () => {
    const h = emulatorHarness(fast);
    const client = retryingClient(h);
    const wire = injectFaults(client, h.clock, (command) =>
      command === CREATE ? { fault: "TooManyRequestsException", when: "before" } : undefined,
    );
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client,
      clock: h.clock,
      retry: { maxConsecutiveFailures: 3 },
    });
    await expect(run).rejects.toMatchObject({ name: "TooManyRequestsException" });
    expect(wire.sends(CREATE)).toBe(3);
    expect(trainingJobs(h)).toHaveLength(0);
  });
});
