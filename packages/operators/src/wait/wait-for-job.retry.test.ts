import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest, type Harness } from "../../test/fixtures.js";
import { injectFaults, seededRandom, type Fault, type FaultRule } from "../../test/wire-faults.js";
import { WaitFailedError, WaitTimeoutError } from "../errors/index.js";
import { trainingJob } from "../job-kinds/training.js";
import { waitForJob } from "./wait-for-job.js";
import { watchJob, type JobRetryEvent } from "./watch-job.js";

// Completed after 60 + 30 + 600 + 30 s: status checks at 0, 30, … 720 s when nothing fails.
const durations = { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 600, uploadingSeconds: 30 };
const DESCRIBE = "DescribeTrainingJobCommand";

async function started(h: Harness, name = "watched"): Promise<string> {
  await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
  return name;
}

/** Fails the DescribeTrainingJob sends numbered in `plan` (from 1) with the fault given there. */
const describes =
  (plan: Readonly<Record<number, Fault>>, when: "before" | "after" = "before"): FaultRule =>
  (command, nth) =>
    command === DESCRIBE && plan[nth] !== undefined ? { fault: plan[nth], when } : undefined;

/** A seeded jitter source that remembers what it drew. */
function recordedRandom(seed: number): { random: () => number; draws: number[] } {
  const next = seededRandom(seed);
  const draws: number[] = [];
  return {
    random: () => {
      const draw = next();
      draws.push(draw);
      return draw;
    },
    draws,
  };
}

/** Full jitter: floor(draw × min(cap, base × 2^(attempt − 1))), in milliseconds. */
const backoff = (draw: number, attempt: number, baseMs = 1000, capMs = 30_000) =>
  Math.floor(draw * Math.min(capMs, baseMs * 2 ** (attempt - 1)));

const statusOf = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;

