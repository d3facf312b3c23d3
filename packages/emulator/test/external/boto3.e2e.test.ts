import { ScaledClock } from "@sagerun/transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { startServer, type RunningServer } from "../../src/http.js";
import { trainingJobRequest } from "../fixtures.js";
import { endpointConfigRequest, endpointRequest, modelRequest } from "../fixtures/hosting.js";
import { probeBoto3, clientEnv, run, scriptPath } from "./external-tools.js";

const HOSTING_OPERATIONS = ["CreateModel", "CreateEndpointConfig", "CreateEndpoint", "DescribeEndpoint"];
const SCENARIOS = ["training_completed", "stopped", "duplicate", "not_found", "pagination", "explicit_endpoint_url"];
const ARN = "arn:aws:sagemaker:us-east-1:123456789012";
const boto3Tool = probeBoto3();

// One Python process runs every scenario (boto3's import dominates its start-up); each `it`
// then checks one scenario's observations. 1000 virtual seconds per real second: the default
// 425 s training job takes under half a second of the waiter's real sleeps.
describe.skipIf(!boto3Tool.available)(`boto3 against the HTTP server${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`, () => {
  let server: RunningServer;
  let hosting = false;
  let observed: Record<string, unknown>;
  beforeAll(async () => {
    // Stopping lasts 300 virtual seconds (0.3 s real) so "Stopping" is seen right after the stop
    // request even on a loaded machine.
    server = await startServer({
      port: 0,
      emulator: createEmulator({ requireInputData: false, clock: new ScaledClock({ scale: 1000 }), durations: { stoppingSeconds: 300 } }),
    });
    hosting = HOSTING_OPERATIONS.every((op) => server.emulator.operations.includes(op));
    const requests = {
      training: trainingJobRequest(),
      model: modelRequest(),
      endpointConfig: endpointConfigRequest(),
      endpoint: endpointRequest(),
    };
    const scenarios = hosting ? [...SCENARIOS, "endpoint_in_service"] : SCENARIOS;
    const result = await run(
      "python3",
      [scriptPath("boto3_scenarios.py"), JSON.stringify(requests), ...scenarios],
      clientEnv({ AWS_ENDPOINT_URL_SAGEMAKER: server.url }),
    );
    if (result.code !== 0) throw new Error(`boto3_scenarios.py exited ${result.code}:\n${result.stderr}`);
    observed = JSON.parse(result.stdout) as Record<string, unknown>;
  });
  afterAll(async () => server?.close());

  it("runs a training job from create to Completed under boto3's training_job_completed_or_stopped waiter", () => {
    expect(observed.training_completed).toEqual({
      first: "InProgress",
      final: ["Completed", "Completed"],
      creation_time_is_aware_datetime: true,
      ended_after_creation: true,
      artifacts: "s3://bucket/churn/output/boto-complete/output/model.tar.gz",
    });
  });

  it("stops a job: Stopping at once, then Stopped for the waiter", () => {
    expect(observed.stopped).toEqual({ after_stop: "Stopping", final: "Stopped" });
  });

  it("raises a duplicate name as client.exceptions.ResourceInUse with SageMaker's message (aws/amazon-sagemaker-examples#3108)", () => {
    expect(observed.duplicate).toEqual({
      class: "ResourceInUse",
      code: "ResourceInUse",
      message: `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${ARN}:training-job/boto-dup)`,
    });
  });

  it("raises a missing job as ClientError ValidationException 'Requested resource not found.', not ResourceNotFound (boto/boto3#2808)", () => {
    expect(observed.not_found).toEqual({
      code: "ValidationException",
      message: "Requested resource not found.",
      http_status: 400,
      is_resource_not_found_class: false,
      str: "An error occurred (ValidationException) when calling the DescribeTrainingJob operation: Requested resource not found.",
    });
  });

  it("pages ListTrainingJobs with boto3's paginator (PageSize 2)", () => {
    expect(observed.pagination).toEqual([["page-job-0", "page-job-1"], ["page-job-2", "page-job-3"], ["page-job-4"]]);
  });

  it("accepts endpoint_url= as well as AWS_ENDPOINT_URL_SAGEMAKER", () => {
    expect(observed.explicit_endpoint_url).toEqual({ http_status: 200 });
  });

  it("brings an endpoint InService under boto3's endpoint_in_service waiter", (context) => {
    if (!hosting) {
      console.warn(`[sagerun external tests] SKIPPED endpoint scenario: the emulator lacks one of ${HOSTING_OPERATIONS.join(", ")}`);
      context.skip();
    }
    expect(observed.endpoint_in_service).toEqual({ first: "Creating", final: "InService" });
  });
});
