import { CreatePipelineCommand, type SageMakerClient, UpdatePipelineCommand } from "@aws-sdk/client-sagemaker";
import { isValidationException, messageOf } from "../../internal/aws-errors.js";
import type { PipelineDefinitionJson } from "../compile/pipeline-definition.js";

/** What {@link upsertPipeline} creates or updates. */
export interface UpsertPipelineInput {
  readonly pipelineName: string;
  readonly definition: PipelineDefinitionJson;
  /** The role SageMaker Pipelines runs the execution with (CreatePipeline's `RoleArn`). */
  readonly roleArn: string;
}

/** The pipeline's ARN and whether this call created it (false: it existed and was updated to the definition). */
export interface UpsertedPipeline {
  readonly pipelineArn: string;
  readonly created: boolean;
}

// SageMaker's text for a taken name: "Pipeline names must be unique within an AWS account and region.
// Pipeline with name (X) already exists." The SageMaker Python SDK's Pipeline.upsert() matches
// ValidationException and "already exists" (src/sagemaker/workflow/pipeline.py).
const EXISTS = /already exists/;

/**
 * Creates the pipeline, or updates it to `definition` when one of that name exists (the SDK's
 * `upsert`): CreatePipeline, and on its "already exists" ValidationException UpdatePipeline, which
 * gives the pipeline a new version. CreatePipeline's ClientRequestToken is the SDK's own (autofilled).
 */
export async function upsertPipeline(client: SageMakerClient, input: UpsertPipelineInput): Promise<UpsertedPipeline> {
  const request = { PipelineName: input.pipelineName, PipelineDefinition: JSON.stringify(input.definition), RoleArn: input.roleArn };
  try {
    const created = await client.send(new CreatePipelineCommand(request));
    return { pipelineArn: created.PipelineArn!, created: true };
  } catch (err) {
    if (!(isValidationException(err) && EXISTS.test(messageOf(err)))) throw err;
  }
  const updated = await client.send(new UpdatePipelineCommand(request));
  return { pipelineArn: updated.PipelineArn!, created: false };
}
