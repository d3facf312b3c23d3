import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { DEFAULT_VIRTUAL_START } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest, type Harness } from "../test/fixtures.js";
import { runTrainingJob } from "./run-training-job.js";

const fast = { durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 60, uploadingSeconds: 30 } };
const TS = String(DEFAULT_VIRTUAL_START / 1000);

/** Aborts `controller` when the `nth` call of `command` starts, before it reaches the service. */
function abortOn(h: Harness, command: string, nth: number, controller: AbortController, reason: unknown): void {
  let seen = 0;
  h.client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === command && ++seen === nth) controller.abort(reason);
      return next(args);
    },
    { step: "initialize", name: "sagerunTestAbortOn" },
  );
}

async function precreate(h: Harness, ...names: string[]): Promise<void> {
  for (const name of names) await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
  h.calls.length = 0;
}

const statusOf = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;

describe("runJob aborted while a call is in flight", () => {
  it.each([true, false])(
    "an abort during Create stops the new job and rejects with the reason (waitForCompletion %s)",
    async (waitForCompletion) => {
      const h = emulatorHarness(fast);
      const controller = new AbortController();
      const reason = new Error("task killed");
      abortOn(h, "CreateTrainingJobCommand", 1, controller, reason);
      const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "racing" }), {
        client: h.client,
        clock: h.clock,
        signal: controller.signal,
        waitForCompletion,
      });
      await expect(run).rejects.toBe(reason);
      expect(h.count("StopTrainingJobCommand")).toBe(1);
      expect(await statusOf(h, "racing")).toBe("Stopping");
    },
  );

  it("an abort during the name check creates nothing", async () => {
    const h = emulatorHarness(fast);
    const controller = new AbortController();
    abortOn(h, "DescribeTrainingJobCommand", 1, controller, "stop");
    await expect(runTrainingJob(trainingJobRequest(), { client: h.client, clock: h.clock, signal: controller.signal })).rejects.toBe(
      "stop",
    );
    expect(h.calls).toEqual(["DescribeTrainingJobCommand"]);
  });

  it('an abort during the "timestamp" policy\'s one-second sleep creates nothing', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly", `nightly-${TS}`);
    const controller = new AbortController();
    void h.clock.sleep(500).then(() => controller.abort("half a second in"));
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      signal: controller.signal,
    });
    await expect(run).rejects.toBe("half a second in");
    expect(h.calls).toEqual(["DescribeTrainingJobCommand", "DescribeTrainingJobCommand"]);
    expect(h.clock.now()).toBe(DEFAULT_VIRTUAL_START + 500);
  });
});

describe("runJob's stopOnAbort", () => {
  it('leaves a reattached job running by default: another process may be watching it (onExists "reattach")', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "shared");
    const controller = new AbortController();
    void h.clock.sleep(60_000).then(() => controller.abort("detach"));
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "shared" }), {
      client: h.client,
      clock: h.clock,
      onExists: "reattach",
      signal: controller.signal,
    });
    await expect(run).rejects.toBe("detach");
    expect(h.count("StopTrainingJobCommand")).toBe(0);
    expect(await statusOf(h, "shared")).toBe("InProgress");
  });

  it("stops a reattached job when stopOnAbort is true", async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "shared");
    const controller = new AbortController();
    void h.clock.sleep(60_000).then(() => controller.abort("stop it"));
    const options = { client: h.client, clock: h.clock, onExists: "reattach" as const, signal: controller.signal, stopOnAbort: true };
    await expect(runTrainingJob(trainingJobRequest({ TrainingJobName: "shared" }), options)).rejects.toBe("stop it");
    expect(await statusOf(h, "shared")).toBe("Stopping");
  });

  it("leaves a job it created running when stopOnAbort is false", async () => {
    const h = emulatorHarness(fast);
    const controller = new AbortController();
    void h.clock.sleep(60_000).then(() => controller.abort("detach"));
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "mine" }), {
      client: h.client,
      clock: h.clock,
      signal: controller.signal,
      stopOnAbort: false,
    });
    await expect(run).rejects.toBe("detach");
    expect(await statusOf(h, "mine")).toBe("InProgress");
  });

  it("rejects on an abort during reattach without waiting, and stops nothing", async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "shared");
    const controller = new AbortController();
    abortOn(h, "DescribeTrainingJobCommand", 1, controller, "gone");
    const options = {
      client: h.client,
      clock: h.clock,
      onExists: "reattach" as const,
      signal: controller.signal,
      waitForCompletion: false,
    };
    await expect(runTrainingJob(trainingJobRequest({ TrainingJobName: "shared" }), options)).rejects.toBe("gone");
    expect(h.count("StopTrainingJobCommand")).toBe(0);
  });
});
