import { describe, expect, it } from "vitest";
import { emulatorHarness, type Harness } from "../../test/fixtures.js";
import { fastTraining, inProgressTrainingJobs, processClient, rejection, trainStep } from "../../test/pipeline-fixtures.js";
import { definePipeline } from "./define-pipeline.js";
import { runPipeline } from "./run-pipeline.js";
import { step } from "./step.js";

// What a run knows lives in SageMaker alone: each test builds the pipeline afresh per "process".
function nightly() {
  const prepare = trainStep("prepare");
  const train = trainStep("train", [prepare]);
  const report = step({ id: "report", dependsOn: [train], run: (ctx) => ctx.results.train.description.TrainingJobStatus });
  return definePipeline({ name: "nightly", steps: [prepare, train, report] });
}

const creates = (h: Harness): number => h.emulator.requests().filter((r) => r.operation === "CreateTrainingJob").length;

describe("runPipeline resuming a run by its id", () => {
  it("reattaches to the job a dead process left running and reuses the completed one: no second CreateTrainingJob", async () => {
    const h = emulatorHarness(fastTraining);

    // Process 1 dies while `train` trains: its connections are gone, so it cannot even stop the job.
    const first = processClient(h);
    const crash = new AbortController();
    const died = await rejection(
      runPipeline(nightly(), {
        client: first.client,
        clock: h.clock,
        runId: "2026-01-01",
        signal: crash.signal,
        onEvent: (e) => {
          if (e.type === "job-status" && e.stepId === "train" && e.secondaryStatus === "Training") {
            first.sever();
            crash.abort(new Error("killed"));
          }
        },
      }),
    );
    expect(died.run.steps.prepare?.state).toBe("succeeded");
    expect(died.run.steps.train?.state).toBe("cancelled");
    expect(await inProgressTrainingJobs(h.client)).toEqual(["nightly-2026-01-01-train"]);
    expect(h.count("CreateTrainingJobCommand")).toBe(2);

    // Process 2: new clients, nothing kept from process 1 but the run id.
    const second = processClient(h);
    const before = h.count("CreateTrainingJobCommand");
    const run = await runPipeline(nightly(), { client: second.client, clock: h.clock, runId: "2026-01-01" });
    expect(h.count("CreateTrainingJobCommand")).toBe(before);
    expect(creates(h)).toBe(2);
    expect(run.outcome).toBe("succeeded");
    expect(run.steps.prepare).toMatchObject({ state: "succeeded", result: { created: false, jobName: "nightly-2026-01-01-prepare" } });
    expect(run.steps.train).toMatchObject({ state: "succeeded", result: { created: false, jobName: "nightly-2026-01-01-train" } });
    expect(run.steps.report).toMatchObject({ state: "succeeded", result: "Completed" });
    expect(await inProgressTrainingJobs(h.client)).toEqual([]);
  });

  it("reuses every job of a run that already succeeded, and a new run id starts new jobs", async () => {
    const h = emulatorHarness(fastTraining);
    await runPipeline(nightly(), { client: h.client, clock: h.clock, runId: "r1" });
    expect(creates(h)).toBe(2);
    const again = await runPipeline(nightly(), { client: processClient(h).client, clock: h.clock, runId: "r1" });
    expect(creates(h)).toBe(2);
    expect(again.steps.train).toMatchObject({ state: "succeeded", result: { created: false } });
    await runPipeline(nightly(), { client: h.client, clock: h.clock, runId: "r2" });
    expect(creates(h)).toBe(4);
  });
});
