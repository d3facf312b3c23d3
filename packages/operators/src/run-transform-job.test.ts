import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateModelCommand,
  DescribeModelCommand,
  DescribeTransformJobCommand,
  type CreateModelCommandInput,
  type CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorOptions } from "@sagerun/emulator";
import { describe, expect, it } from "vitest";
import { emulatorHarness, faultyClient, type Harness } from "../test/fixtures.js";
import { JobFailedError } from "./errors/index.js";
import { runTransformJob } from "./run-transform-job.js";

// The container starts 60 s after Create and the job completes at 180 s; a stop takes 30 s.
const durations = { provisioningSeconds: 60, runningSeconds: 120, stoppingSeconds: 30 };
// Most tests play lifecycles: no input objects needed (the emulator's requireInputData).
const lifecycles: EmulatorOptions = { durations, requireInputData: false };
const BUCKET = "sagerun-test";

function modelRequest(overrides: Partial<CreateModelCommandInput> = {}): CreateModelCommandInput {
  return {
    ModelName: "churn",
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
    // A team's own image with no serving code registered: the transform plays its lifecycle.
    PrimaryContainer: { Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-serve:1", ModelDataUrl: `s3://${BUCKET}/model.tar.gz` },
    ...overrides,
  };
}

function transformRequest(overrides: Partial<CreateTransformJobCommandInput> = {}): CreateTransformJobCommandInput {
  return {
    TransformJobName: "scores",
    ModelName: "churn",
    TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${BUCKET}/batch/` } }, ContentType: "text/csv" },
    TransformOutput: { S3OutputPath: `s3://${BUCKET}/scores/` },
    TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
    ...overrides,
  };
}

const transformStatus = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeTransformJobCommand({ TransformJobName: name }))).TransformJobStatus;

