import { AddTagsCommand, CreateTrainingJobCommand, DeleteTagsCommand, ListTagsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator, trainingJobRequest } from "./fixtures.js";

const ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/tagged-job";

describe("AddTags / ListTags / DeleteTags", () => {
  async function tagged() {
    const { client } = manualEmulator();
    await client.send(
      new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "Tagged-Job", Tags: [{ Key: "team", Value: "churn" }] })),
    );
    const tags = async () => (await client.send(new ListTagsCommand({ ResourceArn: ARN }))).Tags;
    return { client, tags };
  }

  it("lists the tags given at create time", async () => {
    const { tags } = await tagged();
    expect(await tags()).toEqual([{ Key: "team", Value: "churn" }]);
  });

  it("adds tags, replacing the value of a key that already exists, and echoes what it added", async () => {
    const { client, tags } = await tagged();
    const added = await client.send(
      new AddTagsCommand({
        ResourceArn: ARN,
        Tags: [
          { Key: "team", Value: "fraud" },
          { Key: "cost", Value: "42" },
        ],
      }),
    );
    expect(added.Tags).toEqual([
      { Key: "team", Value: "fraud" },
      { Key: "cost", Value: "42" },
    ]);
    expect(await tags()).toEqual([
      { Key: "team", Value: "fraud" },
      { Key: "cost", Value: "42" },
    ]);
  });

  it("deletes tags by key and ignores keys that are not there", async () => {
    const { client, tags } = await tagged();
    await client.send(new DeleteTagsCommand({ ResourceArn: ARN, TagKeys: ["team", "absent"] }));
    expect(await tags()).toEqual([]);
  });

  it("finds the resource whatever the case of the name in the ARN (names are case-insensitive, [DOC] CreateEndpoint)", async () => {
    const { client } = await tagged();
    const listed = await client.send(new ListTagsCommand({ ResourceArn: ARN.replace("tagged-job", "TAGGED-job") }));
    expect(listed.Tags).toHaveLength(1);
  });

  it("refuses more than 50 tags on one resource ([MODEL] TagList max 50)", async () => {
    const { client } = await tagged();
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    const error = await errorOf(() => client.send(new AddTagsCommand({ ResourceArn: ARN, Tags: many })));
    expect(error.name).toBe("ValidationException");
    expect(error.message).toMatch(/at most 50 tags/);
  });

  it("answers an ARN that names nothing with ValidationException (aws/amazon-sagemaker-feedback#108)", async () => {
    const { client } = manualEmulator();
    const missing = "arn:aws:sagemaker:us-east-1:123456789012:training-job/nothing";
    const error = await errorOf(() => client.send(new ListTagsCommand({ ResourceArn: missing })));
    expect([error.name, error.message]).toEqual(["ValidationException", `Requested resource not found: ${missing}`]);
  });

  it("validates the ARN against the model's pattern (aws-samples/mlops-sagemaker-github-actions#6)", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() => client.send(new ListTagsCommand({ ResourceArn: "" })));
    expect(error.message).toBe(
      "1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+",
    );
  });
});
