import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import {
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  DescribeTrainingJobCommand,
  ListPipelineExecutionsCommand,
  ListPipelineExecutionStepsCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { definePipeline } from "../src/pipeline/define-pipeline.js";
import { modelStep, processingStep, trainingStep, tuningStep } from "../src/pipeline/job-steps/steps.js";
import { runPipeline } from "../src/pipeline/run-pipeline.js";
import { step } from "../src/pipeline/step.js";
import { emulatorHarness, faultyClient, trainingJobRequest } from "./fixtures.js";
import { eventLog, fastTraining, inProgressTrainingJobs, rejection } from "./pipeline-fixtures.js";

const roleArn = "arn:aws:iam::123456789012:role/SageMakerRole";
const { TrainingJobName: _, ...training } = trainingJobRequest();
const engine = { engine: "sagemaker-pipelines", roleArn, checkIntervalSeconds: 10 } as const;

/** train → model: the model's artifacts are the training job's, by reference. */
function twoSteps() {
  const train = trainingStep({
    id: "train",
    request: (ctx) => ({ ...training, OutputDataConfig: { S3OutputPath: `s3://sagerun-sample/${ctx.runId}/output` } }),
  });
  const model = modelStep({
    id: "model",
    dependsOn: [train],
    request: (ctx) => ({
      ExecutionRoleArn: roleArn,
      PrimaryContainer: {
        Image: training.AlgorithmSpecification!.TrainingImage!,
        ModelDataUrl: ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts,
      },
    }),
  });
  return definePipeline({ name: "two-steps", steps: [train, model] });
}

describe('runPipeline with engine: "sagemaker-pipelines", on the emulator', () => {
  it("upserts the compiled pipeline, runs one execution per run id and follows it with the in-process events and report", async () => {
    const h = emulatorHarness(fastTraining);
    const log = eventLog();
    const run = await runPipeline(twoSteps(), { client: h.client, clock: h.clock, runId: "r1", onEvent: log.onEvent, ...engine });

    expect(run.outcome).toBe("succeeded");
    expect(h.count("CreatePipelineCommand")).toBe(1);
    expect(h.count("StartPipelineExecutionCommand")).toBe(1);
    // The jobs are the execution's, named by SageMaker Pipelines, and their results read back from them.
    const { train, model } = run.steps;
    expect(train.result.jobName).toMatch(/^pipelines-[a-z0-9]{12}-train-[A-Za-z0-9]{10}$/);
    expect(train.result.description).toMatchObject({
      TrainingJobStatus: "Completed",
      OutputDataConfig: { S3OutputPath: "s3://sagerun-sample/r1/output" },
    });
    expect(model.result.PrimaryContainer?.ModelDataUrl).toBe(train.result.description.ModelArtifacts?.S3ModelArtifacts);
    expect(log.steps("step-started")).toEqual(["train", "model"]);
    expect(log.steps("step-succeeded")).toEqual(["train", "model"]);
    expect(log.events.filter((e) => e.type === "job-status").map((e) => e.type === "job-status" && e.status)).toContain("Completed");
    expect(train.virtualMs).toBeGreaterThanOrEqual(150_000);

    // A second run updates the pipeline (a new version) and starts a second execution.
    await runPipeline(twoSteps(), { client: h.client, clock: h.clock, runId: "r2", ...engine });
    expect(h.count("CreatePipelineCommand")).toBe(2);
    expect(h.count("UpdatePipelineCommand")).toBe(1);
    // The same run id again finds its execution (ClientRequestToken from the run id): nothing runs twice.
    const again = await runPipeline(twoSteps(), { client: h.client, clock: h.clock, runId: "r1", ...engine });
    expect(again.steps.train.result.jobName).toBe(train.result.jobName);
    const { PipelineExecutionSummaries = [] } = await h.client.send(new ListPipelineExecutionsCommand({ PipelineName: "two-steps" }));
    expect(PipelineExecutionSummaries.map((e) => e.PipelineExecutionDisplayName).sort()).toEqual(["r1", "r2"]);
    // runPipeline's concurrency (4 by default) is the execution's MaxParallelExecutionSteps.
    const execution = await h.client.send(
      new DescribePipelineExecutionCommand({ PipelineExecutionArn: PipelineExecutionSummaries[0]!.PipelineExecutionArn! }),
    );
    expect(execution.ParallelismConfiguration).toEqual({ MaxParallelExecutionSteps: 4 });
    const { PipelineDefinition } = await h.client.send(new DescribePipelineCommand({ PipelineName: "two-steps" }));
    expect(JSON.parse(PipelineDefinition!).Steps[1].Arguments.PrimaryContainer.ModelDataUrl).toEqual({
      Get: "Steps.train.ModelArtifacts.S3ModelArtifacts",
    });
  });

  it("follows the execution through throttling and 5xx answers to its checks", async () => {
    const h = emulatorHarness(fastTraining);
    let faults = 0;
    const client = faultyClient(h, (operation, nth) => {
      if (!/^(DescribePipelineExecution|ListPipelineExecutionSteps|DescribeTrainingJob)$/.test(operation) || nth % 2 === 0)
        return undefined;
      faults++;
      return nth % 4 === 1 ? "ThrottlingException" : "InternalFailure";
    });
    const run = await runPipeline(twoSteps(), { client, clock: h.clock, runId: "r1", ...engine });
    expect(run.steps.model.result.PrimaryContainer?.ModelDataUrl).toBe(run.steps.train.result.description.ModelArtifacts?.S3ModelArtifacts);
    expect(faults).toBeGreaterThanOrEqual(4);
  });

  it("streams the job steps' log lines as job-log events with the logs option, under the job's own name", async () => {
    const h = emulatorHarness(fastTraining);
    const log = eventLog();
    let written = false;
    await runPipeline(twoSteps(), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient) },
      onEvent: (e) => {
        log.onEvent(e);
        // The training container's first line, once the job (named by the execution) is running.
        if (e.type === "job-status" && e.status === "InProgress" && !written) {
          written = true;
          void h.emulator.appendEvents("/aws/sagemaker/TrainingJobs", `${e.jobName}/algo-1-1767225601`, [
            { timestamp: h.clock.now(), message: "epoch 1 loss 0.3" },
          ]);
        }
      },
      ...engine,
    });
    const jobName = log.events.find((e) => e.type === "job-status")!;
    const lines = log.events.flatMap((e) => (e.type === "job-log" ? [`${e.stepId} ${e.line.stream} ${e.line.message}`] : []));
    expect(lines).toEqual([`train ${(jobName as { jobName: string }).jobName}/algo-1-1767225601 epoch 1 loss 0.3`]);
    expect((jobName as { jobName: string }).jobName).toMatch(/^pipelines-[a-z0-9]{12}-train-[A-Za-z0-9]{10}$/);
  });

  it("runs step() steps before the execution (their results its parameters) and after it (on the job steps' results)", async () => {
    const h = emulatorHarness(fastTraining);
    const upload = step({ id: "upload", run: (ctx) => ({ prefix: `data/${ctx.runId}`, rows: 120 }) });
    const train = trainingStep({
      id: "train",
      dependsOn: [upload],
      request: (ctx) => ({
        ...training,
        HyperParameters: { rows: String(ctx.results.upload.rows) },
        OutputDataConfig: { S3OutputPath: `s3://sagerun-sample/${ctx.results.upload.prefix}/output` },
      }),
    });
    const report = step({ id: "report", dependsOn: [train], run: (ctx) => ctx.results.train.description.HyperParameters });
    const run = await runPipeline(definePipeline({ name: "phases", steps: [upload, train, report] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      ...engine,
    });
    expect(run.steps.train.result.description.OutputDataConfig?.S3OutputPath).toBe("s3://sagerun-sample/data/r1/output");
    expect(run.steps.report.result).toEqual({ rows: "120" });
  });

  it("fails with PipelineFailedError naming the failed step and its FailureReason; the steps after it are skipped", async () => {
    const h = emulatorHarness({
      ...fastTraining,
      rules: [{ match: { name: /-train-/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    const log = eventLog();
    const err = await rejection(
      runPipeline(twoSteps(), { client: h.client, clock: h.clock, runId: "r1", onEvent: log.onEvent, ...engine }),
    );
    expect(err.outcome).toBe("failed");
    expect(err.failedSteps).toEqual(["train"]);
    expect(err.message).toMatch(/^Pipeline 'two-steps' run 'r1' failed at step 'train' \(skipped: model\): .*AlgorithmError: boom/);
    expect(err.run.steps.model).toMatchObject({ state: "skipped", because: "train" });
    expect(log.steps("step-failed")).toEqual(["train"]);
  });

  it("starts no execution when a step before it fails: the job steps and the steps after are skipped", async () => {
    const h = emulatorHarness(fastTraining);
    const upload = step({
      id: "upload",
      run: (): { prefix: string } => {
        throw new Error("no data today");
      },
    });
    const train = trainingStep({
      id: "train",
      dependsOn: [upload],
      request: (ctx) => ({ ...training, OutputDataConfig: { S3OutputPath: `s3://b/${ctx.results.upload.prefix}` } }),
    });
    const report = step({ id: "report", dependsOn: [train], run: () => "done" });
    const err = await rejection(
      runPipeline(definePipeline({ name: "blocked", steps: [upload, train, report] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        ...engine,
      }),
    );
    expect(err.failedSteps).toEqual(["upload"]);
    expect(err.run.steps.train).toMatchObject({ state: "skipped", because: "upload" });
    expect(err.run.steps.report).toMatchObject({ state: "skipped", because: "upload" });
    expect(h.calls).toEqual([]);
  });

  it("skips the steps after a failed execution, because of the failed job step", async () => {
    const h = emulatorHarness({
      ...fastTraining,
      rules: [{ match: { name: /-train-/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    const train = trainingStep({ id: "train", request: () => training });
    const report = step({ id: "report", dependsOn: [train], run: () => "done" });
    const summary = step({ id: "summary", dependsOn: [report], run: () => "done" });
    const err = await rejection(
      runPipeline(definePipeline({ name: "after", steps: [summary, report, train] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        ...engine,
      }),
    );
    expect(err.run.steps.train).toMatchObject({ state: "failed" });
    expect((err.run.steps.train as { error: Error }).error.name).toBe("JobFailedError");
    expect(err.run.steps.report).toMatchObject({ state: "skipped", because: "train" });
    expect(err.run.steps.summary).toMatchObject({ state: "skipped", because: "train" });
  });

  it("compiles processing and tuning steps too: the tuning job's best training job is a property later steps read", async () => {
    // Each booster's objective value, so the tuning job's best training job is known: the dart one.
    const h = emulatorHarness({
      ...fastTraining,
      rules: [
        { match: { hyperParameters: { booster: "dart" } }, metrics: { "validation:auc": 0.91 } },
        { match: { hyperParameters: { booster: "gbtree" } }, metrics: { "validation:auc": 0.84 } },
      ],
    });
    const prep = processingStep({
      id: "prep",
      request: () => ({
        RoleArn: roleArn,
        AppSpecification: { ImageUri: training.AlgorithmSpecification!.TrainingImage! },
        ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 10 } },
      }),
    });
    const tune = tuningStep({
      id: "tune",
      dependsOn: [prep],
      request: (ctx) => ({
        HyperParameterTuningJobConfig: {
          Strategy: "Random",
          HyperParameterTuningJobObjective: { Type: "Maximize", MetricName: "validation:auc" },
          ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 2 },
          ParameterRanges: { CategoricalParameterRanges: [{ Name: "booster", Values: ["gbtree", "dart"] }] },
        },
        TrainingJobDefinition: {
          StaticHyperParameters: { prepared_by: ctx.results.prep.jobName },
          AlgorithmSpecification: training.AlgorithmSpecification!,
          RoleArn: roleArn,
          OutputDataConfig: training.OutputDataConfig!,
          ResourceConfig: training.ResourceConfig!,
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      }),
    });
    const refit = trainingStep({
      id: "refit",
      dependsOn: [tune],
      request: (ctx) => ({ ...training, HyperParameters: { best: ctx.results.tune.bestTrainingJob?.summary.TrainingJobName ?? "" } }),
    });
    const run = await runPipeline(definePipeline({ name: "tuned", steps: [prep, tune, refit] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      ...engine,
    });
    const best = run.steps.tune.result.bestTrainingJob!;
    expect(best.summary.TunedHyperParameters).toEqual({ booster: "dart" });
    expect(best.description.HyperParameters).toMatchObject({ prepared_by: run.steps.prep.result.jobName, booster: "dart" });
    expect(run.steps.refit.result.description.HyperParameters).toEqual({ best: best.summary.TrainingJobName });
  });

  it("cancelling stops the execution and its running job", async () => {
    const h = emulatorHarness(fastTraining);
    const controller = new AbortController();
    const run = runPipeline(twoSteps(), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === "job-status" && e.status === "InProgress") controller.abort(new Error("enough"));
      },
      ...engine,
    });
    const err = await rejection(run);
    expect(err.outcome).toBe("cancelled");
    expect(err.run.steps.train).toMatchObject({ state: "cancelled" });
    expect(err.run.steps.model).toMatchObject({ state: "cancelled" });
    expect(h.count("StopPipelineExecutionCommand")).toBe(1);
    expect(await inProgressTrainingJobs(h.client)).toEqual([]);
    const { PipelineExecutionSummaries = [] } = await h.client.send(new ListPipelineExecutionsCommand({ PipelineName: "two-steps" }));
    expect(PipelineExecutionSummaries[0]?.PipelineExecutionStatus).toBe("Stopped");
    const { PipelineExecutionSteps = [] } = await h.client.send(
      new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: PipelineExecutionSummaries[0]!.PipelineExecutionArn! }),
    );
    const jobName = PipelineExecutionSteps[0]!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)!;
    expect((await h.client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }))).TrainingJobStatus).toBe("Stopped");
  });
});
