import { CreateModelCommand, StopProcessingJobCommand, type CreateProcessingJobCommandInput } from "@aws-sdk/client-sagemaker";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import type { ImageCode } from "@sagerun/emulator";
import { installSagerunMatchers } from "@sagerun/emulator/vitest";
import { describe, expect, it } from "vitest";
import { BUCKET, harnessWithBucket } from "../test/test-mode-fixtures.js";
import { JobStoppedError } from "./errors/index.js";
import { definePipeline } from "./pipeline/define-pipeline.js";
import { runPipeline } from "./pipeline/run-pipeline.js";
import { step } from "./pipeline/step.js";
import { runProcessingJob } from "./run-processing-job.js";
import { runTransformJob } from "./run-transform-job.js";
import { runTuningJob } from "./run-tuning-job.js";

// acceptRuntimeCap beyond training (whose cases are in run-job.test-mode.test.ts): processing jobs
// are accepted on their times and outputs; transform and tuning jobs refuse the option.

installSagerunMatchers();

// The container starts 60 s after Create; a stop takes 30 s.
const durations = { provisioningSeconds: 60, runningSeconds: 120, stoppingSeconds: 30 };
const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";
const PREP = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-prep:1";
const OUTPUT = `s3://${BUCKET}/prep/features/`;

/** A processing script that says it runs two hours: test mode's 600 s cap stops it. */
const runsLong: ImageCode = {
  image: PREP,
  process(_, io) {
    io.log("writing features");
    io.took(7200);
  },
};

const bench = () => harnessWithBucket({ durations, images: [runsLong] });

function prep(uploadMode: "Continuous" | "EndOfJob"): CreateProcessingJobCommandInput {
  return {
    ProcessingJobName: "prep",
    RoleArn: ROLE_ARN,
    AppSpecification: { ImageUri: PREP },
    ProcessingOutputConfig: {
      Outputs: [{ OutputName: "features", S3Output: { S3Uri: OUTPUT, LocalPath: "/opt/ml/processing/output", S3UploadMode: uploadMode } }],
    },
    ProcessingResources: { ClusterConfig: { InstanceType: "ml.c5.4xlarge", InstanceCount: 2, VolumeSizeInGB: 30 } },
    StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
  };
}

describe("testMode.acceptRuntimeCap on a processing job", () => {
  it("accepts a job stopped at its cap that uploaded outputs while it ran (S3UploadMode Continuous), and says so", async () => {
    const { h, s3 } = await bench();
    // The emulator uploads a processing job's outputs when it completes; a Continuous upload while
    // the job runs is written here, at the moment the cap stops the job.
    let uploaded: Promise<unknown> | undefined;
    const result = await runProcessingJob(prep("Continuous"), {
      client: h.client,
      clock: h.clock,
      checkIntervalSeconds: 10,
      testMode: { acceptRuntimeCap: true, s3 },
      onStatusChange: (event) => {
        if (event.status === "Stopping")
          uploaded = s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "prep/features/part-0.csv", Body: "1,2\n" }));
      },
    });
    await uploaded;

    expect(result.description).toMatchObject({ ProcessingJobStatus: "Stopped", StoppingCondition: { MaxRuntimeInSeconds: 600 } });
    expect(result.testMode?.acceptedAtRuntimeCap).toBe(true);
    const ran = Date.parse(result.description.ProcessingEndTime!) - Date.parse(result.description.ProcessingStartTime!);
    expect(ran).toBeGreaterThanOrEqual(600_000);
    expect(h.emulator).toHaveReceived("ListObjectsV2", { times: 1, with: { Bucket: BUCKET, Prefix: "prep/features/" } });
  });

  it("throws JobStoppedError when no output was written since the job started (EndOfJob outputs come only at completion)", async () => {
    const { h, s3 } = await bench();
    // An object from an earlier run is under the output prefix already: it is not this job's.
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "prep/features/part-0.csv", Body: "old\n" }));
    await h.clock.sleep(5_000);
    const err = await runProcessingJob(prep("EndOfJob"), {
      client: h.client,
      clock: h.clock,
      testMode: { acceptRuntimeCap: true, s3 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobStoppedError);
    expect(err).toMatchObject({ jobName: "prep", status: "Stopped" });
    const lists = h.emulator.requests().filter((r) => r.operation === "ListObjectsV2");
    expect(lists).toHaveLength(1);
  });

  it("throws JobStoppedError for a job stopped by a Stop request before its cap, without looking in S3", async () => {
    const { h, s3 } = await bench();
    const other = h.emulator.client();
    void h.clock.sleep(120_000).then(() => other.send(new StopProcessingJobCommand({ ProcessingJobName: "prep" })));
    const err = await runProcessingJob(prep("Continuous"), {
      client: h.client,
      clock: h.clock,
      testMode: { acceptRuntimeCap: true, s3 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobStoppedError);
    expect(h.emulator.requests().filter((r) => r.operation === "ListObjectsV2")).toEqual([]);
  });
});

describe("testMode.acceptRuntimeCap on kinds never stopped at a test-mode cap", () => {
  it("refuses it for a transform job with a TypeError before anything is sent: transform jobs have no runtime limit", async () => {
    const { h, s3 } = await bench();
    const before = h.emulator.requests().length;
    const run = runTransformJob({ TransformJobName: "score" } as never, {
      client: h.client,
      clock: h.clock,
      testMode: { acceptRuntimeCap: true, s3 },
    });
    await expect(run).rejects.toThrow(TypeError);
    await expect(run).rejects.toThrow(
      /^Option testMode\.acceptRuntimeCap cannot apply to a transform job: a transform job has no runtime limit \(CreateTransformJob takes no StoppingCondition\)/,
    );
    expect(h.emulator.requests()).toHaveLength(before);
  });

  it("refuses it for a tuning job with a TypeError before anything is sent", async () => {
    const { h, s3 } = await bench();
    const before = h.emulator.requests().length;
    const run = runTuningJob({ HyperParameterTuningJobName: "tune" } as never, {
      client: h.client,
      clock: h.clock,
      testMode: { acceptRuntimeCap: true, s3 },
    });
    await expect(run).rejects.toThrow(/^Option testMode\.acceptRuntimeCap cannot apply to a hyperparameter tuning job: /);
    expect(h.emulator.requests()).toHaveLength(before);
  });

  it("given to runPipeline for the whole run, does not refuse a transform step: it shrinks the job and leaves the option out", async () => {
    const { h, s3 } = await bench();
    await h.emulator
      .client()
      .send(new CreateModelCommand({ ModelName: "churn", ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { Image: PREP } }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "batch/rows.csv", Body: "1,2\n" }));
    const score = step({
      id: "score",
      run: (ctx) =>
        runTransformJob(
          {
            TransformJobName: ctx.jobName(),
            ModelName: "churn",
            TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${BUCKET}/batch/` } } },
            TransformOutput: { S3OutputPath: `s3://${BUCKET}/scores/` },
            TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
          },
          { ...ctx.jobOptions },
        ),
    });
    const pipeline = definePipeline({ name: "trial", steps: [score] });
    const run = await runPipeline(pipeline, { client: h.client, clock: h.clock, runId: "r1", testMode: { acceptRuntimeCap: true, s3 } });
    expect(run.steps.score.result.description.TransformJobStatus).toBe("Completed");
    expect(run.steps.score.result.testMode?.changes.map((c) => c.path)).toEqual(["TransformResources.InstanceType"]);
  });
});
