/**
 * A SageMaker Pipelines definition (Version 2020-12-01) as the emulator reads it: the JSON the
 * SageMaker Python SDK's `Pipeline.definition()` emits (src/sagemaker/workflow/pipeline.py), checked
 * once at CreatePipeline/UpdatePipeline (parse.ts) and then trusted by the executions.
 */

/** [DOC] the SDK's `ParameterTypeEnum` (workflow/parameters.py). */
export type ParameterType = "String" | "Integer" | "Float" | "Boolean";

export type ParameterValue = string | number | boolean;

export interface ParameterDefinition {
  readonly Name: string;
  readonly Type: ParameterType;
  readonly DefaultValue?: ParameterValue;
  readonly EnumValues?: readonly string[];
}

/** [DOC] RetryPolicy (SDK workflow/retry.py; developer guide "pipelines-retry-policy"). */
export interface RetryPolicy {
  readonly ExceptionType: readonly string[];
  readonly IntervalSeconds?: number;
  readonly BackoffRate?: number;
  readonly MaxAttempts?: number;
  readonly ExpireAfterMin?: number;
}

export interface PropertyFile {
  readonly PropertyFileName: string;
  readonly OutputName: string;
  readonly FilePath: string;
}

/** One step as written in `Steps` (or in a Condition step's IfSteps/ElseSteps). */
export interface StepDefinition {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments?: unknown;
  readonly DependsOn?: readonly string[];
  readonly DisplayName?: string;
  readonly Description?: string;
  readonly PropertyFiles?: readonly PropertyFile[];
  readonly RetryPolicies?: readonly RetryPolicy[];
  readonly CacheConfig?: { readonly Enabled?: boolean; readonly ExpireAfter?: string };
  /** Callback steps. */
  readonly SqsQueueUrl?: string;
  readonly OutputParameters?: readonly { readonly OutputName: string; readonly OutputType?: string }[];
}

/** A step with what it waits for: the steps it references or depends on, and the branch it sits in. */
export interface PlannedStep {
  readonly definition: StepDefinition;
  readonly name: string;
  readonly type: string;
  /** Every step that must have Succeeded before this one starts (references, DependsOn, its Condition). */
  readonly waitsFor: readonly string[];
  /** For a step in a Condition step's IfSteps (`true`) or ElseSteps (`false`). */
  readonly branch?: { readonly condition: string; readonly outcome: boolean } | undefined;
}

export interface PipelineDefinition {
  readonly parameters: readonly ParameterDefinition[];
  /** Every step, the branches' steps included, in the order the definition lists them. */
  readonly steps: readonly PlannedStep[];
}
