import { fileURLToPath } from "node:url";
import { ScaledClock } from "@sagerun/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { createEmulator } from "../../src/index.js";
import { clientEnv, probeBoto3, run } from "../external/external-tools.js";
import { trainingJobRequest } from "../fixtures.js";

const boto3Tool = probeBoto3();
const script = fileURLToPath(new URL("./boto3_faults.py", import.meta.url));
const CAPACITY = "CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.";

// One Python process runs every scenario (boto3's import dominates its start-up); each `it` checks one.
describe.skipIf(!boto3Tool.available)(`faults over HTTP with boto3${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`, () => {
  let server: RunningServer;
  let observed: Record<string, Record<string, unknown> | boolean>;
  beforeAll(async () => {
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 1 }),
      faults: [
        { fault: "throttling", match: { operation: "DescribeTrainingJob", resource: "anything" } },
        { fault: "internalFailure", match: { operation: "ListTrainingJobs" } },
        { fault: "throttling", match: { service: "s3" } },
        { fault: "instanceQuota", instanceType: "ml.p3.2xlarge", limit: 1 },
        { fault: "capacityError", match: { name: /^gpu-/ } },
      ],
    });
    server = await startServer({ port: 0, emulator, log: () => {} });
    const requests = {
      quota: trainingJobRequest({
        TrainingJobName: "too-many",
        ResourceConfig: { InstanceType: "ml.p3.2xlarge", InstanceCount: 2, VolumeSizeInGB: 30 },
      }),
      capacity: trainingJobRequest({ TrainingJobName: "gpu-train" }),
    };
    const result = await run("python3", [script, JSON.stringify(requests)], clientEnv({ AWS_ENDPOINT_URL: server.url }));
    if (result.code !== 0) throw new Error(`boto3_faults.py exited ${result.code}:\n${result.stderr}`);
    observed = JSON.parse(result.stdout) as typeof observed;
  });
  afterAll(async () => server?.close());

  const attemptsOf = (operation: string, statusCode: number) =>
    server.emulator.requests().filter((r) => r.operation === operation && r.statusCode === statusCode).length;

  it("botocore's standard mode retries a ThrottlingException, then raises it with SageMaker's code and text", () => {
    expect(observed.throttled).toEqual({
      class: "ClientError",
      code: "ThrottlingException",
      message: "Rate exceeded",
      http_status: 400,
      retry_attempts: 1,
    });
    expect(attemptsOf("DescribeTrainingJob", 400)).toBe(2);
  });

  it("retries a 500 InternalFailure as a transient error", () => {
    expect(observed.internal_failure).toMatchObject({ code: "InternalFailure", http_status: 500, retry_attempts: 1 });
    expect(attemptsOf("ListTrainingJobs", 500)).toBe(2);
  });

  it("raises a quota refusal as client.exceptions.ResourceLimitExceeded with the service-limit text, never retried", () => {
    expect(observed.quota).toEqual({
      class: "ResourceLimitExceeded",
      code: "ResourceLimitExceeded",
      message:
        "The account-level service limit 'ml.p3.2xlarge for training job usage' is 1 Instances, with current utilization of 0 Instances " +
        "and a request delta of 2 Instances. Please use AWS Service Quotas to request an increase for this quota. " +
        "If AWS Service Quotas is not available, contact AWS support to request an increase for this quota.",
      http_status: 400,
      retry_attempts: 0,
    });
    expect(observed.quota_is_modelled_class).toBe(true);
    expect(attemptsOf("CreateTrainingJob", 400)).toBe(1);
  });

  it("shows a CapacityError job failure in DescribeTrainingJob, before any TrainingStartTime", () => {
    expect(observed.capacity).toEqual({
      TrainingJobStatus: "Failed",
      SecondaryStatus: "Failed",
      FailureReason: CAPACITY,
      TrainingStartTime: null,
    });
  });

  it("answers S3 requests with S3's 503 SlowDown, which botocore retries as throttling", () => {
    expect(observed.slow_down).toMatchObject({ code: "SlowDown", http_status: 503, retry_attempts: 1 });
  });
});
