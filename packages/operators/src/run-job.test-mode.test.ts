import type { CreateProcessingJobCommandInput } from "@aws-sdk/client-sagemaker";
import type { ImageCode } from "@sagerun/emulator";
import { describe, expect, it } from "vitest";
import { emulatorHarness, type Harness } from "../test/fixtures.js";
import { BUCKET, bigTraining, harnessWithBucket } from "../test/test-mode-fixtures.js";
import { MaxRuntimeExceededError } from "./errors/index.js";
import { definePipeline } from "./pipeline/define-pipeline.js";
import { runPipeline } from "./pipeline/run-pipeline.js";
import { step } from "./pipeline/step.js";
import { runProcessingJob } from "./run-processing-job.js";
import { runTrainingJob } from "./run-training-job.js";

// Training starts 60 s after Create, downloads its input for 120 s, then runs; the runtime cap
// counts from the start (TrainingStartTime), so a cap under 120 s stops a job before its code runs.
const durations = {
  startingSeconds: 60,
  downloadingSeconds: 120,
  trainingSeconds: 300,
  uploadingSeconds: 30,
  stoppingSeconds: 30,
  provisioningSeconds: 60,
  runningSeconds: 120,
};
const TRAINER = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-trainer:1";
const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";

/** Code that saves its model at once, then says it ran two hours: test mode's 600 s cap stops it with the model saved. */
const savesThenRunsLong: ImageCode = {
  image: TRAINER,
  train(_, io) {
    io.writeModel("model.txt", "m");
    io.took(7200);
  },
};

const bench = () => harnessWithBucket({ durations, images: [savesThenRunsLong] });

function bigProcessing(name: string): CreateProcessingJobCommandInput {
  return {
    ProcessingJobName: name,
    RoleArn: ROLE_ARN,
    AppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-prep:1" },
    ProcessingResources: { ClusterConfig: { InstanceCount: 3, InstanceType: "ml.c5.9xlarge", VolumeSizeInGB: 30 } },
    StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
  };
}

/** The inputs of the Create requests the emulator received for `operation`, in order. */
const created = (h: Harness, operation: string) =>
  h.emulator
    .requests()
    .filter((r) => r.operation === operation)
    .map((r) => r.input as Record<string, unknown>);

