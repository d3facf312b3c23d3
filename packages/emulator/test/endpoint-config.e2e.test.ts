import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointConfigCommand,
  ListEndpointConfigsCommand,
  ListTagsCommand,
  type EndpointConfigSummary,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator } from "./fixtures.js";
import { arnOf, endpointConfigRequest, modelRequest, variant } from "./fixtures/hosting.js";

const S = 1000;

async function withModel() {
  const setup = manualEmulator();
  await setup.client.send(new CreateModelCommand(modelRequest()));
  return setup;
}

describe("endpoint configs", () => {
  it("creates a config and describes it with InitialVariantWeight defaulted to 1.0 ([DOC] ProductionVariant)", async () => {
    const { clock, client } = await withModel();
    const { EndpointConfigArn } = await client.send(
      new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "Churn-Config", Tags: [{ Key: "team", Value: "ml" }] })),
    );
    expect(EndpointConfigArn).toBe(arnOf("endpoint-config", "churn-config"));
    const d = await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "churn-config" }));
    expect(d.EndpointConfigName).toBe("Churn-Config");
    expect(d.CreationTime).toEqual(new Date(clock.now()));
    expect(d.ProductionVariants).toEqual([{ ...variant("churn-model"), InitialVariantWeight: 1 }]);
    const tags = await client.send(new ListTagsCommand({ ResourceArn: EndpointConfigArn }));
    expect(tags.Tags).toEqual([{ Key: "team", Value: "ml" }]);
  });

  it("answers a duplicate name with `Cannot create already existing endpoint configuration` ([OBS] spot-tagging-bot#2)", async () => {
    const { client } = await withModel();
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    const error = await errorOf(() =>
      client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "CHURN-config" }))),
    );
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      `Cannot create already existing endpoint configuration "${arnOf("endpoint-config", "churn-config")}".`,
    ]);
  });

  it("answers Describe and Delete of a missing config with `Could not find endpoint configuration` ([OBS] amazon-sagemaker-examples#2339)", async () => {
    const { client } = manualEmulator();
    for (const send of [
      () => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "Nope" })),
      () => client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: "Nope" })),
    ]) {
      const error = await errorOf(send);
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        `Could not find endpoint configuration "${arnOf("endpoint-config", "nope")}".`,
      ]);
    }
  });

  it("refuses a variant whose model does not exist with `Could not find model` ([INF] at CreateEndpointConfig)", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() =>
      client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ ProductionVariants: [variant("Ghost-Model")] }))),
    );
    expect([error.name, error.message]).toEqual(["ValidationException", `Could not find model "${arnOf("model", "ghost-model")}".`]);
  });

  it("refuses repeated variant names within a config ([INF])", async () => {
    const { client } = await withModel();
    const error = await errorOf(() =>
      client.send(
        new CreateEndpointConfigCommand(
          endpointConfigRequest({ ProductionVariants: [variant("churn-model"), variant("churn-model", { VariantName: "alltraffic" })] }),
        ),
      ),
    );
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      'The variant name "alltraffic" was non-unique within the request.',
    ]);
  });

  it("requires InstanceType and InitialInstanceCount for instance-based variants, ServerlessConfig alone otherwise ([INF])", async () => {
    const { client } = await withModel();
    const create = (v: ReturnType<typeof variant>) =>
      client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ ProductionVariants: [v] })));
    const noType = await errorOf(() => create(variant("churn-model", { InstanceType: undefined })));
    expect(noType.message).toBe(
      "1 validation error detected: Value null at 'productionVariants.1.member.instanceType' failed to satisfy constraint: Member must not be null",
    );
    const noCount = await errorOf(() => create(variant("churn-model", { InitialInstanceCount: undefined })));
    expect(noCount.message).toMatch(
      /'productionVariants\.1\.member\.initialInstanceCount' failed to satisfy constraint: Member must not be null$/,
    );
    const both = await errorOf(() => create(variant("churn-model", { ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } })));
    expect(both.name).toBe("ValidationException");
    const serverless = variant("churn-model", {
      InstanceType: undefined,
      InitialInstanceCount: undefined,
      ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 },
    });
    expect((await create(serverless)).EndpointConfigArn).toBe(arnOf("endpoint-config", "churn-config"));
  });

  it("checks the model's constraints first ([MODEL] ProductionVariantList min 1)", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() => client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ ProductionVariants: [] }))));
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[\]' at 'productionVariants' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
  });

  it("survives the deletion of its model, and deletes without checking endpoints ([DOC] DeleteEndpointConfig)", async () => {
    const { client } = await withModel();
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    await client.send(new DeleteModelCommand({ ModelName: "churn-model" }));
    expect((await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "churn-config" }))).ProductionVariants).toHaveLength(
      1,
    );
    await client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: "churn-config" }));
    const error = await errorOf(() => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "churn-config" })));
    expect(error.message).toBe(`Could not find endpoint configuration "${arnOf("endpoint-config", "churn-config")}".`);
  });
});

describe("ListEndpointConfigs", () => {
  const names = (r: { EndpointConfigs?: EndpointConfigSummary[] | undefined }) => r.EndpointConfigs!.map((c) => c.EndpointConfigName);

  it("sorts by CreationTime descending by default ([DOC]), filters by name and time, and pages by 10", async () => {
    const { clock, client } = await withModel();
    const t0 = clock.now();
    for (let i = 0; i < 12; i++) {
      await client.send(
        new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: `cfg-${String(i).padStart(2, "0")}` })),
      );
      await clock.advance(S);
    }
    const first = await client.send(new ListEndpointConfigsCommand({}));
    expect(names(first)).toEqual(["cfg-11", "cfg-10", "cfg-09", "cfg-08", "cfg-07", "cfg-06", "cfg-05", "cfg-04", "cfg-03", "cfg-02"]);
    const second = await client.send(new ListEndpointConfigsCommand({ NextToken: first.NextToken }));
    expect(names(second)).toEqual(["cfg-01", "cfg-00"]);
    expect(second.NextToken).toBeUndefined();
    expect(
      names(await client.send(new ListEndpointConfigsCommand({ NameContains: "CFG-1", SortBy: "Name", SortOrder: "Ascending" }))),
    ).toEqual(["cfg-10", "cfg-11"]);
    expect(names(await client.send(new ListEndpointConfigsCommand({ CreationTimeAfter: new Date(t0 + 10 * S) })))).toEqual([
      "cfg-11",
      "cfg-10",
    ]);
    expect(names(await client.send(new ListEndpointConfigsCommand({ CreationTimeBefore: new Date(t0 + S) })))).toEqual(["cfg-00"]);
  });

  it("sorts SortBy=Name in binary order of the names as given, upper case first ([INF], like every List*)", async () => {
    const { client } = await withModel();
    for (const name of ["b-cfg", "C-cfg", "a-cfg"])
      await client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: name })));
    expect(names(await client.send(new ListEndpointConfigsCommand({ SortBy: "Name", SortOrder: "Ascending" })))).toEqual([
      "C-cfg",
      "a-cfg",
      "b-cfg",
    ]);
  });
});
