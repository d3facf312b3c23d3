/**
 * The SageMaker Pipelines definition JSON that `compilePipeline` produces, as far as sagerun writes
 * it: the shape the SageMaker Python SDK's `Pipeline.definition()` emits
 * (aws/sagemaker-python-sdk `src/sagemaker/workflow/pipeline.py`, `steps.py`, `parameters.py`) and
 * the definition schema describes
 * (https://aws-sagemaker-mlops.github.io/sagemaker-model-building-pipeline-definition-JSON-schema/).
 */

/** `{"Get": "Steps.train.ModelArtifacts.S3ModelArtifacts"}`, `{"Get": "Parameters.RunId"}`, or a `Std:Join` of values. */
export type Expression =
  | { readonly Get: string }
  | { readonly "Std:Join": { readonly On: string; readonly Values: readonly (string | { readonly Get: string })[] } };

/** A pipeline parameter; sagerun declares every one a String without a default: each execution supplies it. */
export interface DefinitionParameter {
  readonly Name: string;
  readonly Type: "String";
}

/** One step: `Arguments` is the Create request without its name member, with expressions in place of run-time values. */
export interface DefinitionStep {
  readonly Name: string;
  readonly Type: "Training" | "Processing" | "Transform" | "Tuning" | "Model";
  readonly Arguments: Readonly<Record<string, unknown>>;
  /** The steps it waits for that its Arguments do not reference (a reference is a dependency already). */
  readonly DependsOn?: readonly string[];
  /** Set when test mode shrank the Arguments: what it changed. */
  readonly Description?: string;
}

/** The definition, `Version` 2020-12-01: pass `JSON.stringify(definition)` as CreatePipeline's `PipelineDefinition`. */
export interface PipelineDefinitionJson {
  readonly Version: "2020-12-01";
  readonly Metadata: Readonly<Record<string, unknown>>;
  readonly Parameters: readonly DefinitionParameter[];
  readonly Steps: readonly DefinitionStep[];
}
