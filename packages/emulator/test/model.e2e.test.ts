import {
  CreateModelCommand,
  DeleteModelCommand,
  DescribeModelCommand,
  ListModelsCommand,
  type ModelSummary,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator } from "./fixtures.js";
import { arnOf, modelRequest, OWN_IMAGE } from "./fixtures/hosting.js";

const S = 1000;

describe("models", () => {
  it("creates a model with a lower-cased ARN and describes it with its request echoed", async () => {
    const { clock, client } = manualEmulator();
    const { ModelArn } = await client.send(new CreateModelCommand(modelRequest({ ModelName: "Churn-Model" })));
    expect(ModelArn).toBe(arnOf("model", "churn-model"));
    const d = await client.send(new DescribeModelCommand({ ModelName: "CHURN-model" }));
    expect(d.ModelName).toBe("Churn-Model");
    expect(d.ModelArn).toBe(ModelArn);
    expect(d.CreationTime).toEqual(new Date(clock.now()));
    expect(d.PrimaryContainer?.Image).toBe(OWN_IMAGE);
    expect(d.EnableNetworkIsolation).toBe(false);
  });

  it("answers a duplicate name, in any case, with ValidationException `Cannot create already existing model` ([OBS] astronomer-providers#1055)", async () => {
    const { client } = manualEmulator();
    await client.send(new CreateModelCommand(modelRequest({ ModelName: "churn-model" })));
    const error = await errorOf(() => client.send(new CreateModelCommand(modelRequest({ ModelName: "Churn-Model" }))));
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      `Cannot create already existing model "${arnOf("model", "churn-model")}".`,
    ]);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('answers Describe and Delete of a missing model with `Could not find model "<arn>".` ([OBS] sagemaker-python-sdk#2112)', async () => {
    const { client } = manualEmulator();
    for (const send of [
      () => client.send(new DescribeModelCommand({ ModelName: "Missing-Model" })),
      () => client.send(new DeleteModelCommand({ ModelName: "Missing-Model" })),
    ]) {
      const error = await errorOf(send);
      expect([error.name, error.message]).toEqual(["ValidationException", `Could not find model "${arnOf("model", "missing-model")}".`]);
    }
  });

  it("requires exactly one of PrimaryContainer and Containers ([INF] texts)", async () => {
    const { client } = manualEmulator();
    const neither = await errorOf(() => client.send(new CreateModelCommand({ ModelName: "m" })));
    expect([neither.name, neither.message]).toEqual(["ValidationException", "Either PrimaryContainer or Containers must be specified."]);
    const both = await errorOf(() => client.send(new CreateModelCommand(modelRequest({ Containers: [{ Image: OWN_IMAGE }] }))));
    expect([both.name, both.message]).toEqual([
      "ValidationException",
      "Only one of PrimaryContainer and Containers may be specified, not both.",
    ]);
    const pipeline = await client.send(
      new CreateModelCommand({ ModelName: "pipeline", Containers: [{ Image: OWN_IMAGE }, { Image: OWN_IMAGE }] }),
    );
    expect(pipeline.ModelArn).toBe(arnOf("model", "pipeline"));
  });

  it("deletes at once, after which the name can be reused", async () => {
    const { client } = manualEmulator();
    await client.send(new CreateModelCommand(modelRequest()));
    await client.send(new DeleteModelCommand({ ModelName: "churn-model" }));
    const error = await errorOf(() => client.send(new DescribeModelCommand({ ModelName: "churn-model" })));
    expect(error.message).toBe(`Could not find model "${arnOf("model", "churn-model")}".`);
    await client.send(new CreateModelCommand(modelRequest()));
  });

  it("checks the model's own constraints before the handler runs ([MODEL] ModelName pattern)", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() => client.send(new CreateModelCommand(modelRequest({ ModelName: "bad_name" }))));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'bad_name' at 'modelName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
  });
});

describe("ListModels", () => {
  const names = (r: { Models?: ModelSummary[] | undefined }) => r.Models!.map((m) => m.ModelName);

  it("sorts by CreationTime descending by default ([DOC]), or by Name in binary order on request (upper case first, [INF])", async () => {
    const { clock, client } = manualEmulator();
    for (const name of ["b-model", "C-model", "a-model"]) {
      await client.send(new CreateModelCommand(modelRequest({ ModelName: name })));
      await clock.advance(10 * S);
    }
    expect(names(await client.send(new ListModelsCommand({})))).toEqual(["a-model", "C-model", "b-model"]);
    expect(names(await client.send(new ListModelsCommand({ SortBy: "Name", SortOrder: "Ascending" })))).toEqual([
      "C-model",
      "a-model",
      "b-model",
    ]);
    const summary = (await client.send(new ListModelsCommand({ MaxResults: 1 }))).Models![0]!;
    expect(Object.keys(summary).sort()).toEqual(["CreationTime", "ModelArn", "ModelName"]);
  });

  it("filters by NameContains and CreationTimeAfter (>=) / CreationTimeBefore (<)", async () => {
    const { clock, client } = manualEmulator();
    const t0 = clock.now();
    for (const name of ["churn-a", "fraud-a", "Churn-B"]) {
      await client.send(new CreateModelCommand(modelRequest({ ModelName: name })));
      await clock.advance(10 * S);
    }
    expect(names(await client.send(new ListModelsCommand({ NameContains: "churn" })))).toEqual(["Churn-B", "churn-a"]);
    expect(names(await client.send(new ListModelsCommand({ CreationTimeAfter: new Date(t0 + 10 * S) })))).toEqual(["Churn-B", "fraud-a"]);
    expect(names(await client.send(new ListModelsCommand({ CreationTimeBefore: new Date(t0 + 10 * S) })))).toEqual(["churn-a"]);
  });

  it("returns 10 per page by default, with a NextToken only while more remain", async () => {
    const { clock, client } = manualEmulator();
    for (let i = 0; i < 12; i++) {
      await client.send(new CreateModelCommand(modelRequest({ ModelName: `m-${String(i).padStart(2, "0")}` })));
      await clock.advance(S);
    }
    const first = await client.send(new ListModelsCommand({}));
    expect(first.Models).toHaveLength(10);
    const second = await client.send(new ListModelsCommand({ NextToken: first.NextToken }));
    expect(names(second)).toEqual(["m-01", "m-00"]);
    expect(second.NextToken).toBeUndefined();
  });
});
