import { DescribeEndpointConfigCommand, DescribeModelCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness } from "../../test/fixtures.js";
import { endpointConfigRequest, modelRequest } from "../../test/hosting-fixtures.js";
import { createEndpointConfig, deleteEndpointConfig } from "./endpoint-configs.js";
import { createModel, deleteModel } from "./models.js";

describe(createModel.name, () => {
  it("creates the model and resolves its JSON-safe description", async () => {
    const h = emulatorHarness();
    const model = await createModel(modelRequest(), h);
    expect(model).toMatchObject({ ModelName: "churn-v1", CreationTime: "2026-01-01T00:00:00.000Z" });
    expect(model.ModelArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:model/churn-v1");
    expect(model).not.toHaveProperty("$metadata");
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('lets SageMaker\'s "already exists" through by default (onExists: "fail")', async () => {
    const h = emulatorHarness();
    await createModel(modelRequest(), h);
    await expect(createModel(modelRequest(), h)).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/^Cannot create already existing model/),
    });
  });

  it('reuses the existing model with onExists: "reuse" (read like every option word), whatever its definition', async () => {
    const h = emulatorHarness();
    const first = await createModel(modelRequest(), h);
    await h.clock.sleep(60_000);
    const again = await createModel(modelRequest({ PrimaryContainer: { Image: "other:1" } }), { ...h, onExists: " Reuse " as "reuse" });
    expect(again).toEqual(first);
    expect(h.count("CreateModelCommand")).toBe(2);
  });

  it("checks onExists and the name before sending anything", async () => {
    const h = emulatorHarness();
    await expect(createModel(modelRequest(), { ...h, onExists: "timestamp" as "reuse" })).rejects.toThrow(
      "Option onExists [timestamp] is not a policy for an existing resource. Please use one of: fail, reuse.",
    );
    await expect(createModel(modelRequest({ ModelName: "" }), h)).rejects.toThrow(/^ModelName \[\] must be a non-empty string/);
    expect(h.calls).toEqual([]);
  });
});

describe(createEndpointConfig.name, () => {
  it('creates the config, or reuses an existing one with onExists: "reuse", and resolves its JSON-safe description', async () => {
    const h = emulatorHarness();
    await createModel(modelRequest(), h);
    const config = await createEndpointConfig(endpointConfigRequest("churn-v1", "churn-v1"), h);
    expect(config).toMatchObject({ EndpointConfigName: "churn-v1", CreationTime: "2026-01-01T00:00:00.000Z" });
    expect(config.ProductionVariants?.[0]).toMatchObject({ ModelName: "churn-v1", InstanceType: "ml.m5.large" });
    await expect(createEndpointConfig(endpointConfigRequest("churn-v1", "churn-v1"), h)).rejects.toMatchObject({
      message: expect.stringMatching(/^Cannot create already existing endpoint configuration/),
    });
    await expect(createEndpointConfig(endpointConfigRequest("churn-v1", "churn-v1"), { ...h, onExists: "reuse" })).resolves.toEqual(config);
  });

  it("lets other errors through even with reuse: a config on a missing model", async () => {
    const h = emulatorHarness();
    await expect(createEndpointConfig(endpointConfigRequest("churn-v1", "missing"), { ...h, onExists: "reuse" })).rejects.toMatchObject({
      message: expect.stringMatching(/^Could not find model/),
    });
  });
});

describe("deleteModel and deleteEndpointConfig", () => {
  it("delete the resource; a missing one rejects with SageMaker's error, or resolves false with ifExists", async () => {
    const h = emulatorHarness();
    await createModel(modelRequest(), h);
    await createEndpointConfig(endpointConfigRequest("churn-v1", "churn-v1"), h);
    await expect(deleteEndpointConfig("churn-v1", h)).resolves.toBe(true);
    await expect(deleteModel("churn-v1", h)).resolves.toBe(true);
    await expect(h.client.send(new DescribeModelCommand({ ModelName: "churn-v1" }))).rejects.toMatchObject({ name: "ValidationException" });
    await expect(h.client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "churn-v1" }))).rejects.toMatchObject({
      name: "ValidationException",
    });
    await expect(deleteModel("churn-v1", h)).rejects.toMatchObject({ message: expect.stringMatching(/^Could not find model/) });
    await expect(deleteModel("churn-v1", { ...h, ifExists: true })).resolves.toBe(false);
    await expect(deleteEndpointConfig("churn-v1", { ...h, ifExists: true })).resolves.toBe(false);
  });
});
