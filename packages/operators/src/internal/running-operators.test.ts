import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest, type Harness } from "../../test/fixtures.js";
import { trainingJob } from "../job-kinds/training.js";
import { runTrainingJob } from "../run-training-job.js";
import { waitForJob } from "../wait/wait-for-job.js";
import { watchJob } from "../wait/watch-job.js";
import { abortRunning, runningOperators } from "./running-operators.js";

const durations = { startingSeconds: 60, downloadingSeconds: 30, trainingSeconds: 600, uploadingSeconds: 30, stoppingSeconds: 30 };

const statusOf = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus;

describe(abortRunning.name, () => {
  it("aborts every running operator: each stops the job it created, rejects with the reason, and is then gone", async () => {
    const h = emulatorHarness({ durations });
    await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "watched" })));
    const reason = new DOMException("shutting down", "AbortError");
    const started: string[] = [];
    const onStatusChange = (e: { jobName: string }) => void started.push(e.jobName);
    const runs = [
      runTrainingJob(trainingJobRequest({ TrainingJobName: "mine" }), { client: h.client, clock: h.clock, onStatusChange }),
      waitForJob(trainingJob, "watched", { client: h.client, clock: h.clock, onStatusChange }),
    ].map((run) => run.catch((e: unknown) => e));
    while (started.length < 2) await h.clock.sleep(1);
    expect(runningOperators()).toBe(2);
    await abortRunning(reason);
    expect(await Promise.all(runs)).toEqual([reason, reason]);
    expect(await statusOf(h, "mine")).toBe("Stopping");
    expect(await statusOf(h, "watched")).toBe("Stopping");
    expect(runningOperators()).toBe(0);
  });

  it("leaves a job that runJob reattached to running: it may be another process's (stopOnAbort defaults to false there)", async () => {
    const h = emulatorHarness({ durations });
    await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "shared" })));
    let seen = false;
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "shared" }), {
      client: h.client,
      clock: h.clock,
      onExists: "reattach",
      onStatusChange: () => {
        seen = true;
      },
    }).catch((e: unknown) => e);
    while (!seen) await h.clock.sleep(1);
    await abortRunning("shutting down");
    expect(await run).toBe("shutting down");
    expect(await statusOf(h, "shared")).toBe("InProgress");
  });

  it("ends a watchJob loop the consumer is awaiting, after stopping its job", async () => {
    const h = emulatorHarness({ durations });
    await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "streamed" })));
    const seen: string[] = [];
    const consumed = (async () => {
      for await (const event of watchJob(trainingJob, "streamed", { client: h.client, clock: h.clock })) seen.push(event.status);
    })().catch((e: unknown) => e);
    while (seen.length === 0) await h.clock.sleep(1);
    await abortRunning("shutting down");
    expect(await consumed).toBe("shutting down");
    expect(await statusOf(h, "streamed")).toBe("Stopping");
    expect(runningOperators()).toBe(0);
  });
});
