import { DescribePipelineCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest } from "../../../test/fixtures.js";
import type { PipelineDefinitionJson } from "../compile/pipeline-definition.js";
import { upsertPipeline } from "./upsert-pipeline.js";

const roleArn = "arn:aws:iam::123456789012:role/SageMakerRole";
const { TrainingJobName: _, ...training } = trainingJobRequest();
const definition = (steps: PipelineDefinitionJson["Steps"]): PipelineDefinitionJson => ({
  Version: "2020-12-01",
  Metadata: {},
  Parameters: [],
  Steps: steps,
});

describe(upsertPipeline.name, () => {
  it("creates the pipeline, then updates it to a new definition once it exists (a new version)", async () => {
    const h = emulatorHarness();
    const first = await upsertPipeline(h.client, {
      pipelineName: "p",
      roleArn,
      definition: definition([{ Name: "a", Type: "Training", Arguments: training }]),
    });
    expect(first).toEqual({ pipelineArn: expect.stringMatching(/:pipeline\/p$/), created: true });
    const second = await upsertPipeline(h.client, {
      pipelineName: "p",
      roleArn,
      definition: definition([{ Name: "b", Type: "Training", Arguments: training }]),
    });
    expect(second).toEqual({ pipelineArn: first.pipelineArn, created: false });
    expect(h.calls).toEqual(["CreatePipelineCommand", "CreatePipelineCommand", "UpdatePipelineCommand"]);
    const described = await h.client.send(new DescribePipelineCommand({ PipelineName: "p" }));
    expect(JSON.parse(described.PipelineDefinition!).Steps[0].Name).toBe("b");
  });

  it("lets any other refusal through as it is, without updating", async () => {
    const h = emulatorHarness();
    const cyclic = definition([
      { Name: "a", Type: "Training", Arguments: training, DependsOn: ["b"] },
      { Name: "b", Type: "Training", Arguments: training, DependsOn: ["a"] },
    ]);
    await expect(upsertPipeline(h.client, { pipelineName: "p", roleArn, definition: cyclic })).rejects.toMatchObject({
      name: "ValidationException",
    });
    expect(h.calls).toEqual(["CreatePipelineCommand"]);
  });
});
