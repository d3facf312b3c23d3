import type { S3Client } from "@aws-sdk/client-s3";
import { compilePipeline, PipelineFailedError, runPipeline, stopJobsOnSignal } from "@sagerun/operators";
import { afterEach, describe, expect, it } from "vitest";
import { createExampleBackend } from "../shared/example-backend.js";
import { captureIo } from "../test/capture-io.js";
import { irisPipeline, KNN_IMAGE } from "./iris-pipeline.js";
import { main } from "./main.js";
import { accuracyOf, IRIS_STEPS, startedSteps } from "./output-lines.js";
import { withChecksAfterExecution } from "./sagemaker-pipelines.js";

// main opts the process in to stopping jobs on SIGINT/SIGTERM; the test worker must not keep that.
afterEach(() => stopJobsOnSignal()());

const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";

describe("pnpm example iris --sagemaker-pipelines, on the embedded emulator", () => {
  it("runs train, model and transform as one SageMaker Pipelines execution, with the in-process run's accuracy", async () => {
    const inProcess = captureIo();
    expect(await main(["--run-id", "local-1"], inProcess.io)).toBe(0);
    const compiled = captureIo();
    expect(await main(["--run-id", "compiled-1", "--sagemaker-pipelines"], compiled.io)).toBe(0);

    expect(compiled.err).toEqual([]);
    expect(Number(accuracyOf(compiled.out).printed)).toBeGreaterThanOrEqual(0.9);
    expect(accuracyOf(compiled.out).printed).toBe(accuracyOf(inProcess.out).printed);
    // The training job is the execution's, named by SageMaker Pipelines.
    expect(compiled.out).toContainEqual(
      expect.stringMatching(
        /^training job pipelines-[a-z0-9]{12}-train-[A-Za-z0-9]{10}, run by the SageMaker Pipelines execution: test:accuracy 0\.9\d\d$/,
      ),
    );
    // The same progress view: every step, in order, the job steps followed through the execution.
    const { progress } = compiled;
    expect(startedSteps(progress)).toEqual(IRIS_STEPS);
    expect(progress).toContainEqual(expect.stringMatching(/^transform {2}pipelines-[a-z0-9]{12}-transform-[A-Za-z0-9]{10}: Completed$/));
    expect(progress.at(-1)).toMatch(/^iris · run compiled-1 succeeded in .*: 7 succeeded$/);
  });

  it("--test-mode: prints what the in-process test-mode run prints (accuracy, changes, checks, cost), the checks run after the execution", async () => {
    const inProcess = captureIo();
    expect(await main(["--run-id", "small-1", "--test-mode"], inProcess.io)).toBe(0);
    const compiled = captureIo();
    expect(await main(["--run-id", "small-1", "--test-mode", "--sagemaker-pipelines"], compiled.io)).toBe(0);

    expect(compiled.err).toEqual([]);
    expect(Number(accuracyOf(compiled.out).printed)).toBeGreaterThanOrEqual(0.9);
    // Line for line the same, but for the jobs' names (SageMaker Pipelines names them), who ran
    // them, and the wall time; log stream names end in the job's start time, the same here.
    const same = (out: readonly string[]) =>
      out.map((line) =>
        line
          .replace(/\b(?:iris-small-1|pipelines-[a-z0-9]{12})-(train|transform)(?:-[A-Za-z0-9]{10})?\b/g, "<$1 job>")
          .replace(/^(training job <train job>), [^:]+:/, "$1:")
          .replace(/wall time \d+ ms$/, "wall time"),
      );
    expect(same(compiled.out)).toEqual(same(inProcess.out));
    expect(compiled.out).toContainEqual("training worst case (MaxRuntimeInSeconds): $0.0192 in test mode, $11.0640 without");
    expect(compiled.out).toContainEqual(expect.stringMatching(/^ {2}train: logLine "#test_score": .* in pipelines-[a-z0-9]{12}-train-/));
    // The checks are a step of their own after the execution, beside evaluate, on the jobs read back.
    const { progress } = compiled;
    expect(progress[0]).toBe("iris · run small-1: 8 steps, at most 4 at once");
    expect(progress.findIndex((line) => line.startsWith("checks     started"))).toBeGreaterThan(
      progress.findIndex((line) => line.startsWith("transform  succeeded")),
    );
    expect(progress.at(-1)).toMatch(/^iris · run small-1 succeeded in .*: 8 succeeded$/);
  });

  it.each(["in-process", "sagemaker-pipelines"] as const)(
    "--test-mode, %s: the training job reads the stratified half the subset step wrote (60 rows), on the shrunk instance",
    async (engine) => {
      const backend = await createExampleBackend({});
      const s3 = (await backend.s3()) as S3Client;
      const settings = { s3, bucket: "ml-data", createBucket: true, roleArn: ROLE_ARN, image: KNN_IMAGE, checkIntervalSeconds: 30 };
      const run = await runPipeline(irisPipeline({ ...settings, testMode: true }), {
        client: backend.client,
        clock: backend.clock,
        runId: "r1",
        ...(engine === "sagemaker-pipelines" && { engine, roleArn: ROLE_ARN }),
        testMode: true,
      });

      const subset = "s3://ml-data/iris/r1/train/sagerun-test-mode/1-0.5/";
      expect(run.steps.subset.result).toEqual({ prefix: subset, rows: 60 });
      const { description } = run.steps.train.result;
      expect(description.InputDataConfig?.find((c) => c.ChannelName === "train")?.DataSource?.S3DataSource?.S3Uri).toBe(subset);
      expect(description.HyperParameters?.sample_size).toBe("60");
      expect(description.ResourceConfig?.InstanceType).toBe("ml.m5.large");
      expect(description.StoppingCondition?.MaxRuntimeInSeconds).toBe(600);
    },
  );

  it("--test-mode: a check that fails after the execution fails the run, naming the checks step and the check", async () => {
    const backend = await createExampleBackend({});
    const s3 = (await backend.s3()) as S3Client;
    // The logs of another emulator, which holds no line of this run's training job.
    const elsewhere = await createExampleBackend({});
    const pipeline = irisPipeline({
      s3,
      bucket: "ml-data",
      createBucket: true,
      roleArn: ROLE_ARN,
      image: KNN_IMAGE,
      checkIntervalSeconds: 30,
      testMode: true,
    });
    const failed = runPipeline(withChecksAfterExecution(pipeline, { s3, logs: await elsewhere.logs() }), {
      client: backend.client,
      clock: backend.clock,
      runId: "r2",
      engine: "sagemaker-pipelines",
      roleArn: ROLE_ARN,
      testMode: true,
    });

    const error = (await failed.catch((e: unknown) => e)) as PipelineFailedError;
    expect(error).toBeInstanceOf(PipelineFailedError);
    expect(error.failedSteps).toEqual(["checks"]);
    expect(error.run.steps.evaluate).toMatchObject({ state: "succeeded" });
    expect(error.message).toMatch(/^Pipeline 'iris' run 'r2' failed at step 'checks': OutputCheckFailedError: .*logLine "#test_score"/s);
  });

  it("compiles the one Iris pipeline to Training → Model → Transform, each reading the step before by reference, the earlier steps' results parameters", () => {
    const pipeline = irisPipeline({
      s3: {} as S3Client, // compiling sends nothing
      bucket: "ml",
      createBucket: false,
      roleArn: ROLE_ARN,
      image: KNN_IMAGE,
      checkIntervalSeconds: 30,
    });
    const { definition, before, after } = compilePipeline(pipeline);
    expect([before, after]).toEqual([["prepare", "upload", "subset"], ["evaluate"]]);
    expect(definition.Parameters.map((p) => p.Name).sort()).toEqual(["subset-prefix", "subset-rows", "upload-prefix"]);
    const [train, model, transform] = definition.Steps;
    const prefixed = (tail: string) => ({ "Std:Join": { On: "", Values: ["s3://ml/", { Get: "Parameters.upload-prefix" }, tail] } });
    expect(train).toMatchObject({ Name: "train", Type: "Training" });
    expect(train!.Arguments).toMatchObject({
      HyperParameters: { sample_size: { Get: "Parameters.subset-rows" } },
      InputDataConfig: [
        { ChannelName: "train", DataSource: { S3DataSource: { S3Uri: { Get: "Parameters.subset-prefix" } } } },
        { ChannelName: "test", DataSource: { S3DataSource: { S3Uri: prefixed("/test/") } } },
      ],
      OutputDataConfig: { S3OutputPath: prefixed("/output/") },
      ResourceConfig: { InstanceType: "ml.m5.2xlarge" },
    });
    expect(model).toEqual({
      Name: "model",
      Type: "Model",
      Arguments: {
        ExecutionRoleArn: ROLE_ARN,
        PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: { Get: "Steps.train.ModelArtifacts.S3ModelArtifacts" } },
      },
    });
    expect(transform!.Arguments).toMatchObject({
      ModelName: { Get: "Steps.model.ModelName" },
      TransformOutput: { S3OutputPath: prefixed("/predictions/") },
    });
    expect(definition.Steps.some((s) => "DependsOn" in s)).toBe(false);

    // Test mode shrinks the compiled Arguments and says so in each changed step's Description.
    const small = compilePipeline(pipeline, { testMode: true }).definition.Steps;
    expect(small[0]!.Arguments).toMatchObject({
      ResourceConfig: { InstanceType: "ml.m5.large" },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(small[0]!.Description).toBe(
      'sagerun test mode: ResourceConfig.InstanceType "ml.m5.2xlarge" → "ml.m5.large"; StoppingCondition.MaxRuntimeInSeconds 86400 → 600',
    );
  });
});