describe("the operators' testMode option", () => {
  it("submits a training job shrunk by the default profile and lists the changes in the result", async () => {
    const { h } = await bench();
    const result = await runTrainingJob(bigTraining(), { client: h.client, clock: h.clock, testMode: true });

    const [input] = created(h, "CreateTrainingJob");
    expect(input).toMatchObject({
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(result.description).toMatchObject({
      TrainingJobStatus: "Completed",
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1 },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(result.testMode?.changes.map((c) => [c.path, c.from, c.to])).toEqual([
      ["ResourceConfig.InstanceType", "ml.m5.4xlarge", "ml.m5.large"],
      ["ResourceConfig.InstanceCount", 2, 1],
      ["StoppingCondition.MaxRuntimeInSeconds", 86_400, 600],
    ]);
    expect(result.testMode).not.toHaveProperty("acceptedAtRuntimeCap");
  });

  it("submits the request as written, and reports nothing, without it or with testMode: false", async () => {
    const { h } = await bench();
    const plain = await runTrainingJob(bigTraining({ TrainingJobName: "plain" }), { client: h.client, clock: h.clock });
    const off = await runTrainingJob(bigTraining({ TrainingJobName: "off" }), { client: h.client, clock: h.clock, testMode: false });
    for (const input of created(h, "CreateTrainingJob")) {
      expect(input).toMatchObject({ ResourceConfig: { InstanceType: "ml.m5.4xlarge", InstanceCount: 2 } });
    }
    expect(plain).not.toHaveProperty("testMode");
    expect(off).not.toHaveProperty("testMode");
  });

  it("applies a profile of its own to a processing job", async () => {
    const { h } = await bench();
    const result = await runProcessingJob(bigProcessing("prep"), {
      client: h.client,
      clock: h.clock,
      testMode: { maxRuntimeInSeconds: 300, instanceType: "ml.t3.medium" },
    });
    const [input] = created(h, "CreateProcessingJob");
    expect(input).toMatchObject({
      ProcessingResources: { ClusterConfig: { InstanceType: "ml.t3.medium", InstanceCount: 1 } },
      StoppingCondition: { MaxRuntimeInSeconds: 300 },
    });
    expect(result.description.ProcessingJobStatus).toBe("Completed");
    expect(result.testMode?.changes.map((c) => c.path)).toEqual([
      "ProcessingResources.ClusterConfig.InstanceType",
      "ProcessingResources.ClusterConfig.InstanceCount",
      "StoppingCondition.MaxRuntimeInSeconds",
    ]);
  });

  it("accepts a training job stopped at its runtime cap when its model artifact is in S3, and says so", async () => {
    const { h, s3 } = await bench();
    const config = bigTraining({ AlgorithmSpecification: { TrainingImage: TRAINER, TrainingInputMode: "File" } });
    const result = await runTrainingJob(config, { client: h.client, clock: h.clock, testMode: { acceptRuntimeCap: true, s3 } });

    expect(result.description).toMatchObject({ TrainingJobStatus: "Stopped", SecondaryStatus: "MaxRuntimeExceeded" });
    expect(result.testMode?.acceptedAtRuntimeCap).toBe(true);
    const heads = h.emulator.requests().filter((r) => r.operation === "HeadObject");
    expect(heads.map((r) => [r.input, r.statusCode])).toEqual([[{ Bucket: BUCKET, Key: "output/trial/output/model.tar.gz" }, 200]]);
  });

  it("throws MaxRuntimeExceededError for the same job without acceptRuntimeCap", async () => {
    const { h } = await bench();
    const config = bigTraining({ AlgorithmSpecification: { TrainingImage: TRAINER, TrainingInputMode: "File" } });
    const err = await runTrainingJob(config, { client: h.client, clock: h.clock, testMode: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MaxRuntimeExceededError);
    expect(err).toMatchObject({ jobName: "trial", maxRuntimeSeconds: 600 });
  });

  it("throws MaxRuntimeExceededError when the job stopped before its code saved a model (no artifact in S3)", async () => {
    const { h, s3 } = await bench();
    // A 60 s cap ends the job while it downloads its input: the code never runs, nothing is uploaded.
    const config = bigTraining({
      AlgorithmSpecification: { TrainingImage: TRAINER, TrainingInputMode: "File" },
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
    });
    const err = await runTrainingJob(config, { client: h.client, clock: h.clock, testMode: { acceptRuntimeCap: true, s3 } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MaxRuntimeExceededError);
    expect(err).toMatchObject({ jobName: "trial", secondaryStatus: "MaxRuntimeExceeded", maxRuntimeSeconds: 60 });
    const heads = h.emulator.requests().filter((r) => r.operation === "HeadObject");
    expect(heads.map((r) => r.statusCode)).toEqual([404]);
  });

  it("refuses acceptRuntimeCap without an s3 client before creating anything", async () => {
    const { h } = await bench();
    const run = runTrainingJob(bigTraining(), { client: h.client, clock: h.clock, testMode: { acceptRuntimeCap: true } });
    await expect(run).rejects.toThrow(TypeError);
    await expect(run).rejects.toThrow(
      /testMode\.acceptRuntimeCap needs an S3 client.*testMode: \{ acceptRuntimeCap: true, s3: await backend\.s3\(\) \}/,
    );
    expect(h.calls).toEqual([]);
  });
});

describe("runPipeline's testMode option", () => {
  it("runs every step's job shrunk, through ctx.jobOptions", async () => {
    const { h } = await bench();
    const prepare = step({ id: "prepare", run: (ctx) => runProcessingJob(bigProcessing(ctx.jobName()), { ...ctx.jobOptions }) });
    const train = step({
      id: "train",
      dependsOn: [prepare],
      run: (ctx) => runTrainingJob(bigTraining({ TrainingJobName: ctx.jobName() }), { ...ctx.jobOptions }),
    });
    const pipeline = definePipeline({ name: "trial", steps: [prepare, train] });

    const run = await runPipeline(pipeline, { client: h.client, clock: h.clock, runId: "r1", testMode: true });

    // ml.c5.xlarge is the smallest c5 SageMaker processing runs on.
    expect(created(h, "CreateProcessingJob")).toEqual([
      expect.objectContaining({
        ProcessingResources: { ClusterConfig: { InstanceType: "ml.c5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 } },
        StoppingCondition: { MaxRuntimeInSeconds: 600 },
      }),
    ]);
    expect(created(h, "CreateTrainingJob")).toEqual([
      expect.objectContaining({
        ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 600 },
      }),
    ]);
    expect(run.steps.prepare.result.testMode?.changes).toHaveLength(3);
    expect(run.steps.train.result.testMode?.changes).toHaveLength(3);
  });

  it("refuses a testMode that cannot run before any step starts", async () => {
    const h = emulatorHarness();
    let ran = false;
    const pipeline = definePipeline({ name: "trial", steps: [step({ id: "noop", run: () => (ran = true) })] });
    const run = runPipeline(pipeline, { client: h.client, clock: h.clock, runId: "r1", testMode: { acceptRuntimeCap: true } });
    await expect(run).rejects.toThrow(/testMode\.acceptRuntimeCap needs an S3 client/);
    expect(ran).toBe(false);
  });
});