describe(runTransformJob.name, () => {
  it("creates the model first, after the job's name check, as Airflow's {Model, Transform} config does, and completes", async () => {
    const h = emulatorHarness(lifecycles);
    const result = await runTransformJob(transformRequest(), { client: h.client, clock: h.clock, model: modelRequest() });
    expect(result).toMatchObject({ jobName: "scores", created: true });
    expect(result.description).toMatchObject({
      TransformJobStatus: "Completed",
      ModelName: "churn",
      TransformEndTime: "2026-01-01T00:03:00.000Z",
    });
    expect(h.calls.slice(0, 4)).toEqual([
      "DescribeTransformJobCommand",
      "DescribeModelCommand",
      "CreateModelCommand",
      "CreateTransformJobCommand",
    ]);
    const model = await h.emulator.client().send(new DescribeModelCommand({ ModelName: "churn" }));
    expect(model.PrimaryContainer?.Image).toBe(modelRequest().PrimaryContainer?.Image);
  });

  it("uses a model that exists as it is (apache/airflow#39502), and runs without the option on an existing model", async () => {
    const h = emulatorHarness(lifecycles);
    await h.emulator.client().send(new CreateModelCommand(modelRequest()));
    await runTransformJob(transformRequest(), { client: h.client, clock: h.clock, model: modelRequest() });
    await runTransformJob(transformRequest({ TransformJobName: "again" }), { client: h.client, clock: h.clock });
    expect(h.count("DescribeModelCommand")).toBe(1);
    expect(h.count("CreateModelCommand")).toBe(0);
    expect(h.count("CreateTransformJobCommand")).toBe(2);
  });

  it('creates the model once across a retry with onExists: "reattach", and touches no model when reattaching', async () => {
    const h = emulatorHarness(lifecycles);
    // The first try's worker dies while waiting: its signal aborts without stopping the job.
    const controller = new AbortController();
    void h.clock.sleep(90_000).then(() => controller.abort(new Error("worker lost")));
    const options = { client: h.client, clock: h.clock, model: modelRequest(), onExists: "reattach" } as const;
    await expect(runTransformJob(transformRequest(), { ...options, signal: controller.signal, stopOnAbort: false })).rejects.toThrow(
      "worker lost",
    );
    expect(await transformStatus(h, "scores")).toBe("InProgress");

    const retry = await runTransformJob(transformRequest(), options);
    expect(retry).toMatchObject({ jobName: "scores", created: false, description: { TransformJobStatus: "Completed" } });
    expect(h.count("CreateModelCommand")).toBe(1);
    expect(h.count("DescribeModelCommand")).toBe(1);
    expect(h.count("CreateTransformJobCommand")).toBe(1);
  });

  it("creates the model once when the first try created it and then failed to create the job", async () => {
    const h = emulatorHarness({ durations });
    const options = { client: h.client, clock: h.clock, model: modelRequest() };
    // SageMaker refuses a transform job whose input prefix holds no object; the model was made before.
    await expect(runTransformJob(transformRequest(), options)).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/^No S3 objects found under S3 URL "s3:\/\/sagerun-test\/batch\/"/),
    });
    const s3 = h.emulator.s3Client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "batch/rows.csv", Body: "1,2\n" }));

    const retry = await runTransformJob(transformRequest(), options);
    expect(retry.description.TransformJobStatus).toBe("Completed");
    expect(h.count("CreateModelCommand")).toBe(1);
    expect(h.count("CreateTransformJobCommand")).toBe(2);
  });

  it("uses the model another run creates between its check and its CreateModel (Cannot create already existing model)", async () => {
    const h = emulatorHarness(lifecycles);
    h.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "CreateModelCommand") await h.emulator.client().send(new CreateModelCommand(modelRequest()));
        return next(args);
      },
      { step: "initialize", name: "sagerunTestRacingModel" },
    );
    const { description } = await runTransformJob(transformRequest(), { client: h.client, clock: h.clock, model: modelRequest() });
    expect(description.TransformJobStatus).toBe("Completed");
    expect(h.calls.slice(0, 4)).toEqual([
      "DescribeTransformJobCommand",
      "DescribeModelCommand",
      "CreateModelCommand",
      "CreateTransformJobCommand",
    ]);
  });

  it("uses the model its own CreateModel made when that answer was lost", async () => {
    const h = emulatorHarness(lifecycles);
    const client = faultyClient(h, (operation, nth) => (operation === "CreateModel" && nth === 1 ? "InternalFailure" : undefined), {
      maxAttempts: 2,
    });
    const { description } = await runTransformJob(transformRequest(), { client, clock: h.clock, model: modelRequest() });
    expect(description.TransformJobStatus).toBe("Completed");
    // Whether the SDK sent it again (and met the model) or the error came back (and the model was looked up), once.
    expect(h.count("CreateModelCommand")).toBe(1);
  });

  it("rejects with JobFailedError carrying FailureReason when the job fails", async () => {
    const h = emulatorHarness({
      ...lifecycles,
      rules: [
        { match: { name: "doomed" }, outcome: { status: "Failed", failureReason: "ClientError: See job logs for more information" } },
      ],
    });
    const err = await runTransformJob(transformRequest({ TransformJobName: "doomed" }), {
      client: h.client,
      clock: h.clock,
      model: modelRequest(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({
      jobKind: "transform job",
      jobName: "doomed",
      failureReason: "ClientError: See job logs for more information",
    });
  });

  it("stops the job it created when aborted, once, and the job ends Stopped; the model stays", async () => {
    const h = emulatorHarness(lifecycles);
    const controller = new AbortController();
    void h.clock.sleep(90_000).then(() => controller.abort(new Error("task killed")));
    const run = runTransformJob(transformRequest(), { client: h.client, clock: h.clock, model: modelRequest(), signal: controller.signal });
    await expect(run).rejects.toThrow("task killed");
    expect(h.count("StopTransformJobCommand")).toBe(1);
    await h.clock.sleep(30_000);
    expect(await transformStatus(h, "scores")).toBe("Stopped");
    expect(h.count("DeleteModelCommand")).toBe(0);
  });

  it("refuses a model option the job cannot run on, before calling SageMaker", async () => {
    const h = emulatorHarness(lifecycles);
    const run = (model: unknown) =>
      runTransformJob(transformRequest(), { client: h.client, clock: h.clock, model: model as CreateModelCommandInput });
    await expect(run(modelRequest({ ModelName: "other" }))).rejects.toThrow(
      new TypeError(
        "The transform job config's ModelName [churn] must be the model option's ModelName [other], the model the job runs on. " +
          "Please use one name in both.",
      ),
    );
    await expect(run({ PrimaryContainer: {} })).rejects.toThrow(/^Option model's ModelName \[undefined\] must be a non-empty string\./);
    await expect(run(null)).rejects.toThrow(TypeError);
    expect(h.calls).toEqual([]);
  });
});
