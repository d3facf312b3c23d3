import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { emulatorHarness } from "../../test/fixtures.js";
import { eventLog, fastTraining, inProgressTrainingJobs, rejection, trainStep } from "../../test/pipeline-fixtures.js";
import { JobFailedError } from "../errors/index.js";
import { abortRunning, runningOperators } from "../internal/running-operators.js";
import { definePipeline } from "./define-pipeline.js";
import { runPipeline } from "./run-pipeline.js";
import { step } from "./step.js";

const doomed = { match: { name: /-bad$/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } } as const;

describe(runPipeline.name, () => {
  it("starts a step only after its dependencies succeeded and runs independent branches side by side", async () => {
    const h = emulatorHarness(fastTraining);
    const prepare = trainStep("prepare");
    const left = trainStep("left", [prepare]);
    const right = trainStep("right", [prepare]);
    const join = trainStep("join", [left, right]);
    const log = eventLog();
    const run = await runPipeline(definePipeline({ name: "diamond", steps: [prepare, left, right, join] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      onEvent: log.onEvent,
    });
    expect(run.outcome).toBe("succeeded");
    expect(log.steps("step-started")).toEqual(["prepare", "left", "right", "join"]);
    const order = log.events.map((e) => ("stepId" in e && e.type.startsWith("step-") ? `${e.type}:${e.stepId}` : e.type));
    expect(order.indexOf("step-started:left")).toBeGreaterThan(order.indexOf("step-succeeded:prepare"));
    expect(order.indexOf("step-started:right")).toBeLessThan(order.indexOf("step-succeeded:left")); // side by side
    expect(order.indexOf("step-started:join")).toBeGreaterThan(
      Math.max(order.indexOf("step-succeeded:left"), order.indexOf("step-succeeded:right")),
    );
    // Three rounds of one 150 s job each (plus up to a 10 s check interval per round), not four.
    expect(run.virtualMs).toBeGreaterThanOrEqual(3 * 150_000);
    expect(run.virtualMs).toBeLessThanOrEqual(3 * 160_000);
    expect(run.steps.join).toMatchObject({ state: "succeeded", virtualMs: expect.any(Number), wallMs: expect.any(Number) });
    expect(run.steps.join.startTime! >= run.steps.left.endTime!).toBe(true);
    expect(h.count("CreateTrainingJobCommand")).toBe(4);
  });

  it("runs at most `concurrency` steps at once", async () => {
    const h = emulatorHarness(fastTraining);
    let running = 0;
    let most = 0;
    const steps = ["a", "b", "c", "d", "e"].map((id) =>
      step({
        id,
        run: async (ctx) => {
          most = Math.max(most, ++running);
          try {
            return await trainStep(id).run(ctx);
          } finally {
            running--;
          }
        },
      }),
    );
    const run = await runPipeline(definePipeline({ name: "wide", steps }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      concurrency: 2,
    });
    expect(most).toBe(2);
    expect(Object.values(run.steps).map((s) => s.state)).toEqual(Array(5).fill("succeeded"));
    expect(run.virtualMs).toBeGreaterThanOrEqual(3 * 150_000); // ⌈5 / 2⌉ rounds
  });

  it("hands each step the results of its dependencies, by id and by step", async () => {
    const h = emulatorHarness(fastTraining);
    const train = trainStep("train");
    const report = step({
      id: "report",
      dependsOn: [train],
      run: (ctx) => ({
        status: ctx.results.train.description.TrainingJobStatus,
        same: ctx.result(train) === ctx.results.train,
        jobName: ctx.result("train").jobName,
      }),
    });
    const run = await runPipeline(definePipeline({ name: "nightly", steps: [train, report] }), {
      client: h.client,
      clock: h.clock,
      runId: "2026-01-01",
    });
    expect(run.steps.report).toMatchObject({
      state: "succeeded",
      result: { status: "Completed", same: true, jobName: "nightly-2026-01-01-train" },
    });
    expect(run.steps.train.result.created).toBe(true);
  });

  it("refuses a result the step does not depend on, failing that step", async () => {
    const h = emulatorHarness();
    const a = step({ id: "a", run: () => 1 });
    const b = step({ id: "b", run: (ctx) => ctx.result("a" as never) });
    const err = await rejection(
      runPipeline(definePipeline({ name: "p", steps: [a, b] }), { client: h.client, clock: h.clock, runId: "r" }),
    );
    expect(err.run.steps.b).toMatchObject({
      state: "failed",
      error: new TypeError(
        "Step 'b' asked for the result of [a], which is not in its dependsOn. Please add that step to dependsOn, so that it runs first.",
      ),
    });
  });

  it("skips the steps that depend on a failed one, lets the others finish, and names the failure and its cause", async () => {
    const h = emulatorHarness({ ...fastTraining, rules: [doomed] });
    const bad = trainStep("bad");
    const after = trainStep("after", [bad]);
    const last = trainStep("last", [after]);
    const other = trainStep("other");
    const log = eventLog();
    const failure = await rejection(
      runPipeline(definePipeline({ name: "nightly", steps: [bad, after, last, other] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        onEvent: log.onEvent,
      }),
    );
    expect(failure).toMatchObject({
      code: "PipelineFailed",
      outcome: "failed",
      failedSteps: ["bad"],
      pipelineName: "nightly",
      runId: "r1",
    });
    expect(failure.cause).toBeInstanceOf(JobFailedError);
    expect(failure.cause).toMatchObject({ jobName: "nightly-r1-bad", failureReason: "AlgorithmError: boom" });
    expect(failure.message).toMatch(
      /^Pipeline 'nightly' run 'r1' failed at step 'bad' \(skipped: after, last\): JobFailedError: Training job 'nightly-r1-bad' failed \(status Failed\): AlgorithmError: boom\./,
    );
    const states = Object.fromEntries(Object.entries(failure.run.steps).map(([id, s]) => [id, s.state]));
    expect(states).toEqual({ bad: "failed", after: "skipped", last: "skipped", other: "succeeded" });
    expect(failure.run.steps.last).toMatchObject({ state: "skipped", because: "bad", virtualMs: 0, wallMs: 0 });
    expect(log.steps("step-skipped")).toEqual(["after", "last"]);
    expect(h.count("CreateTrainingJobCommand")).toBe(2);
  });

  it("cancels mid-run: running steps stop their jobs, no other step starts, and no job is left InProgress", async () => {
    const h = emulatorHarness(fastTraining);
    const controller = new AbortController();
    const steps = [trainStep("a"), trainStep("b"), trainStep("c"), trainStep("d", ["a"])];
    const failure = await rejection(
      runPipeline(definePipeline({ name: "nightly", steps }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        signal: controller.signal,
        concurrency: 2,
        onEvent: (e) => {
          if (e.type === "job-status" && e.secondaryStatus === "Training") controller.abort(new Error("enough"));
        },
      }),
    );
    expect(failure).toMatchObject({ outcome: "cancelled", failedSteps: [], cause: new Error("enough") });
    expect(failure.message).toBe("Pipeline 'nightly' run 'r1' was cancelled (cancelled: a, b, c, d): Error: enough");
    expect(failure.run.steps.a).toMatchObject({ state: "cancelled", error: new Error("enough"), startTime: expect.any(String) });
    expect(failure.run.steps.c).toEqual({ state: "cancelled", virtualMs: 0, wallMs: 0 });
    expect(h.count("CreateTrainingJobCommand")).toBe(2);
    expect(h.count("StopTrainingJobCommand")).toBe(2);
    expect(await inProgressTrainingJobs(h.client)).toEqual([]);
  });

  it("starts nothing when the signal has already aborted", async () => {
    const h = emulatorHarness();
    const err = await rejection(
      runPipeline(definePipeline({ name: "p", steps: [trainStep("a")] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        signal: AbortSignal.abort("no"),
      }),
    );
    expect(err).toMatchObject({ outcome: "cancelled", cause: "no" });
    expect(h.calls).toEqual([]);
  });

  it("cancels the run with the error an onEvent throws", async () => {
    const h = emulatorHarness(fastTraining);
    const err = await rejection(
      runPipeline(definePipeline({ name: "p", steps: [trainStep("a")] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        onEvent: (e) => {
          if (e.type === "job-status") throw new Error("view broke");
        },
      }),
    );
    expect(err).toMatchObject({ outcome: "cancelled", cause: new Error("view broke") });
    expect(await inProgressTrainingJobs(h.client)).toEqual([]);
  });

  it("forwards the jobs' status changes as job-status events of their step", async () => {
    const h = emulatorHarness(fastTraining);
    const log = eventLog();
    await runPipeline(definePipeline({ name: "p", steps: [trainStep("a")] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      onEvent: log.onEvent,
    });
    const statuses = log.events.flatMap((e) =>
      e.type === "job-status" ? [`${e.stepId} ${e.jobName} ${e.status}/${e.secondaryStatus}`] : [],
    );
    expect(statuses).toEqual([
      "a p-r1-a InProgress/Starting",
      "a p-r1-a InProgress/Downloading",
      "a p-r1-a InProgress/Training",
      "a p-r1-a InProgress/Uploading",
      "a p-r1-a Completed/Completed",
    ]);
    expect(log.events[0]).toMatchObject({ type: "pipeline-started", steps: [{ id: "a", dependsOn: [] }], concurrency: 4 });
    expect(log.events.at(-1)).toMatchObject({ type: "pipeline-finished", outcome: "succeeded" });
  });

  it("forwards the jobs' log lines as job-log events when the run has a logs client, and hands steps ctx.logs", async () => {
    const h = emulatorHarness(fastTraining);
    const at = h.clock.now() + 70_000; // while training
    void h.clock
      .sleep(70_000)
      .then(() =>
        h.emulator.appendEvents("/aws/sagemaker/TrainingJobs", "p-r1-a/algo-1-1767225601", [
          { timestamp: at, message: "epoch 1 loss 0.3" },
        ]),
      );
    const log = eventLog();
    await runPipeline(definePipeline({ name: "p", steps: [trainStep("a")] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient), drainSeconds: 0 },
      onEvent: log.onEvent,
    });
    const lines = log.events.flatMap((e) => (e.type === "job-log" ? [`${e.stepId} ${e.line.stream} ${e.line.message}`] : []));
    expect(lines).toContain("a p-r1-a/algo-1-1767225601 epoch 1 loss 0.3");
  });

  it("gives steps no ctx.logs without a logs client", async () => {
    const h = emulatorHarness();
    const run = await runPipeline(
      definePipeline({ name: "p", steps: [step({ id: "a", run: (ctx) => [ctx.logs, "logs" in ctx.jobOptions] })] }),
      {
        client: h.client,
        clock: h.clock,
        runId: "r1",
      },
    );
    expect(run.steps.a).toMatchObject({ state: "succeeded", result: [undefined, false] });
  });

  it("gives each step its run context: who it is, the logical date and names derived from both", async () => {
    const h = emulatorHarness();
    const who = step({
      id: "who",
      run: (ctx) => ({
        ids: [ctx.pipelineName, ctx.runId, ctx.stepId],
        logicalDate: ctx.logicalDate.toISOString(),
        names: [ctx.jobName(), ctx.jobName("model")],
        backend: ctx.client === h.client && ctx.clock === h.clock && ctx.jobOptions.signal === ctx.signal,
        tag: ctx.jobOptions.runId,
        onExists: ctx.jobOptions.onExists,
      }),
    });
    const run = await runPipeline(definePipeline({ name: "nightly", steps: [who] }), {
      client: h.client,
      clock: h.clock,
      runId: "2026-01-01",
      logicalDate: "2026-01-01T00:00:00Z",
    });
    expect(run.steps.who.result).toEqual({
      ids: ["nightly", "2026-01-01", "who"],
      logicalDate: "2026-01-01T00:00:00.000Z",
      names: ["nightly-2026-01-01-who", "nightly-2026-01-01-who-model"],
      backend: true,
      tag: "nightly/2026-01-01/who",
      onExists: "reattach",
    });
    expect(run.logicalDate).toBe("2026-01-01T00:00:00.000Z");
  });

  it("is cancelled, teardowns included, when the process stops every running operator (stopJobsOnSignal)", async () => {
    const h = emulatorHarness(fastTraining);
    const torn: string[] = [];
    let stopped: Promise<void> | undefined;
    const reason = new DOMException("The process received SIGTERM", "AbortError");
    const a = step({
      id: "a",
      run: async (ctx) => {
        ctx.onTeardown(() => void torn.push("a"));
        return trainStep("a").run(ctx);
      },
    });
    const failure = await rejection(
      runPipeline(definePipeline({ name: "p", steps: [a, trainStep("b", [a])] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        onEvent: (e) => {
          if (e.type === "job-status" && e.secondaryStatus === "Training") stopped ??= abortRunning(reason);
        },
      }),
    );
    await stopped;
    expect(failure).toMatchObject({ outcome: "cancelled", cause: reason });
    expect(torn).toEqual(["a"]);
    expect(runningOperators()).toBe(0);
    expect(await inProgressTrainingJobs(h.client)).toEqual([]);
  });

  it("checks its options before anything runs", async () => {
    const h = emulatorHarness();
    const pipeline = definePipeline({ name: "p", steps: [trainStep("a")] });
    const base = { client: h.client, clock: h.clock, runId: "r1" };
    await expect(runPipeline(pipeline, { ...base, runId: "has space" })).rejects.toThrow(
      "Option runId [has space] of pipeline 'p' must be 1 to 128 letters, digits or _.:/=+-@.",
    );
    await expect(runPipeline(pipeline, { ...base, concurrency: 0 })).rejects.toThrow(/^Option concurrency \[0\] .* at least 1/);
    await expect(runPipeline(pipeline, { ...base, logicalDate: "yesterday" })).rejects.toThrow(/^Option logicalDate \[yesterday\]/);
    expect(h.calls).toEqual([]);
  });
});