describe("waitForJob against a service that throttles, fails and drops connections", () => {
  it("retries throttling, 5xx and network errors on the virtual clock with full-jitter back-off, reports each, and completes", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const faults: Record<number, Fault> = {
      2: "ThrottlingException",
      3: "ThrottledException",
      4: "TooManyRequestsException",
      5: "RequestLimitExceeded",
      6: "InternalFailure",
      8: "ECONNRESET",
      9: "ETIMEDOUT",
      10: "TimeoutError",
      11: "ServiceUnavailable",
    };
    const wire = injectFaults(h.client, h.clock, describes(faults));
    const { random, draws } = recordedRandom(7);
    const retries: JobRetryEvent[] = [];
    const start = h.clock.now();

    const description = await waitForJob(trainingJob, name, {
      client: h.client,
      clock: h.clock,
      retry: { random },
      onRetry: (event) => void retries.push(event),
    });

    expect(description.TrainingJobStatus).toBe("Completed");
    expect(retries.map((r) => [r.error, r.attempt])).toEqual([
      ["ThrottlingException", 1],
      ["ThrottledException", 2],
      ["TooManyRequestsException", 3],
      ["RequestLimitExceeded", 4],
      ["InternalFailure", 5],
      ["ECONNRESET", 1], // a status check in between answered: the count starts again
      ["ETIMEDOUT", 2],
      ["TimeoutError", 3],
      ["ServiceUnavailable", 4],
    ]);
    expect(retries.every((r) => r.type === "retry" && r.request === "describe" && r.jobName === name)).toBe(true);
    // One draw per back-off, and each delay is the full-jitter window of its attempt times the draw.
    expect(draws).toHaveLength(9);
    const expectedMs = retries.map((r, i) => backoff(draws[i]!, r.attempt));
    expect(retries.map((r) => r.delaySeconds * 1000)).toEqual(expectedMs);
    // The sends are spaced by exactly those delays on the virtual clock: check, 30 s, retries…
    const times = wire.times(DESCRIBE).map((t) => t - start);
    const failed = Object.keys(faults).map(Number);
    failed.forEach((nth, i) => {
      expect(times[nth]! - times[nth - 1]!, `send ${nth + 1} after failed send ${nth}`).toBe(expectedMs[i]);
      expect(retries[i]!.time).toBe(new Date(start + times[nth - 1]!).toISOString());
    });
    expect(times[1]).toBe(30_000);
  });

  it("counts the retries so far in each status event (answers lost after the service acted count too)", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    injectFaults(h.client, h.clock, describes({ 2: "ThrottlingException", 3: "InternalFailure", 5: "ECONNRESET" }, "after"));
    const seen: string[] = [];
    for await (const event of watchJob(trainingJob, name, { client: h.client, clock: h.clock, retry: { random: () => 0.5 } })) {
      seen.push(`${event.type === "status" ? event.secondaryStatus : ""} retries=${event.type === "status" ? event.retries : ""}`);
    }
    // Checks at 0 s (Starting); 30 s lost, 30.5 s lost, 31.5 s (Starting again); 61.5 s lost, 62 s (Downloading)…
    expect(seen).toEqual([
      "Starting retries=0",
      "Downloading retries=3",
      "Training retries=3",
      "Uploading retries=3",
      "Completed retries=3",
    ]);
  });

  it("ends at the deadline when the throttling never stops: the last back-off is cut to it, and the retries are counted", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const wire = injectFaults(h.client, h.clock, (command, nth) =>
      command === DESCRIBE && nth > 1 ? { fault: "ThrottlingException", when: "before" } : undefined,
    );
    const retries: JobRetryEvent[] = [];
    const start = h.clock.now();
    const err = await waitForJob(trainingJob, name, {
      client: h.client,
      clock: h.clock,
      maxWaitSeconds: 100,
      retry: { maxConsecutiveFailures: Infinity, random: () => 0.999 },
      onRetry: (event) => void retries.push(event),
    }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err).toMatchObject({ limit: "maxWaitSeconds", attempts: 1, elapsedMs: 100_000, stopRequested: true });
    expect((err as WaitTimeoutError).cause).toMatchObject({ name: "ThrottlingException" });
    expect((err as WaitTimeoutError).observedStatuses).toEqual({
      "InProgress/Starting": 1,
      "error ThrottlingException": wire.sends(DESCRIBE) - 1,
    });
    // Back-offs of 0.999 × 1, 2, 4, 8, 16, 30 … s from the check at 30 s, the last one ending on the deadline.
    const delays = retries.map((r) => r.delaySeconds);
    expect(delays.slice(0, 6)).toEqual([0.999, 1.998, 3.996, 7.992, 15.984, 29.97]);
    expect(30 + delays.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    expect(h.clock.now() - start).toBe(100_000);
    expect(await statusOf(h, name)).toBe("Stopping");
  });

  it("gives up after retry.maxConsecutiveFailures transient errors in a row with WaitFailedError", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const wire = injectFaults(h.client, h.clock, describes({ 1: "ServiceUnavailable", 2: "ServiceUnavailable", 3: "ServiceUnavailable" }));
    const err = await waitForJob(trainingJob, name, { client: h.client, clock: h.clock, retry: { maxConsecutiveFailures: 3 } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WaitFailedError);
    expect((err as Error).message).toMatch(
      /its status check \(Describe\) failed 3 times in a row \(ServiceUnavailable: ServiceUnavailable\)/,
    );
    expect(wire.sends(DESCRIBE)).toBe(3);
  });

  it.each(["AccessDeniedException", "ValidationException"] as const)("fails at once on %s, which retrying will not fix", async (code) => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    // ValidationException: the real one, for a job that does not exist.
    const target = code === "ValidationException" ? "nobody" : name;
    const wire = injectFaults(h.client, h.clock, code === "AccessDeniedException" ? describes({ 2: code }) : () => undefined);
    const retries: JobRetryEvent[] = [];
    const err = await waitForJob(trainingJob, target, { client: h.client, clock: h.clock, onRetry: (e) => void retries.push(e) }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "WaitFailed", during: "describe" });
    expect((err as WaitFailedError).cause).toMatchObject({ name: code });
    expect(wire.sends(DESCRIBE)).toBe(code === "AccessDeniedException" ? 2 : 1);
    expect(retries).toEqual([]);
  });

  it("ends the wait with WaitFailedError when onRetry throws, and stops the job", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    injectFaults(h.client, h.clock, describes({ 2: "ThrottlingException" }));
    const bug = new Error("metrics backend down");
    const err = await waitForJob(trainingJob, name, {
      client: h.client,
      clock: h.clock,
      onRetry: () => {
        throw bug;
      },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "WaitFailed", during: "onRetry", stopRequested: true, lastSecondaryStatus: "Starting" });
    expect((err as Error).cause).toBe(bug);
    expect(await statusOf(h, name)).toBe("Stopping");
  });
});
