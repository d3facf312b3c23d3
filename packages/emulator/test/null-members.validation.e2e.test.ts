import { DescribeEndpointConfigCommand, DescribeModelCommand, ListModelsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { isModelOperation } from "../src/validation/validate.js";
import { manualEmulator, trainingJobRequest } from "./fixtures.js";
import { endpointConfigRequest, endpointRequest, modelRequest, variant } from "./fixtures/hosting.js";
import { processingJobRequest, transformJobRequest } from "./fixtures/jobs.js";
import { tuningJobRequest } from "./fixtures/tuning.js";

/**
 * Issue item 1: JSON null reached handlers and crashed them (500). A null optional member is
 * absent; a null required member, list element or map value is `Member must not be null`.
 *
 * The JS SDK never sends null (its serializer drops it), but boto3 users and hand-written
 * clients do, so these requests go through `serve`, the path every front door shares (HTTP
 * server, msw, the SDK's in-process handler), with the JSON exactly as written; what they
 * created is then read back with the SDK client, `createEmulator({ requireInputData: false }).client()`.
 */

interface Answer {
  status: number;
  body: { __type?: string; message?: string; Message?: string } & Record<string, unknown>;
}

function send(emulator: Emulator, operation: string, json: string): Answer {
  const response = emulator.serve({
    headers: { "x-amz-target": `SageMaker.${operation}`, "content-type": "application/x-amz-json-1.1" },
    body: json,
  });
  return { status: response.statusCode, body: JSON.parse(new TextDecoder().decode(response.body)) as Answer["body"] };
}

/** One resource of every kind, so each List* has something to filter. */
function populated() {
  const env = manualEmulator();
  const creates: [string, object][] = [
    ["CreateTrainingJob", trainingJobRequest()],
    ["CreateProcessingJob", processingJobRequest()],
    ["CreateModel", modelRequest()],
    ["CreateTransformJob", transformJobRequest({ ModelName: "churn-model" })],
    ["CreateHyperParameterTuningJob", tuningJobRequest()],
    ["CreateEndpointConfig", endpointConfigRequest()],
    ["CreateEndpoint", endpointRequest()],
  ];
  for (const [op, input] of creates) expect(send(env.emulator, op, JSON.stringify(input)).status, op).toBe(200);
  return env;
}

describe("JSON null in a request", () => {
  it('answers every List* with `{"NameContains": null}` as if the filter were absent (list-page.ts crashed on it)', async () => {
    const { emulator } = populated();
    const lists = emulator.operations.filter((op) => op.startsWith("List") && isModelOperation(op));
    const filtered = lists.filter((op) => !["ListTags", "ListTrainingJobsForHyperParameterTuningJob"].includes(op));
    let listed = 0;
    for (const op of filtered) {
      const withNull = send(emulator, op, '{"NameContains": null, "MaxResults": null, "NextToken": null, "SortBy": null}');
      const without = send(emulator, op, "{}");
      // A listing of one parent's children (ListPipelineExecutionSteps) refuses `{}` alike.
      expect([op, withNull.status]).toEqual([op, without.status]);
      expect(withNull.body, op).toEqual(without.body);
      if (withNull.status === 200) listed++;
    }
    expect(listed).toBeGreaterThanOrEqual(7);
  });

  it("lists a model with the SDK client after a ListModels whose every filter was null", async () => {
    const { emulator, client } = populated();
    expect(send(emulator, "ListModels", '{"NameContains": null, "CreationTimeAfter": null, "SortOrder": null}').status).toBe(200);
    expect((await client.send(new ListModelsCommand({}))).Models?.map((m) => m.ModelName)).toEqual(["churn-model"]);
  });

  it('creates a model with `"Containers": null` from its PrimaryContainer, and Describe shows no Containers (model/operations.ts crashed)', async () => {
    const { emulator, client } = manualEmulator();
    const answer = send(
      emulator,
      "CreateModel",
      JSON.stringify({ ...modelRequest({ ModelName: "nulls" }), Containers: null, VpcConfig: null, Tags: null }),
    );
    expect(answer.status).toBe(200);
    const model = await client.send(new DescribeModelCommand({ ModelName: "nulls" }));
    expect(model.PrimaryContainer?.Image).toBe(modelRequest().PrimaryContainer?.Image);
    expect(model).not.toHaveProperty("Containers");
    expect(model).not.toHaveProperty("VpcConfig");
  });

  it("treats a production variant's `\"ModelName\": null` as absent: the service's own answer, never an internal failure (endpoint-config/operations.ts crashed)", async () => {
    const { emulator, client } = manualEmulator();
    expect(send(emulator, "CreateModel", JSON.stringify(modelRequest())).status).toBe(200);
    const withNull = send(
      emulator,
      "CreateEndpointConfig",
      JSON.stringify(endpointConfigRequest({ ProductionVariants: [{ ...variant("churn-model"), ModelName: null as unknown as string }] })),
    );
    const absent = send(
      emulator,
      "CreateEndpointConfig",
      JSON.stringify(
        endpointConfigRequest({ EndpointConfigName: "other", ProductionVariants: [{ ...variant("churn-model"), ModelName: undefined }] }),
      ),
    );
    expect(withNull.status).toBeLessThan(500);
    expect([withNull.status, withNull.body.__type]).toEqual([absent.status, absent.body.__type]);
    if (withNull.status === 200) {
      const config = await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "churn-config" }));
      expect(config.ProductionVariants?.[0]).not.toHaveProperty("ModelName");
    }
  });

  it("keeps a variant with a null optional member otherwise intact", async () => {
    const { emulator, client } = manualEmulator();
    expect(send(emulator, "CreateModel", JSON.stringify(modelRequest())).status).toBe(200);
    const config = endpointConfigRequest({
      ProductionVariants: [{ ...variant("churn-model"), InitialVariantWeight: null as unknown as number }],
    });
    expect(send(emulator, "CreateEndpointConfig", JSON.stringify(config)).status).toBe(200);
    const described = await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "churn-config" }));
    expect(described.ProductionVariants?.[0]).toMatchObject({
      VariantName: "AllTraffic",
      ModelName: "churn-model",
      InstanceType: "ml.m5.large",
    });
  });

  it("answers `Member must not be null` for a null required member, a null list element and a null map value", () => {
    const { emulator } = manualEmulator();
    const cases: [string, object, string][] = [
      ["DescribeModel", { ModelName: null }, "Value null at 'modelName' failed to satisfy constraint: Member must not be null"],
      [
        "CreateModel",
        { ...modelRequest(), Tags: [null] },
        "Value null at 'tags.1.member' failed to satisfy constraint: Member must not be null",
      ],
      [
        "CreateModel",
        { ...modelRequest(), PrimaryContainer: { Image: "img", Environment: { A: "1", B: null } } },
        "Value null at 'primaryContainer.environment.B.member' failed to satisfy constraint: Member must not be null",
      ],
      [
        "CreateEndpointConfig",
        { EndpointConfigName: "c", ProductionVariants: [null] },
        "Value null at 'productionVariants.1.member' failed to satisfy constraint: Member must not be null",
      ],
    ];
    for (const [op, input, message] of cases) {
      const answer = send(emulator, op, JSON.stringify(input));
      expect([op, answer.status, answer.body.__type, answer.body.message]).toEqual([
        op,
        400,
        "ValidationException",
        `1 validation error detected: ${message}`,
      ]);
    }
  });
});
