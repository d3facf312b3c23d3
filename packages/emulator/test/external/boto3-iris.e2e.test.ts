import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScaledClock } from "@sagerun/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { startServer, type RunningServer } from "../../src/http.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { clientEnv, probeBoto3, run, scriptPath } from "./external-tools.js";

const boto3Tool = probeBoto3();

// test/data-plane/iris-pipeline.e2e.test.ts from Python: one process runs the whole pipeline with
// boto3's s3, sagemaker, sagemaker-runtime and logs clients on one AWS_ENDPOINT_URL, and each `it`
// checks one stage of what it observed. 1000 virtual seconds per real second: the default 425 s
// training job, 240 s transform job and 240 s endpoint creation take a fraction of a second each
// under the waiters' 0.1 s polls.
describe.skipIf(!boto3Tool.available)(
  `the Iris pipeline from boto3 over HTTP${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`,
  () => {
    const { train, test } = irisSplit();
    let server: RunningServer;
    let workdir: string;
    let observed: Record<string, Record<string, unknown>>;
    beforeAll(async () => {
      server = await startServer({ port: 0, emulator: createEmulator({ clock: new ScaledClock({ scale: 1000 }) }) });
      workdir = mkdtempSync(join(tmpdir(), "sagerun-boto3-iris-"));
      writeFileSync(join(workdir, "train.csv"), irisCsv({ label: true }, train));
      writeFileSync(join(workdir, "test.csv"), irisCsv({ label: true }, test));
      writeFileSync(join(workdir, "batch.csv"), irisCsv({ label: false }, test));
      const result = await run("python3", [scriptPath("boto3_iris.py"), workdir], clientEnv({ AWS_ENDPOINT_URL: server.url }));
      if (result.code !== 0) throw new Error(`boto3_iris.py exited ${result.code}:\n${result.stderr}`);
      observed = JSON.parse(result.stdout) as typeof observed;
    });
    afterAll(async () => {
      await server?.close();
      if (workdir) rmSync(workdir, { recursive: true, force: true });
    });

    it("uploads the CSVs with upload_file (train.csv as a one-part multipart upload) and put_object", () => {
      expect(observed.uploaded).toEqual({
        train_etag_parts: "1",
        keys: ["data/batch/iris.csv", "data/test/iris.csv", "data/train/iris.csv"],
      });
    });

    it("trains k-NN to Completed under training_job_completed_or_stopped, with test:accuracy ≥ 0.9", () => {
      const training = observed.training!;
      expect(training.status).toBe("Completed");
      expect(training.artifacts).toBe("s3://iris/output/iris-knn/output/model.tar.gz");
      expect((training.metrics as Record<string, number>)["test:accuracy"]).toBeGreaterThanOrEqual(0.9);
    });

    it("writes a model.tar.gz that Python's tarfile opens", () => {
      expect(observed.model_tar).toEqual({ names: ["model.json"], all_files: true, algorithm: "k-NN" });
    });

    it("transforms the batch with SplitType Line into one JSON line per record, accuracy ≥ 0.9", () => {
      const transform = observed.transform!;
      const predictions = transform.predictions as number[];
      expect(transform.status).toBe("Completed");
      expect(predictions).toHaveLength(test.length);
      const accuracy = predictions.filter((label, i) => label === test[i]!.label).length / test.length;
      expect(accuracy).toBeGreaterThanOrEqual(0.9);
      expect(transform.accuracy).toBe(accuracy);
    });

    it("serves the model: invoke_endpoint answers Body, ContentType and InvokedProductionVariant", () => {
      expect(observed.invoke).toEqual({ content_type: "application/json", variant: "AllTraffic", labels: [0, 2], http_status: 200 });
    });

    it("raises ValidationError, botocore's modelled exception, for an endpoint that does not exist", () => {
      expect(observed.missing_endpoint).toEqual({
        code: "ValidationError",
        message: "Endpoint no-such-endpoint of account 123456789012 not found.",
        http_status: 400,
        is_validation_error_class: true,
      });
    });

    it("shows the training job's lines in its CloudWatch Logs stream, none before Training began", () => {
      const logs = observed.logs!;
      expect(logs.streams).toEqual([expect.stringMatching(/^iris-knn\/algo-1-\d+$/)]);
      expect(logs.messages).toEqual(expect.arrayContaining([expect.stringContaining("#test_score (algo-1) : ('accuracy'")]));
      expect(logs.after_training_began).toBe(true);
    });
  },
);
