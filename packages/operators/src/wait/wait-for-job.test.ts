import { CreateTrainingJobCommand, DescribeTrainingJobCommand, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, faultyClient, trainingJobRequest, type Harness } from "../../test/fixtures.js";
import { WaitTimeoutError } from "../errors/index.js";
import { trainingJob } from "../job-kinds/training.js";
import { waitForJob } from "./wait-for-job.js";
import { watchJob, type JobStatusEvent } from "./watch-job.js";

// Transitions at 60 s (Downloading), 90 s (Training), 690 s (Uploading), 720 s (Completed):
// multiples of the 30 s interval, so each change is seen exactly when it happens.
const durations = { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 600, uploadingSeconds: 30, stoppingSeconds: 30 };

async function started(h: Harness, name = "watched"): Promise<string> {
  await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
  h.calls.length = 0;
  return name;
}

async function statusOf(h: Harness, name: string): Promise<string | undefined> {
  return (await h.emulator.client().send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;
}

const brief = (e: JobStatusEvent): string => `${e.time} ${e.status}/${e.secondaryStatus ?? "-"}`;

describe(waitForJob.name, () => {
  it("emits one event per (status, secondary status) change, in order, at virtual times", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const events: JobStatusEvent[] = [];
    const final = await waitForJob(trainingJob, name, { client: h.client, clock: h.clock, onStatusChange: (e) => events.push(e) });
    expect(events.map(brief)).toEqual([
      "2026-01-01T00:00:00.000Z InProgress/Starting",
      "2026-01-01T00:01:00.000Z InProgress/Downloading",
      "2026-01-01T00:01:30.000Z InProgress/Training",
      "2026-01-01T00:11:30.000Z InProgress/Uploading",
      "2026-01-01T00:12:00.000Z Completed/Completed",
    ]);
    expect(events.every((e) => e.jobName === name && e.description.TrainingJobName === name)).toBe(true);
    expect(final.TrainingJobStatus).toBe("Completed");
    // First check at once, then every 30 s: 0, 30, …, 720 s.
    expect(h.count("DescribeTrainingJobCommand")).toBe(25);
  });

  it("times out at maxWaitSeconds on the clock, stops the job, and reports what it saw", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const wait = waitForJob(trainingJob, name, { client: h.client, clock: h.clock, maxWaitSeconds: 100 });
    const err = await wait.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    // Checks at 0, 30, 60, 90 and a last one exactly at the 100 s deadline.
    expect(err).toMatchObject({
      code: "WaitTimeout",
      limit: "maxWaitSeconds",
      attempts: 5,
      elapsedMs: 100_000,
      lastStatus: "InProgress",
      lastSecondaryStatus: "Training",
      observedStatuses: { "InProgress/Starting": 2, "InProgress/Downloading": 1, "InProgress/Training": 2 },
      stopRequested: true,
    });
    expect(h.count("StopTrainingJobCommand")).toBe(1);
    expect(await statusOf(h, name)).toBe("Stopping");
  });

  it("times out after maxAttempts status checks", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const err = await waitForJob(trainingJob, name, { client: h.client, clock: h.clock, maxAttempts: 3 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "WaitTimeout", limit: "maxAttempts", attempts: 3, elapsedMs: 60_000 });
    expect(h.count("DescribeTrainingJobCommand")).toBe(3);
  });

  it("leaves the job running on timeout when stopOnTimeout is false", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const err = await waitForJob(trainingJob, name, { client: h.client, clock: h.clock, maxAttempts: 1, stopOnTimeout: false }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "WaitTimeout", stopRequested: false });
    expect(h.count("StopTrainingJobCommand")).toBe(0);
    expect(await statusOf(h, name)).toBe("InProgress");
  });

  it("on abort sends StopTrainingJob, then rejects with the signal's reason", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const controller = new AbortController();
    const reason = new Error("the DAG run was cancelled");
    const wait = waitForJob(trainingJob, name, {
      client: h.client,
      clock: h.clock,
      signal: controller.signal,
      onStatusChange: (e) => {
        if (e.secondaryStatus === "Training") controller.abort(reason);
      },
    });
    await expect(wait).rejects.toBe(reason);
    expect(h.calls.at(-1)).toBe("StopTrainingJobCommand");
    expect(await statusOf(h, name)).toBe("Stopping");
  });

  it("on abort of an already finished job ignores SageMaker's 'already terminal' ValidationException", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    await h.clock.advance(3600_000);
    const controller = new AbortController();
    controller.abort("enough");
    await expect(waitForJob(trainingJob, name, { client: h.client, clock: h.clock, signal: controller.signal })).rejects.toBe("enough");
    expect(h.calls).toEqual(["StopTrainingJobCommand"]);
  });

  it("retries throttling and 5xx answers without spending an attempt", async () => {
    const h = emulatorHarness({ durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 30, uploadingSeconds: 30 } });
    const name = await started(h);
    // Answers 2 and 3 fail: a throttle, then an internal failure, as the service sends them.
    const client = flakyClient(h, [2, 3]);
    const final = await waitForJob(trainingJob, name, { client, clock: h.clock, maxAttempts: 5 });
    expect(final.TrainingJobStatus).toBe("Completed"); // 5 successful checks: 0, 30, 60, 90, 120 s (+ backoff)
  });
});

describe("waitForJob and watchJob without a client", () => {
  it("reject with the option that is missing, before any call", async () => {
    const h = emulatorHarness({ durations });
    await expect(waitForJob(trainingJob, "nightly", { clock: h.clock } as never)).rejects.toThrow(/^Option client is missing\./);
    await expect(watchJob(trainingJob, "nightly", { client: h.client } as never).next()).rejects.toThrow(/^Option clock is missing\./);
    expect(h.calls).toEqual([]);
  });
});

describe(watchJob.name, () => {
  it("streams status changes as an async iterable and returns the final description", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const stream = watchJob(trainingJob, name, { client: h.client, clock: h.clock });
    const seen: string[] = [];
    let next = await stream.next();
    while (!next.done) {
      seen.push(`${next.value.status}/${next.value.secondaryStatus}`);
      next = await stream.next();
    }
    expect(seen).toEqual([
      "InProgress/Starting",
      "InProgress/Downloading",
      "InProgress/Training",
      "InProgress/Uploading",
      "Completed/Completed",
    ]);
    expect(next.value.TrainingJobStatus).toBe("Completed");
  });

  it("stops watching, not the job, when the consumer breaks out", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    for await (const event of watchJob(trainingJob, name, { client: h.client, clock: h.clock })) {
      if (event.secondaryStatus === "Downloading") break;
    }
    expect(h.count("StopTrainingJobCommand")).toBe(0);
    expect(await statusOf(h, name)).toBe("InProgress");
  });
});

/** Answers number `failing` (1-based, over all requests) alternate between a throttle and a 500. */
function flakyClient(h: Harness, failing: readonly number[]): SageMakerClient {
  return faultyClient(h, (_operation, _nth, total) =>
    failing.includes(total) ? (total % 2 === 0 ? "ThrottlingException" : "InternalFailure") : undefined,
  );
}
