import type { CreateTrainingJobCommandInput, CreateTransformJobCommandInput } from "@aws-sdk/client-sagemaker";
import { afterEach, describe, expect, it, vi } from "vitest";
import { eventLog, rejection } from "../../test/pipeline-fixtures.js";
import { bigTrainerTraining as bigTraining, trainerHarness as bench } from "../../test/test-mode-fixtures.js";
import { AwsInCiRefusedError, BudgetExceededError, OutputCheckFailedError } from "../errors/index.js";
import { trainingJob } from "../job-kinds/training.js";
import { transformJob } from "../job-kinds/transform.js";
import { runTrainingJob } from "../run-training-job.js";
import { artifactExists } from "../test-mode/checks/artifact-exists.js";
import { metric } from "../test-mode/checks/metric.js";
import { definePipeline } from "./define-pipeline.js";
import { runPipeline } from "./run-pipeline.js";
import { step } from "./step.js";

/** A pipeline of one training step, then a step that reads its result. */
function trainThenReport(spread = true) {
  const train = step({
    id: "train",
    run: (ctx) =>
      runTrainingJob(
        bigTraining({ TrainingJobName: ctx.jobName() }),
        spread ? { ...ctx.jobOptions } : { client: ctx.client, clock: ctx.clock },
      ),
  });
  const report = step({ id: "report", dependsOn: [train], run: (ctx) => ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts });
  return definePipeline({ name: "trial", steps: [train, report] });
}

const created = (h: { emulator: { requests(): { operation: string }[] } }) =>
  h.emulator.requests().filter((r) => r.operation.startsWith("Create") && r.operation !== "CreateBucket");

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("runPipeline's checks option", () => {
  it("hands each step its checks through ctx.jobOptions: the operator runs them and the step's result carries them", async () => {
    const { h, s3 } = await bench();
    const run = await runPipeline(trainThenReport(), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      checks: { train: [artifactExists({ untars: true }), metric("test:accuracy", { min: 0.8 })] },
      checkClients: { s3 },
    });
    expect(run.steps.train.result.checks?.map((c) => [c.check, c.ok])).toEqual([
      ["artifactExists (untars)", true],
      ["metric test:accuracy ≥ 0.8", true],
    ]);
    expect(run.steps.report.result).toBe("s3://sagerun-sample/output/trial-r1-train/output/model.tar.gz");
  });

  it("fails the step and the run when a check fails: PipelineFailedError names the step and the check, dependents are skipped", async () => {
    const { h, s3 } = await bench();
    const log = eventLog();
    const err = await rejection(
      runPipeline(trainThenReport(), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        onEvent: log.onEvent,
        checks: { train: [metric("test:accuracy", { min: 0.9 })] },
        checkClients: { s3 },
      }),
    );
    expect(err.failedSteps).toEqual(["train"]);
    expect(err.cause).toBeInstanceOf(OutputCheckFailedError);
    expect(err.message).toMatch(
      /^Pipeline 'trial' run 'r1' failed at step 'train' \(skipped: report\): OutputCheckFailedError: Output check metric test:accuracy ≥ 0\.9 failed: found 0\.83/,
    );
    expect(log.steps("step-skipped")).toEqual(["report"]);
  });

  it("fails a step with checks that no operator ran, rather than pass it unchecked", async () => {
    const { h, s3 } = await bench();
    const err = await rejection(
      runPipeline(trainThenReport(false), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        checks: { train: [artifactExists()] },
        checkClients: { s3 },
      }),
    );
    expect(err.failedSteps).toEqual(["train"]);
    expect(err.cause).toBeInstanceOf(TypeError);
    expect((err.cause as Error).message).toBe(
      "Step 'train' has output checks (runPipeline's checks.train), and no operator of the step ran them. " +
        "Please pass ...ctx.jobOptions to the operator that runs its job, or leave the step out of checks.",
    );
  });

  it("refuses, before any step starts, checks for a step the pipeline does not have and checks whose client is missing", async () => {
    const { h, s3 } = await bench();
    const base = { client: h.client, clock: h.clock, runId: "r1" };
    await expect(runPipeline(trainThenReport(), { ...base, checks: { trian: [artifactExists()] }, checkClients: { s3 } })).rejects.toThrow(
      "Option checks of pipeline 'trial' names 'trian', which is none of its steps. Please use one of: train, report.",
    );
    await expect(runPipeline(trainThenReport(), { ...base, checks: { train: [artifactExists()] } })).rejects.toThrow(
      /checkClients\.s3 is missing/,
    );
    expect(created(h)).toEqual([]);
  });
});

