import { CreateModelCommand, DeleteModelCommand, ListModelsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, type Harness } from "../../test/fixtures.js";
import { eventLog, fastTraining, rejection, trainStep } from "../../test/pipeline-fixtures.js";
import { definePipeline } from "./define-pipeline.js";
import { runPipeline } from "./run-pipeline.js";
import { step } from "./step.js";

const doomed = { match: { name: /-bad$/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } } as const;

/** A step that creates a SageMaker model named after the run and registers its deletion. */
function modelStep(h: Harness, id: string, done: string[]) {
  return step({
    id,
    run: async (ctx) => {
      const ModelName = ctx.jobName("model");
      await ctx.client.send(
        new CreateModelCommand({
          ModelName,
          ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
          PrimaryContainer: { Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-server:1" },
        }),
      );
      ctx.onTeardown(async ({ outcome }) => {
        await h.client.send(new DeleteModelCommand({ ModelName }));
        done.push(`${ModelName} deleted after ${outcome}`);
      }, `delete model ${ModelName}`);
      return ModelName;
    },
  });
}

async function modelNames(h: Harness): Promise<string[]> {
  return ((await h.client.send(new ListModelsCommand({}))).Models ?? []).map((m) => m.ModelName!);
}

describe("runPipeline teardowns", () => {
  it("run once every step has settled, the last registered first, and are reported", async () => {
    const h = emulatorHarness(fastTraining);
    const done: string[] = [];
    const first = modelStep(h, "first", done);
    const second = step({
      id: "second",
      dependsOn: [first],
      run: (ctx) => {
        ctx.onTeardown(() => void done.push("second's first"));
        ctx.onTeardown(() => void done.push("second's second"), "named");
      },
    });
    const train = trainStep("train", [second]);
    const log = eventLog();
    const run = await runPipeline(definePipeline({ name: "p", steps: [first, second, train] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      onEvent: log.onEvent,
    });
    expect(done).toEqual(["second's second", "second's first", "p-r1-first-model deleted after succeeded"]);
    expect(run.teardowns).toEqual([
      { stepId: "second", label: "named", state: "succeeded" },
      { stepId: "second", label: "teardown 1", state: "succeeded" },
      { stepId: "first", label: "delete model p-r1-first-model", state: "succeeded" },
    ]);
    const types = log.events.map((e) => e.type);
    expect(types.indexOf("teardown")).toBeGreaterThan(types.lastIndexOf("step-succeeded"));
    expect(types.at(-1)).toBe("pipeline-finished");
    expect(await modelNames(h)).toEqual([]);
  });

  it("run after a failure, told the outcome, and the run still rejects with the step's failure", async () => {
    const h = emulatorHarness({ ...fastTraining, rules: [doomed] });
    const done: string[] = [];
    const model = modelStep(h, "model", done);
    const bad = trainStep("bad", [model]);
    const err = await rejection(
      runPipeline(definePipeline({ name: "p", steps: [model, bad] }), { client: h.client, clock: h.clock, runId: "r1" }),
    );
    expect(err).toMatchObject({ outcome: "failed", failedSteps: ["bad"] });
    expect(done).toEqual(["p-r1-model-model deleted after failed"]);
    expect(err.run.teardowns).toEqual([{ stepId: "model", label: "delete model p-r1-model-model", state: "succeeded" }]);
    expect(await modelNames(h)).toEqual([]);
  });

  it("run after a cancel, with a client that still works though the steps' signals have aborted", async () => {
    const h = emulatorHarness(fastTraining);
    const done: string[] = [];
    const controller = new AbortController();
    const model = modelStep(h, "model", done);
    const train = trainStep("train", [model]);
    const err = await rejection(
      runPipeline(definePipeline({ name: "p", steps: [model, train] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === "job-status" && e.secondaryStatus === "Downloading") controller.abort(new Error("stop"));
        },
      }),
    );
    expect(err).toMatchObject({ outcome: "cancelled" });
    expect(done).toEqual(["p-r1-model-model deleted after cancelled"]);
    expect(await modelNames(h)).toEqual([]);
  });

  it("are only reported with keepResources: true", async () => {
    const h = emulatorHarness();
    const done: string[] = [];
    const run = await runPipeline(definePipeline({ name: "p", steps: [modelStep(h, "model", done)] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      keepResources: true,
    });
    expect(done).toEqual([]);
    expect(run.teardowns).toEqual([{ stepId: "model", label: "delete model p-r1-model-model", state: "kept" }]);
    expect(await modelNames(h)).toEqual(["p-r1-model-model"]);
  });

  it("that fail are reported, the others still run, and the run's outcome stands", async () => {
    const h = emulatorHarness();
    const done: string[] = [];
    const a = step({
      id: "a",
      run: (ctx) => {
        ctx.onTeardown(() => void done.push("a"));
        ctx.onTeardown(() => {
          throw new Error("endpoint busy");
        }, "delete endpoint");
        return 1;
      },
    });
    const log = eventLog();
    const run = await runPipeline(definePipeline({ name: "p", steps: [a] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      onEvent: log.onEvent,
    });
    expect(run.outcome).toBe("succeeded");
    expect(run.teardowns).toEqual([
      { stepId: "a", label: "delete endpoint", state: "failed", error: new Error("endpoint busy") },
      { stepId: "a", label: "teardown 1", state: "succeeded" },
    ]);
    expect(done).toEqual(["a"]);
    expect(log.events.filter((e) => e.type === "teardown")).toHaveLength(2);
  });

  it("refuses a teardown registered after the run settled", async () => {
    const h = emulatorHarness();
    let late: (() => void) | undefined;
    const a = step({
      id: "a",
      run: (ctx) => {
        late = () => ctx.onTeardown(() => undefined);
      },
    });
    await runPipeline(definePipeline({ name: "p", steps: [a] }), { client: h.client, clock: h.clock, runId: "r1" });
    expect(() => late!()).toThrow(/^Step 'a' registered a teardown after the run had settled/);
  });
});
