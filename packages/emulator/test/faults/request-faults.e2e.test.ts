import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerServiceException,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator, type EmulatorOptions } from "../../src/index.js";
import { trainingJobRequest } from "../fixtures.js";
import { recordingRetryStrategy } from "./sdk-retry.js";

const S = 1000;
const emulatorWith = (faults: NonNullable<EmulatorOptions["faults"]>, options: EmulatorOptions = {}) =>
  createEmulator({ requireInputData: false, clock: new VirtualClock({ autoAdvance: false }), faults, ...options });
const describeJob = (name = "xgb-churn") => new DescribeTrainingJobCommand({ TrainingJobName: name });
const attempts = (emulator: ReturnType<typeof createEmulator>, operation: string) =>
  emulator.requests().filter((request) => request.operation === operation);

describe("request faults through the real SDK client, in-process", () => {
  it("answers a throttled request as SageMaker does: 400 ThrottlingException 'Rate exceeded', a SageMakerServiceException", async () => {
    const emulator = emulatorWith([{ fault: "throttling", match: { operation: "DescribeTrainingJob" } }]);
    const client = emulator.client();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const error = await client.send(describeJob()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect(error).toMatchObject({ name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 400 } });
    // Only the operation it names: Create went through, and the request log shows the refusal.
    expect(emulator.requests().map((r) => [r.operation, r.statusCode, r.errorCode])).toEqual([
      ["CreateTrainingJob", 200, undefined],
      ["DescribeTrainingJob", 400, "ThrottlingException"],
    ]);
  });

  it("the SDK's own retry strategy classifies throttling as THROTTLING and retries it up to maxAttempts", async () => {
    const emulator = emulatorWith([{ fault: "throttling", match: { operation: "DescribeTrainingJob" } }]);
    const { strategy, log } = await recordingRetryStrategy(emulator.client({ maxAttempts: 3 }), 3);
    const error = await emulator
      .client({ retryStrategy: strategy as never })
      .send(describeJob())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ThrottlingException", $metadata: { attempts: 3 } });
    expect(attempts(emulator, "DescribeTrainingJob")).toHaveLength(3);
    // @smithy/core picks Retry.throttlingDelay() (1000 ms) as the base for a throttling error.
    expect(log.delayBases).toEqual([1000, 1000]);
  });

  it("answers a 5xx InternalFailure (500), which the SDK retries as a transient error with the ordinary base delay", async () => {
    const emulator = emulatorWith([{ fault: "internalFailure", match: { service: "sagemaker" } }]);
    const { strategy, log } = await recordingRetryStrategy(emulator.client({ maxAttempts: 4 }), 4);
    const error = await emulator
      .client({ retryStrategy: strategy as never })
      .send(new ListTrainingJobsCommand({}))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "InternalFailure", $fault: "server", $metadata: { httpStatusCode: 500, attempts: 4 } });
    expect(attempts(emulator, "ListTrainingJobs").map((r) => r.statusCode)).toEqual([500, 500, 500, 500]);
    // Retry.delay() (50 ms), not the throttling base: the SDK told the two apart.
    expect(log.delayBases).toEqual([50, 50, 50]);
  });

  it("a retried request that meets no fault the second time succeeds: the SDK absorbs a 50% fault rate", async () => {
    const emulator = emulatorWith([{ fault: "throttling", rate: 0.5 }], { seed: 7 });
    const { strategy } = await recordingRetryStrategy(emulator.client({ maxAttempts: 10 }), 10);
    const client = emulator.client({ retryStrategy: strategy as never });
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    for (let i = 0; i < 20; i++) expect((await client.send(describeJob())).TrainingJobName).toBe("xgb-churn");
    const statuses = emulator.requests().map((r) => r.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(21);
    expect(statuses.filter((status) => status === 400).length).toBeGreaterThan(0);
    // Exactly one job, however many Create attempts the throttling cost.
    expect(emulator.state().trainingJobs).toHaveLength(1);
  });

  it("draws rates from the seed: the same seed throttles the same requests, another seed others, at about the rate", async () => {
    const run = async (seed: number) => {
      const emulator = emulatorWith([{ fault: "throttling", rate: 0.25 }], { seed });
      const client = emulator.client();
      for (let i = 0; i < 120; i++) await client.send(new ListTrainingJobsCommand({})).catch(() => undefined);
      return emulator.requests().map((r) => r.statusCode === 400);
    };
    const [a, again, other] = [await run(3), await run(3), await run(4)];
    expect(again).toEqual(a);
    expect(other).not.toEqual(a);
    const throttled = a.filter(Boolean).length;
    expect(throttled).toBeGreaterThan(12); // 120 × 0.25 = 30 expected; binomial σ ≈ 4.7
    expect(throttled).toBeLessThan(50);
  });

  it("injects only inside its virtual-time window: from inclusive, until exclusive, ISO or epoch ms", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    const t0 = clock.now();
    const emulator = emulatorWith([{ fault: "internalFailure", from: new Date(t0 + 60 * S).toISOString(), until: t0 + 120 * S }], {
      clock,
    });
    const client = emulator.client();
    const statusAt = async (seconds: number) => {
      await clock.advanceTo(t0 + seconds * S);
      return client.send(new ListTrainingJobsCommand({})).then(
        () => 200,
        (e: { $metadata: { httpStatusCode: number } }) => e.$metadata.httpStatusCode,
      );
    };
    expect([await statusAt(0), await statusAt(59), await statusAt(60), await statusAt(119), await statusAt(120)]).toEqual([
      200, 200, 500, 500, 200,
    ]);
  });

  it("matches the resource a request names (case-insensitively, or by pattern) and leaves the others alone", async () => {
    const emulator = emulatorWith([
      { fault: "throttling", match: { resource: /^flaky-/ } },
      { fault: "internalFailure", match: { resource: "BROKEN" } },
    ]);
    const client = emulator.client();
    for (const name of ["steady", "flaky-1", "broken"])
      await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name }))).catch(() => undefined);
    expect(emulator.requests().map((r) => r.statusCode)).toEqual([200, 400, 500]);
    expect((emulator.state().trainingJobs as { TrainingJobName: string }[]).map((job) => job.TrainingJobName)).toEqual(["steady"]);
  });

  it("S3 answers in its own protocol: 503 SlowDown and 500 InternalError, both retried by the S3 client", async () => {
    const emulator = emulatorWith([
      { fault: "throttling", match: { service: "s3", operation: "ListObjectsV2" } },
      { fault: "internalFailure", match: { service: "s3", operation: "CreateBucket", resource: "broken-bucket" } },
    ]);
    const s3 = emulator.s3Client(S3Client, { forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: "data" }));
    const slow = await s3.send(new ListObjectsV2Command({ Bucket: "data" })).catch((e: unknown) => e);
    expect(slow).toMatchObject({ name: "SlowDown", message: "Please reduce your request rate.", $metadata: { httpStatusCode: 503 } });
    const broken = await s3.send(new CreateBucketCommand({ Bucket: "broken-bucket" })).catch((e: unknown) => e);
    expect(broken).toMatchObject({ name: "InternalError", $metadata: { httpStatusCode: 500 } });

    const { strategy, log } = await recordingRetryStrategy(s3, 3);
    const retrying = emulator.s3Client(S3Client, { forcePathStyle: true, retryStrategy: strategy as never });
    await expect(retrying.send(new ListObjectsV2Command({ Bucket: "data" }))).rejects.toMatchObject({ $metadata: { attempts: 3 } });
    expect(log.delayBases).toEqual([1000, 1000]); // SlowDown is one of the SDK's throttling codes
  });

  it("CloudWatch Logs and SageMaker Runtime answer their own throttling and 5xx", async () => {
    const emulator = emulatorWith([
      { fault: "throttling", match: { service: "logs" } },
      { fault: "internalFailure", match: { service: "runtime", resource: "churn-endpoint" } },
    ]);
    const logs = emulator.logsClient(CloudWatchLogsClient);
    await expect(logs.send(new DescribeLogGroupsCommand({}))).rejects.toMatchObject({
      name: "ThrottlingException",
      message: "Rate exceeded",
      $metadata: { httpStatusCode: 400 },
    });
    const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
    // Refused before the service looks for the endpoint: the fault, not "Endpoint … not found".
    await expect(
      runtime.send(new InvokeEndpointCommand({ EndpointName: "churn-endpoint", Body: new Uint8Array([49]) })),
    ).rejects.toMatchObject({
      name: "InternalFailure",
      $fault: "server",
      $metadata: { httpStatusCode: 500 },
    });
    await expect(runtime.send(new InvokeEndpointCommand({ EndpointName: "other", Body: new Uint8Array([49]) }))).rejects.toMatchObject({
      name: "ValidationError",
    });
    expect(emulator.requests().map((r) => [r.service, r.operation, r.errorCode])).toEqual([
      ["logs", "DescribeLogGroups", "ThrottlingException"],
      ["runtime", "InvokeEndpoint", "InternalFailure"],
      ["runtime", "InvokeEndpoint", "ValidationError"],
    ]);
  });

  it("adds latency as a wall-clock wait on a timer: the event loop runs on, and an undelayed request overtakes it", async () => {
    const emulator = emulatorWith([{ fault: "latency", ms: 40, match: { operation: "DescribeTrainingJob" } }]);
    const client = emulator.client();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const order: string[] = [];
    const slow = client.send(describeJob()).then(() => order.push("delayed Describe"));
    // Timers still fire while the Describe is held back: nothing blocks.
    await new Promise((resolve) => setTimeout(resolve, 0));
    order.push("timer");
    await client.send(new ListTrainingJobsCommand({})).then(() => order.push("List"));
    await slow;
    expect(order).toEqual(["timer", "List", "delayed Describe"]);
  });

  it("setFaults replaces the faults at run time and an empty list clears them; the constructor's are readable", async () => {
    const emulator = emulatorWith([{ fault: "throttling" }]);
    const client = emulator.client();
    await expect(client.send(new ListTrainingJobsCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
    expect(emulator.faults()).toEqual([{ fault: "throttling" }]);
    emulator.setFaults([]);
    await expect(client.send(new ListTrainingJobsCommand({}))).resolves.toMatchObject({ TrainingJobSummaries: [] });
    expect(() => emulator.setFaults([{ fault: "throttling", rat: 0.5 } as never])).toThrow(
      /faults\[0\] has an unknown key "rat"; the known keys are fault, match, rate, from, until/,
    );
    expect(emulator.faults()).toEqual([]);
  });
});
