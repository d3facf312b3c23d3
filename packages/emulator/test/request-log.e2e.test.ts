import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogStreamsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { CreateTrainingJobCommand, DescribeTrainingJobCommand, ListTrainingJobsCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { manualEmulator, trainingJobRequest } from "./fixtures.js";

const ignore = (): void => undefined;

describe("Emulator.requests", () => {
  it("lists every request in order: service, operation, decoded input, virtual time, status and error code", async () => {
    const { emulator, client: sagemaker, clock } = manualEmulator();
    const s3 = emulator.s3Client(S3Client);
    const logs = emulator.logsClient(CloudWatchLogsClient);
    const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
    const t0 = clock.now();

    const job = trainingJobRequest({ TrainingJobName: "nightly" });
    await sagemaker.send(new CreateTrainingJobCommand(job));
    await clock.advance(5_000);
    await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "missing" })).catch(ignore);
    await s3.send(new CreateBucketCommand({ Bucket: "ml-data" }));
    await s3.send(new PutObjectCommand({ Bucket: "ml-data", Key: "train/a b.csv", Body: "0,1\n" }));
    await s3.send(new ListObjectsV2Command({ Bucket: "ml-data", Prefix: "train/", MaxKeys: 10 }));
    await s3.send(new GetObjectCommand({ Bucket: "ml-data", Key: "nothing" })).catch(ignore);
    await s3.send(new HeadObjectCommand({ Bucket: "ml-data", Key: "nothing" })).catch(ignore);
    await logs.send(new CreateLogGroupCommand({ logGroupName: "/team/pipeline" }));
    await logs.send(new DescribeLogStreamsCommand({ logGroupName: "/team/missing" })).catch(ignore);
    await runtime
      .send(
        new InvokeEndpointCommand({
          EndpointName: "churn",
          ContentType: "text/csv",
          Accept: "application/json",
          TargetVariant: "b",
          Body: "1,2",
        }),
      )
      .catch(ignore);

    const t5 = t0 + 5_000;
    expect(emulator.requests()).toEqual([
      { service: "sagemaker", operation: "CreateTrainingJob", input: job, at: t0, statusCode: 200 },
      {
        service: "sagemaker",
        operation: "DescribeTrainingJob",
        input: { TrainingJobName: "missing" },
        at: t5,
        statusCode: 400,
        errorCode: "ValidationException",
      },
      { service: "s3", operation: "CreateBucket", input: { Bucket: "ml-data" }, at: t5, statusCode: 200 },
      { service: "s3", operation: "PutObject", input: { Bucket: "ml-data", Key: "train/a b.csv" }, at: t5, statusCode: 200 },
      { service: "s3", operation: "ListObjectsV2", input: { Bucket: "ml-data", Prefix: "train/", MaxKeys: 10 }, at: t5, statusCode: 200 },
      {
        service: "s3",
        operation: "GetObject",
        input: { Bucket: "ml-data", Key: "nothing" },
        at: t5,
        statusCode: 404,
        errorCode: "NoSuchKey",
      },
      // HEAD answers carry no error body; the log still says what the emulator refused with.
      {
        service: "s3",
        operation: "HeadObject",
        input: { Bucket: "ml-data", Key: "nothing" },
        at: t5,
        statusCode: 404,
        errorCode: "NoSuchKey",
      },
      { service: "logs", operation: "CreateLogGroup", input: { logGroupName: "/team/pipeline" }, at: t5, statusCode: 200 },
      {
        service: "logs",
        operation: "DescribeLogStreams",
        input: { logGroupName: "/team/missing" },
        at: t5,
        statusCode: 400,
        errorCode: "ResourceNotFoundException",
      },
      {
        service: "runtime",
        operation: "InvokeEndpoint",
        input: { EndpointName: "churn", ContentType: "text/csv", Accept: "application/json", TargetVariant: "b" },
        at: t5,
        statusCode: 400,
        errorCode: "ValidationError",
      },
    ]);
  });

  it("names a request whose operation the service could not read by its method and path, and keeps the operation of a body that does not decode", () => {
    const emulator = createEmulator();
    emulator.serve({ method: "POST", target: "/", headers: { "x-amz-target": "SageMaker" }, body: "{}" });
    emulator.serve({ method: "POST", target: "/", headers: { "x-amz-target": "SageMaker.CreateTrainingJob" }, body: "[1]" });
    emulator.serve({ method: "POST", target: "/", headers: { "x-amz-target": "SageMaker.NoSuchOperation" }, body: "{}" });
    expect(emulator.requests().map(({ operation, input, statusCode, errorCode }) => ({ operation, input, statusCode, errorCode }))).toEqual(
      [
        { operation: "POST /", input: {}, statusCode: 400, errorCode: "UnknownOperationException" },
        { operation: "CreateTrainingJob", input: {}, statusCode: 400, errorCode: "SerializationException" },
        { operation: "NoSuchOperation", input: {}, statusCode: 400, errorCode: "UnknownOperationException" },
      ],
    );
  });

  it("keeps the last `requestLog` requests, oldest first; 0 keeps none", async () => {
    const kept = createEmulator({ requestLog: 3 });
    const none = createEmulator({ requestLog: 0 });
    for (const emulator of [kept, none]) {
      for (let i = 0; i < 7; i++)
        await emulator
          .client()
          .send(new DescribeTrainingJobCommand({ TrainingJobName: `job-${i}` }))
          .catch(ignore);
    }
    expect(kept.requests().map(({ input }) => input.TrainingJobName)).toEqual(["job-4", "job-5", "job-6"]);
    expect(none.requests()).toEqual([]);
  });

  it("is cleared by reset(), and hands out a new array of frozen entries each time", async () => {
    const emulator = createEmulator();
    await emulator.client().send(new ListTrainingJobsCommand({}));
    const log = emulator.requests();
    log.pop();
    expect(emulator.requests()).toHaveLength(1);
    expect(Object.isFrozen(emulator.requests()[0])).toBe(true);
    emulator.reset();
    expect(emulator.requests()).toEqual([]);
  });

  it("refuses a requestLog that is not a whole number, 0 or more", () => {
    expect(() => createEmulator({ requestLog: -1 })).toThrow(
      new RangeError("requestLog [-1] must be a whole number of requests to keep, 0 or more (0 keeps none)."),
    );
    expect(() => createEmulator({ requestLog: 1.5 })).toThrow(RangeError);
    expect(() => createEmulator({ requestLog: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
