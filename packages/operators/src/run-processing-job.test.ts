import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { CreateProcessingJobCommand, DescribeProcessingJobCommand, type CreateProcessingJobCommandInput } from "@aws-sdk/client-sagemaker";
import type { ImageCode } from "@sagerun/emulator";
import { describe, expect, it } from "vitest";
import { emulatorHarness, type Harness } from "../test/fixtures.js";
import { JobFailedError, JobStoppedError } from "./errors/index.js";
import type { JobLogLine } from "./logs/logs-options.js";
import { runProcessingJob } from "./run-processing-job.js";

// The container starts 60 s after Create and the job completes at 180 s; a stop takes 30 s.
const durations = { provisioningSeconds: 60, runningSeconds: 120, stoppingSeconds: 30 };
const BUCKET = "sagerun-test";
// A team's own image: the emulator runs code for it only where a test registers some.
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-prep:1";

function processingRequest(overrides: Partial<CreateProcessingJobCommandInput> = {}): CreateProcessingJobCommandInput {
  return {
    ProcessingJobName: "prep",
    RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
    AppSpecification: { ImageUri: IMAGE },
    ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 30 } },
    ProcessingInputs: [
      {
        InputName: "raw",
        S3Input: { S3Uri: `s3://${BUCKET}/raw/`, LocalPath: "/opt/ml/processing/raw", S3DataType: "S3Prefix", S3InputMode: "File" },
      },
    ],
    ProcessingOutputConfig: {
      Outputs: [
        { OutputName: "rows", S3Output: { S3Uri: `s3://${BUCKET}/rows/`, LocalPath: "/opt/ml/processing/rows", S3UploadMode: "EndOfJob" } },
      ],
    },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...overrides,
  };
}

const statusOf = async (h: Harness, name: string) =>
  (await h.emulator.client().send(new DescribeProcessingJobCommand({ ProcessingJobName: name }))).ProcessingJobStatus;

