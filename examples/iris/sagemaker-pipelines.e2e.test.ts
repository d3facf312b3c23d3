import type { S3Client } from "@aws-sdk/client-s3";
import { compilePipeline, stopJobsOnSignal } from "@sagerun/operators";
import { afterEach, describe, expect, it } from "vitest";
import { captureIo } from "../test/capture-io.js";
import { KNN_IMAGE } from "./iris-pipeline.js";
import { main } from "./main.js";
import { irisPipelineOnSageMakerPipelines } from "./sagemaker-pipelines.js";

// main opts the process in to stopping jobs on SIGINT/SIGTERM; the test worker must not keep that.
afterEach(() => stopJobsOnSignal()());

const ACCURACY = /^accuracy (\d\.\d{3}) \((\d+) of 30 held-out flowers\)$/;

/** The accuracy line's value, failing with the whole output when there is none. */
function accuracyOf(out: readonly string[]): string {
  const match = out.map((line) => ACCURACY.exec(line)).find((m) => m !== null);
  expect(match, out.join("\n")).toBeDefined();
  return match![1]!;
}

describe("pnpm example iris --sagemaker-pipelines, on the embedded emulator", () => {
  it("runs train, model and transform as one SageMaker Pipelines execution, with the in-process run's accuracy", async () => {
    const inProcess = captureIo();
    expect(await main(["--run-id", "local-1"], inProcess.io)).toBe(0);
    const compiled = captureIo();
    expect(await main(["--run-id", "compiled-1", "--sagemaker-pipelines"], compiled.io)).toBe(0);

    expect(compiled.err).toEqual([]);
    expect(Number(accuracyOf(compiled.out))).toBeGreaterThanOrEqual(0.9);
    expect(accuracyOf(compiled.out)).toBe(accuracyOf(inProcess.out));
    // The training job is the execution's, named by SageMaker Pipelines.
    expect(compiled.out).toContainEqual(
      expect.stringMatching(
        /^training job pipelines-[a-z0-9]{12}-train-[A-Za-z0-9]{10}, run by the SageMaker Pipelines execution: test:accuracy 0\.9\d\d$/,
      ),
    );
    // The same progress view: every step, in order, the job steps followed through the execution.
    const { progress } = compiled;
    expect(progress.filter((line) => line.endsWith(" started")).map((line) => line.split(" ")[0])).toEqual([
      "prepare",
      "upload",
      "train",
      "model",
      "transform",
      "evaluate",
    ]);
    expect(progress).toContainEqual(expect.stringMatching(/^transform {2}pipelines-[a-z0-9]{12}-transform-[A-Za-z0-9]{10}: Completed$/));
    expect(progress.at(-1)).toMatch(/^iris · run compiled-1 succeeded in .*: 6 succeeded$/);
  });

  it("compiles to Training → Model → Transform, each reading the step before by reference, upload's prefix a parameter", () => {
    const roleArn = "arn:aws:iam::123456789012:role/SageMakerRole";
    const pipeline = irisPipelineOnSageMakerPipelines({
      s3: {} as S3Client, // compiling sends nothing
      bucket: "ml",
      createBucket: false,
      roleArn,
      image: KNN_IMAGE,
      checkIntervalSeconds: 30,
    });
    const { definition, before, after } = compilePipeline(pipeline);
    expect([before, after]).toEqual([["prepare", "upload"], ["evaluate"]]);
    expect(definition.Parameters.map((p) => p.Name)).toEqual(["prepare-trainRows", "upload-prefix"]);
    const [train, model, transform] = definition.Steps;
    const prefixed = (tail: string) => ({ "Std:Join": { On: "", Values: ["s3://ml/", { Get: "Parameters.upload-prefix" }, tail] } });
    expect(train).toMatchObject({ Name: "train", Type: "Training" });
    expect(train!.Arguments).toMatchObject({
      HyperParameters: { sample_size: { Get: "Parameters.prepare-trainRows" } },
      OutputDataConfig: { S3OutputPath: prefixed("/output/") },
    });
    expect(model).toEqual({
      Name: "model",
      Type: "Model",
      Arguments: {
        ExecutionRoleArn: roleArn,
        PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: { Get: "Steps.train.ModelArtifacts.S3ModelArtifacts" } },
      },
    });
    expect(transform!.Arguments).toMatchObject({
      ModelName: { Get: "Steps.model.ModelName" },
      TransformOutput: { S3OutputPath: prefixed("/predictions/") },
    });
    expect(definition.Steps.some((s) => "DependsOn" in s)).toBe(false);
  });

  it("refuses --test-mode with --sagemaker-pipelines, saying why", async () => {
    const { io, err } = captureIo();
    expect(await main(["--sagemaker-pipelines", "--test-mode"], io)).toBe(2);
    expect(err.join("\n")).toContain(
      "--test-mode runs in-process (its training subset is written by the train step): leave out --sagemaker-pipelines.",
    );
  });
});