describe("runPipeline's budgetUsd option", () => {
  const costSteps = (overrides: Partial<CreateTrainingJobCommandInput> = {}) => ({
    steps: [{ stepId: "train", kind: trainingJob, request: bigTraining(overrides) }],
  });

  it("refuses a run whose summed worst case is over the budget before any job is created, with each step's numbers", async () => {
    const { h } = await bench();
    const run = runPipeline(trainThenReport(), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      backend: "emulator",
      budgetUsd: 10,
      costEstimate: costSteps(),
    });
    await expect(run).rejects.toThrow(BudgetExceededError);
    await expect(run).rejects.toThrow(
      "Refused to start pipeline 'trial' run 'r1' (worst case per step: train $44.2560): its worst-case cost is $44.26, over the budget of $10.00.",
    );
    expect(created(h)).toEqual([]);
  });

  it("prices the jobs as test mode will submit them: the same pipeline fits the budget in test mode and runs", async () => {
    const { h } = await bench();
    const run = await runPipeline(trainThenReport(), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      backend: "emulator",
      budgetUsd: 0.05,
      testMode: true,
      costEstimate: costSteps(),
    });
    expect(run.outcome).toBe("succeeded");
    expect(created(h).map((r) => r.operation)).toEqual(["CreateTrainingJob"]);
  });

  it("sums every declared step, and refuses an unbounded one (a transform job) unless it has assumedSeconds", async () => {
    const { h } = await bench();
    const transform = {
      TransformJobName: "t",
      TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
    } as CreateTransformJobCommandInput;
    const base = { client: h.client, clock: h.clock, runId: "r1", backend: "emulator" as const, budgetUsd: 50 };
    const steps = (assumedSeconds?: number) => [
      ...costSteps().steps,
      { stepId: "report", kind: transformJob, request: transform, ...(assumedSeconds === undefined ? {} : { assumedSeconds }) },
    ];
    await expect(runPipeline(trainThenReport(), { ...base, costEstimate: { steps: steps() } })).rejects.toThrow(
      /^Refused to start pipeline 'trial' run 'r1' \(worst case per step: train \$44\.2560, report unbounded\): nothing limits its runtime/,
    );
    // 44.256 + 0.23 × 24 h = 49.776: within 50.
    await expect(runPipeline(trainThenReport(), { ...base, costEstimate: { steps: steps(86_400) } })).resolves.toMatchObject({
      outcome: "succeeded",
    });
  });

  it("refuses a run against AWS from CI without the opt-in, and a budget with nothing declared to price", async () => {
    const { h } = await bench();
    vi.stubEnv("CI", "true");
    vi.stubEnv("SAGERUN_ALLOW_AWS_IN_CI", undefined);
    const base = { client: h.client, clock: h.clock, runId: "r1", budgetUsd: 100 };
    await expect(runPipeline(trainThenReport(), { ...base, backend: "aws", costEstimate: costSteps() })).rejects.toThrow(
      AwsInCiRefusedError,
    );
    await expect(runPipeline(trainThenReport(), { ...base, backend: "emulator" })).rejects.toThrow(
      /^Option budgetUsd of pipeline 'trial' prices the job steps declared in costEstimate\.steps, and there are none\./,
    );
    await expect(
      runPipeline(trainThenReport(), {
        ...base,
        backend: "emulator",
        costEstimate: { steps: [{ ...costSteps().steps[0]!, stepId: "fit" }] },
      }),
    ).rejects.toThrow(
      "Option budgetUsd of pipeline 'trial' prices steps the pipeline does not have (fit). Please use ids of its steps: train, report.",
    );
    expect(created(h)).toEqual([]);
  });
});
