import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, faultyClient, trainingJobRequest, type Harness } from "../../test/fixtures.js";
import { WaitFailedError } from "../errors/index.js";
import { trainingJob } from "../job-kinds/training.js";
import { waitForJob } from "./wait-for-job.js";

const durations = { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 600, uploadingSeconds: 30, stoppingSeconds: 30 };

async function started(h: Harness, name = "watched"): Promise<string> {
  await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
  h.calls.length = 0;
  return name;
}

const statusOf = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;

/** Throttles the first `n` DescribeTrainingJob answers; everything else goes through. */
const throttledDescribes = (h: Harness, n: number) =>
  faultyClient(h, (operation, nth) => (operation === "DescribeTrainingJob" && nth <= n ? "ThrottlingException" : undefined));

describe("waitForJob when waiting itself fails", () => {
  it("after 8 transient errors in a row throws WaitFailedError naming the job, and stops it (stopOnError)", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const err = await waitForJob(trainingJob, name, { client: throttledDescribes(h, 100), clock: h.clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitFailedError);
    expect(err).toMatchObject({ code: "WaitFailed", jobName: name, during: "describe", stopRequested: true, description: undefined });
    expect((err as WaitFailedError).cause).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded" });
    expect((err as Error).message).toMatch(
      /^Failed to wait for training job 'watched': its status check \(Describe\) failed 8 times in a row \(ThrottlingException: Rate exceeded\)/,
    );
    expect(h.count("DescribeTrainingJobCommand")).toBe(8);
    expect(h.count("StopTrainingJobCommand")).toBe(1);
    expect(await statusOf(h, name)).toBe("Stopping");
  });

  it("leaves the job running with stopOnError: false, and says how to resume", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const err = await waitForJob(trainingJob, name, { client: throttledDescribes(h, 100), clock: h.clock, stopOnError: false }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "WaitFailed", stopRequested: false });
    expect((err as Error).message).toContain(`waitForJob(trainingJob, "${name}", …)`);
    expect(h.count("StopTrainingJobCommand")).toBe(0);
    expect(await statusOf(h, name)).toBe("InProgress");
  });

  it("reports the last status it read before Describe started failing (checks at 0, 30, 60 s answered)", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const client = faultyClient(h, (operation, nth) => (operation === "DescribeTrainingJob" && nth >= 4 ? "InternalFailure" : undefined));
    const err = await waitForJob(trainingJob, name, { client, clock: h.clock }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "WaitFailed", lastStatus: "InProgress", lastSecondaryStatus: "Downloading" });
    expect((err as WaitFailedError).description).toMatchObject({ TrainingJobName: name, SecondaryStatus: "Downloading" });
  });

  it("wraps a non-retryable Describe error at once (a job that does not exist)", async () => {
    const h = emulatorHarness({ durations });
    const err = await waitForJob(trainingJob, "nobody", { client: h.client, clock: h.clock }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "WaitFailed", jobName: "nobody", stopRequested: false });
    expect((err as WaitFailedError).cause).toMatchObject({ name: "ValidationException" });
    expect(h.count("DescribeTrainingJobCommand")).toBe(1);
  });

  it("ends the wait when onStatusChange throws: WaitFailedError with the callback's error, and the job stopped", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const bug = new TypeError("Cannot read properties of undefined (reading 'toFixed')");
    const onStatusChange = (e: { secondaryStatus?: string }) => {
      if (e.secondaryStatus === "Training") throw bug;
    };
    const err = await waitForJob(trainingJob, name, { client: h.client, clock: h.clock, onStatusChange }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitFailedError);
    expect(err).toMatchObject({ during: "onStatusChange", jobName: name, lastSecondaryStatus: "Training", stopRequested: true });
    expect((err as Error).cause).toBe(bug);
    expect(await statusOf(h, name)).toBe("Stopping");
  });
});

describe("waitForJob aborted while a Describe is in flight", () => {
  it("rejects with the reason without waiting for the answer, and stops the job", async () => {
    const h = emulatorHarness({ durations });
    const name = await started(h);
    const controller = new AbortController();
    let describes = 0;
    h.client.middlewareStack.add(
      (next, context) => async (args) => {
        // The third status check hangs until the caller gives up: the answer never comes.
        if (context.commandName === "DescribeTrainingJobCommand" && ++describes === 3) {
          controller.abort("cancelled mid-call");
          return new Promise<never>(() => undefined);
        }
        return next(args);
      },
      { step: "initialize", name: "sagerunTestHang" },
    );
    await expect(waitForJob(trainingJob, name, { client: h.client, clock: h.clock, signal: controller.signal })).rejects.toBe(
      "cancelled mid-call",
    );
    expect(h.count("StopTrainingJobCommand")).toBe(1);
  });
});
