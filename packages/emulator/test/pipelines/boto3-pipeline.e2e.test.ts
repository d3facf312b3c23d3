import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ScaledClock } from "@sagerun/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { createEmulator } from "../../src/index.js";
import { clientEnv, probeBoto3, run } from "../external/external-tools.js";
import { ROLE_ARN } from "../fixtures.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { irisDefinition } from "./iris-definition.js";

const boto3Tool = probeBoto3();

// The Iris pipeline definition, created, started and followed by boto3 over HTTP: 1000 virtual
// seconds per real second, so the default job lengths take a fraction of a second each.
describe.skipIf(!boto3Tool.available)(`a pipeline from boto3 over HTTP${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`, () => {
  const { train, test } = irisSplit();
  let server: RunningServer;
  let workdir: string;
  let observed: Record<string, unknown>;
  beforeAll(async () => {
    server = await startServer({ port: 0, emulator: createEmulator({ clock: new ScaledClock({ scale: 1000 }) }) });
    workdir = mkdtempSync(join(tmpdir(), "sagerun-boto3-pipeline-"));
    writeFileSync(join(workdir, "definition.json"), irisDefinition(ROLE_ARN));
    writeFileSync(join(workdir, "train.csv"), irisCsv({ label: true }, train));
    writeFileSync(join(workdir, "test.csv"), irisCsv({ label: true }, test));
    writeFileSync(join(workdir, "batch.csv"), irisCsv({ label: false }, test));
    const script = fileURLToPath(new URL("./scripts/boto3_pipeline.py", import.meta.url));
    const result = await run("python3", [script, workdir], clientEnv({ AWS_ENDPOINT_URL: server.url }));
    if (result.code !== 0) throw new Error(`boto3_pipeline.py exited ${result.code}:\n${result.stderr}`);
    observed = JSON.parse(result.stdout) as Record<string, unknown>;
  });
  afterAll(async () => {
    await server?.close();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  it("creates the pipeline (botocore fills ClientRequestToken) and refuses a duplicate with the service's text", () => {
    expect(observed.pipeline_arn).toBe("arn:aws:sagemaker:us-east-1:123456789012:pipeline/iris");
    expect(observed.duplicate).toEqual({
      code: "ValidationException",
      message: "Pipeline names must be unique within an AWS account and region. Pipeline with name (iris) already exists.",
    });
  });

  it("runs every step to Succeeded, with each job step's metadata and the execution's tag on its jobs", () => {
    expect(observed.statuses).toEqual(["Executing", "Succeeded"]);
    expect(observed.steps).toEqual({
      IrisTrain: { status: "Succeeded", metadata: ["TrainingJob"] },
      CheckAccuracy: { status: "Succeeded", metadata: ["Condition"] },
      "IrisModel-CreateModel": { status: "Succeeded", metadata: ["Model"] },
      IrisTransform: { status: "Succeeded", metadata: ["TransformJob"] },
    });
    expect(observed.training_tags).toEqual([{ Key: "sagemaker:pipeline-execution-arn", Value: observed.execution_arn }]);
    expect(observed.parameters).toEqual([
      { Name: "InputData", Value: "s3://iris/data" },
      { Name: "TrainingInstanceType", Value: "ml.m5.large" },
      { Name: "K", Value: "3" },
      { Name: "AccuracyThreshold", Value: "0.9" },
    ]);
  });

  it("writes the transform's predictions, with accuracy ≥ 0.9", () => {
    const predictions = observed.predictions as number[];
    expect(predictions).toHaveLength(test.length);
    expect(predictions.filter((label, i) => label === test[i]!.label).length / test.length).toBeGreaterThanOrEqual(0.9);
  });

  it("refuses to stop a finished execution, and lists it", () => {
    expect(observed.stop_finished).toEqual({
      code: "ValidationException",
      message: `Pipeline execution ${observed.execution_arn as string} is in status Succeeded. Only pipelines with 'Executing' status can be stopped.`,
    });
    expect(observed.summaries).toEqual([{ display: "from-boto3", status: "Succeeded" }]);
  });
});
