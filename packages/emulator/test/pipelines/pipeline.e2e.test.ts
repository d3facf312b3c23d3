import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  AddTagsCommand,
  CreatePipelineCommand,
  DeletePipelineCommand,
  DescribePipelineCommand,
  ListPipelinesCommand,
  ListPipelineVersionsCommand,
  ListTagsCommand,
  UpdatePipelineCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf } from "../fixtures.js";
import { definition, pipelineEmulator, ROLE_ARN, trainingStep } from "./harness.js";

const ONE_STEP = definition([trainingStep("Train")]);

describe("CreatePipeline, DescribePipeline, UpdatePipeline, ListPipelines, DeletePipeline", () => {
  it("creates a pipeline whose ARN is pipeline/<name in lower case> and describes it with its definition verbatim", async () => {
    const { client } = pipelineEmulator();
    const { PipelineArn } = await client.send(
      new CreatePipelineCommand({
        PipelineName: "Iris-Pipeline",
        RoleArn: ROLE_ARN,
        PipelineDefinition: ONE_STEP,
        PipelineDescription: "trains",
        ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
      }),
    );
    expect(PipelineArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:pipeline/iris-pipeline");
    const described = await client.send(new DescribePipelineCommand({ PipelineName: PipelineArn }));
    expect(described).toMatchObject({
      PipelineArn,
      PipelineName: "Iris-Pipeline",
      PipelineDisplayName: "Iris-Pipeline",
      PipelineDefinition: ONE_STEP,
      PipelineDescription: "trains",
      RoleArn: ROLE_ARN,
      PipelineStatus: "Active",
      ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
    });
  });

  it("refuses a second pipeline of the same name with the service's text, but answers the same token again with the same ARN", async () => {
    const { client } = pipelineEmulator();
    const request = {
      PipelineName: "p",
      RoleArn: ROLE_ARN,
      PipelineDefinition: ONE_STEP,
      ClientRequestToken: "token-0000000000000000000000000000001",
    };
    const first = await client.send(new CreatePipelineCommand(request));
    const again = await client.send(new CreatePipelineCommand(request));
    expect(again.PipelineArn).toBe(first.PipelineArn);
    const error = await errorOf(() =>
      client.send(new CreatePipelineCommand({ ...request, ClientRequestToken: "token-0000000000000000000000000000002" })),
    );
    expect(error.name).toBe("ValidationException");
    expect(error.message).toBe("Pipeline names must be unique within an AWS account and region. Pipeline with name (p) already exists.");
  });

  it("reads the definition from the emulated S3 (PipelineDefinitionS3Location)", async () => {
    const { emulator, client } = pipelineEmulator();
    const s3 = emulator.s3Client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: "defs" }));
    await s3.send(new PutObjectCommand({ Bucket: "defs", Key: "p.json", Body: new TextEncoder().encode(ONE_STEP) }));
    await client.send(
      new CreatePipelineCommand({
        PipelineName: "p",
        RoleArn: ROLE_ARN,
        PipelineDefinitionS3Location: { Bucket: "defs", ObjectKey: "p.json" },
      }),
    );
    expect((await client.send(new DescribePipelineCommand({ PipelineName: "p" }))).PipelineDefinition).toBe(ONE_STEP);
    const missing = await errorOf(() =>
      client.send(
        new CreatePipelineCommand({
          PipelineName: "q",
          RoleArn: ROLE_ARN,
          PipelineDefinitionS3Location: { Bucket: "defs", ObjectKey: "nope.json" },
        }),
      ),
    );
    expect(missing.name).toBe("ValidationException");
  });

  it("UpdatePipeline makes a new version; DescribePipeline reads any version; ListPipelineVersions lists them newest first", async () => {
    const { clock, client } = pipelineEmulator();
    await client.send(new CreatePipelineCommand({ PipelineName: "p", RoleArn: ROLE_ARN, PipelineDefinition: ONE_STEP }));
    await clock.advance(60_000);
    const two = definition([trainingStep("Train"), trainingStep("Again", { DependsOn: ["Train"] })]);
    const updated = await client.send(new UpdatePipelineCommand({ PipelineName: "p", PipelineDefinition: two, PipelineDescription: "v2" }));
    expect(updated.PipelineVersionId).toBe(2);
    expect((await client.send(new DescribePipelineCommand({ PipelineName: "p" }))).PipelineDefinition).toBe(two);
    expect((await client.send(new DescribePipelineCommand({ PipelineName: "p", PipelineVersionId: 1 }))).PipelineDefinition).toBe(ONE_STEP);
    const described = await client.send(new DescribePipelineCommand({ PipelineName: "p" }));
    expect(described.LastModifiedTime!.getTime() - described.CreationTime!.getTime()).toBe(60_000);
    const versions = await client.send(new ListPipelineVersionsCommand({ PipelineName: "p" }));
    expect(versions.PipelineVersionSummaries?.map((v) => v.PipelineVersionId)).toEqual([2, 1]);
    // [MODEL] ListPipelineVersionsRequest: CreatedAfter/CreatedBefore (strict) and SortOrder.
    const created = described.CreationTime!;
    const after = await client.send(new ListPipelineVersionsCommand({ PipelineName: "p", CreatedAfter: created }));
    expect(after.PipelineVersionSummaries?.map((v) => v.PipelineVersionId)).toEqual([2]);
    const before = await client.send(
      new ListPipelineVersionsCommand({ PipelineName: "p", CreatedBefore: new Date(created.getTime() + 60_000), SortOrder: "Ascending" }),
    );
    expect(before.PipelineVersionSummaries?.map((v) => v.PipelineVersionId)).toEqual([1]);
    // An update is checked like a create.
    const bad = await errorOf(() => client.send(new UpdatePipelineCommand({ PipelineName: "p", PipelineDefinition: "{" })));
    expect(bad.message).toMatch(/^Unable to parse pipeline definition\. /);
  });

  it("lists pipelines newest first, filtered by name prefix, and deletes them", async () => {
    const { clock, client } = pipelineEmulator();
    for (const name of ["alpha", "beta", "alpha-2"]) {
      await client.send(new CreatePipelineCommand({ PipelineName: name, RoleArn: ROLE_ARN, PipelineDefinition: ONE_STEP }));
      await clock.advance(1000);
    }
    const all = await client.send(new ListPipelinesCommand({}));
    expect(all.PipelineSummaries?.map((p) => p.PipelineName)).toEqual(["alpha-2", "beta", "alpha"]);
    const alphas = await client.send(new ListPipelinesCommand({ PipelineNamePrefix: "alpha", SortBy: "Name", SortOrder: "Ascending" }));
    expect(alphas.PipelineSummaries?.map((p) => p.PipelineName)).toEqual(["alpha", "alpha-2"]);
    const deleted = await client.send(new DeletePipelineCommand({ PipelineName: "beta" }));
    expect(deleted.PipelineArn).toBe("arn:aws:sagemaker:us-east-1:123456789012:pipeline/beta");
    const error = await errorOf(() => client.send(new DescribePipelineCommand({ PipelineName: "beta" })));
    expect(error.name).toBe("ResourceNotFound");
  });

  it("keeps the tags given at creation and serves AddTags/ListTags on the pipeline's ARN", async () => {
    const { client } = pipelineEmulator();
    const { PipelineArn } = await client.send(
      new CreatePipelineCommand({
        PipelineName: "p",
        RoleArn: ROLE_ARN,
        PipelineDefinition: ONE_STEP,
        Tags: [{ Key: "team", Value: "ml" }],
      }),
    );
    await client.send(new AddTagsCommand({ ResourceArn: PipelineArn, Tags: [{ Key: "stage", Value: "dev" }] }));
    expect((await client.send(new ListTagsCommand({ ResourceArn: PipelineArn }))).Tags).toEqual([
      { Key: "team", Value: "ml" },
      { Key: "stage", Value: "dev" },
    ]);
  });
});