describe(runProcessingJob.name, () => {
  it("resolves with the final description, JSON-safe, when the job completes", async () => {
    const h = emulatorHarness({ durations });
    const result = await runProcessingJob(processingRequest(), { client: h.client, clock: h.clock });
    expect(result).toMatchObject({ jobName: "prep", created: true });
    expect(result.description).toMatchObject({
      ProcessingJobStatus: "Completed",
      ProcessingStartTime: "2026-01-01T00:01:00.000Z",
      ProcessingEndTime: "2026-01-01T00:03:00.000Z",
    });
    expect(JSON.parse(JSON.stringify(result.description))).toStrictEqual(result.description);
    expect(h.calls.slice(0, 2)).toEqual(["DescribeProcessingJobCommand", "CreateProcessingJobCommand"]);
  });

  it("rejects with JobFailedError carrying FailureReason when the job fails", async () => {
    const h = emulatorHarness({
      durations,
      rules: [{ match: { name: /^doomed/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    const err = await runProcessingJob(processingRequest({ ProcessingJobName: "doomed" }), { client: h.client, clock: h.clock }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err).toMatchObject({ jobKind: "processing job", jobName: "doomed", status: "Failed", failureReason: "AlgorithmError: boom" });
    expect((err as Error).message).toMatch(/^Processing job 'doomed' failed \(status Failed\): AlgorithmError: boom\./);
  });

  it("stops the job it created when aborted, once, and the job ends Stopped", async () => {
    const h = emulatorHarness({ durations });
    const controller = new AbortController();
    void h.clock.sleep(90_000).then(() => controller.abort(new Error("task killed")));
    await expect(runProcessingJob(processingRequest(), { client: h.client, clock: h.clock, signal: controller.signal })).rejects.toThrow(
      "task killed",
    );
    expect(h.count("StopProcessingJobCommand")).toBe(1);
    expect(await statusOf(h, "prep")).toBe("Stopping");
    await h.clock.sleep(30_000);
    expect(await statusOf(h, "prep")).toBe("Stopped");
  });

  it("rejects with JobStoppedError, not MaxRuntimeExceededError, at the runtime limit: Describe cannot tell the two apart", async () => {
    const h = emulatorHarness({ durations });
    const config = processingRequest({ ProcessingJobName: "too-long", StoppingCondition: { MaxRuntimeInSeconds: 60 } });
    const err = await runProcessingJob(config, { client: h.client, clock: h.clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobStoppedError);
    expect(err).toMatchObject({ status: "Stopped", secondaryStatus: undefined });
    expect(h.count("StopProcessingJobCommand")).toBe(0);
  });

  it('reattaches to an existing job with onExists: "reattach", creating nothing, and waits for it', async () => {
    const h = emulatorHarness({ durations });
    await h.emulator.client().send(new CreateProcessingJobCommand(processingRequest()));
    const result = await runProcessingJob(processingRequest(), { client: h.client, clock: h.clock, onExists: "reattach" });
    expect(result).toMatchObject({ jobName: "prep", created: false, description: { ProcessingJobStatus: "Completed" } });
    expect(h.count("CreateProcessingJobCommand")).toBe(0);
  });

  it('returns a running job as it is with onExists: "skip", and judges a failed one', async () => {
    const h = emulatorHarness({ durations, rules: [{ match: { name: "broken" }, outcome: { status: "Failed", afterSeconds: 10 } }] });
    await h.emulator.client().send(new CreateProcessingJobCommand(processingRequest()));
    const running = await runProcessingJob(processingRequest(), { client: h.client, clock: h.clock, onExists: "skip" });
    expect(running).toMatchObject({ created: false, description: { ProcessingJobStatus: "InProgress" } });
    expect(h.calls).toEqual(["DescribeProcessingJobCommand"]);

    await h.emulator.client().send(new CreateProcessingJobCommand(processingRequest({ ProcessingJobName: "broken" })));
    await h.clock.sleep(120_000);
    const skip = runProcessingJob(processingRequest({ ProcessingJobName: "broken" }), {
      client: h.client,
      clock: h.clock,
      onExists: "skip",
    });
    await expect(skip).rejects.toBeInstanceOf(JobFailedError);
    expect(h.count("CreateProcessingJobCommand")).toBe(0);
  });

  it("streams the container's log lines from /aws/sagemaker/ProcessingJobs while the job runs (Airflow ignores print_log here)", async () => {
    const seenRows: string[] = [];
    const prep: ImageCode = {
      image: IMAGE,
      process(input, io) {
        const rows = input.inputs.raw!.files.flatMap((f) => new TextDecoder().decode(f.body).trim().split("\n"));
        seenRows.push(...rows);
        io.log(`read ${rows.length} rows`);
        io.log("wrote rows/all.csv");
        io.writeOutput("rows", "all.csv", `${rows.join("\n")}\n`);
      },
    };
    const h = emulatorHarness({ durations, images: [prep] });
    const s3 = h.emulator.s3Client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "raw/a.csv", Body: "1\n2\n" }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "raw/b.csv", Body: "3\n" }));

    const lines: JobLogLine[] = [];
    const { description } = await runProcessingJob(processingRequest(), {
      client: h.client,
      clock: h.clock,
      logs: { client: h.emulator.logsClient(CloudWatchLogsClient), onLine: (line) => lines.push(line) },
    });
    expect(description.ProcessingJobStatus).toBe("Completed");
    expect(seenRows).toEqual(["1", "2", "3"]);
    expect(lines.map((l) => l.message)).toEqual(["read 3 rows", "wrote rows/all.csv"]);
    expect(lines.every((l) => l.stream.startsWith("prep/algo-1-"))).toBe(true);
    const output = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: "rows/all.csv" }));
    expect(await output.Body!.transformToString()).toBe("1\n2\n3\n");
  });
});