describe("CreatePipeline checks the definition", () => {
  const refused = async (text: string) => {
    const { client } = pipelineEmulator();
    const error = await errorOf(() =>
      client.send(new CreatePipelineCommand({ PipelineName: "p", RoleArn: ROLE_ARN, PipelineDefinition: text })),
    );
    expect(error.name).toBe("ValidationException");
    return error.message;
  };

  it("refuses JSON it cannot parse", async () => {
    expect(await refused("{not json")).toMatch(/^Unable to parse pipeline definition\. /);
    expect(await refused(JSON.stringify({ Version: "2020-12-01" }))).toBe(
      "Unable to parse pipeline definition. Expecting Steps to be a JSON array.",
    );
  });

  it("refuses an unknown step type, and names RegisterModel as a type the emulator cannot run", async () => {
    expect(await refused(definition([{ Name: "S", Type: "Magic", Arguments: {} }]))).toBe("Step 'S' has an unknown step type 'Magic'.");
    expect(await refused(definition([{ Name: "R", Type: "RegisterModel", Arguments: {} }]))).toBe(
      "Step 'R' is of type RegisterModel, which the sagerun emulator does not run yet (it has no model packages).",
    );
  });

  it("refuses duplicate step names, also across a condition's branches", async () => {
    const branchy = definition([
      trainingStep("A"),
      { Name: "C", Type: "Condition", Arguments: { Conditions: [], IfSteps: [trainingStep("A")], ElseSteps: [] } },
    ]);
    expect(await refused(branchy)).toBe("Pipeline definition has duplicate step names: A.");
  });

  it("refuses cycles through DependsOn and through Get references", async () => {
    const cyclic = definition([
      trainingStep("A", { DependsOn: ["B"] }),
      {
        ...trainingStep("B"),
        Arguments: { ...(trainingStep("B").Arguments as object), HyperParameters: { x: { Get: "Steps.A.TrainingJobName" } } },
      },
    ]);
    expect(await refused(cyclic)).toBe("Pipeline definition has a cycle: A -> B -> A.");
  });

  it("refuses references to steps and parameters that do not exist", async () => {
    expect(await refused(definition([trainingStep("A", { DependsOn: ["Ghost"] })]))).toBe(
      "Step 'A' refers to step 'Ghost', which is not in the pipeline definition.",
    );
    const unknownParameter = definition([
      { ...trainingStep("A"), Arguments: { ...(trainingStep("A").Arguments as object), HyperParameters: { k: { Get: "Parameters.K" } } } },
    ]);
    expect(await refused(unknownParameter)).toBe("Step 'A' refers to parameter 'K', which is not defined.");
  });

  it("refuses a default value of the wrong type and a retry policy with both limits", async () => {
    expect(await refused(definition([trainingStep("A")], [{ Name: "N", Type: "Integer", DefaultValue: "five" }]))).toBe(
      "Default value \"five\" of parameter 'N' is not of type Integer.",
    );
    const policy = { ExceptionType: ["SageMaker.CAPACITY_ERROR"], MaxAttempts: 2, ExpireAfterMin: 5 };
    expect(await refused(definition([trainingStep("A", { RetryPolicies: [policy] })]))).toBe(
      "A retry policy of step 'A' sets both MaxAttempts and ExpireAfterMin; set only one.",
    );
  });
});
