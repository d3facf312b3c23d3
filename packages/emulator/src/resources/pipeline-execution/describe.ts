import type { DescribePipelineExecutionResponse, PipelineExecutionStep, PipelineExecutionSummary } from "@aws-sdk/client-sagemaker";
import type { StoredRecord } from "../../store/kind-table.js";
import type { Kit } from "../kind.js";
import type { PipelineExecutionRecord } from "./record.js";
import { executionState } from "./status.js";
import type { StepView } from "./steps.js";

/** The execution as DescribePipelineExecution shows it at `now`. */
export function describeExecution(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, now: number): DescribePipelineExecutionResponse {
  const state = executionState(kit, record, now);
  return {
    PipelineArn: record.pipelineArn,
    PipelineExecutionArn: record.arn,
    PipelineExecutionDisplayName: record.displayName,
    PipelineExecutionStatus: state.status,
    ...(record.description !== undefined ? { PipelineExecutionDescription: record.description } : {}),
    // [DOC] the SDK's default PipelineExperimentConfig: the pipeline's name and the execution id.
    PipelineExperimentConfig: { ExperimentName: record.pipelineName, TrialName: record.executionId },
    ...(state.failureReason !== undefined ? { FailureReason: state.failureReason } : {}),
    CreationTime: new Date(record.createdAt),
    LastModifiedTime: new Date(state.lastModified),
    ...(record.maxParallel !== undefined ? { ParallelismConfiguration: { MaxParallelExecutionSteps: record.maxParallel } } : {}),
    PipelineVersionId: record.versionId,
  };
}

export function summarizeExecution(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, now: number): PipelineExecutionSummary {
  const d = describeExecution(kit, record, now);
  return {
    PipelineExecutionArn: d.PipelineExecutionArn,
    StartTime: d.CreationTime,
    PipelineExecutionStatus: d.PipelineExecutionStatus,
    ...(d.PipelineExecutionDescription !== undefined ? { PipelineExecutionDescription: d.PipelineExecutionDescription } : {}),
    PipelineExecutionDisplayName: d.PipelineExecutionDisplayName,
    ...(d.FailureReason !== undefined ? { PipelineExecutionFailureReason: d.FailureReason } : {}),
  };
}

/** One step as ListPipelineExecutionSteps shows it. */
export function describeStep(record: PipelineExecutionRecord, view: StepView): PipelineExecutionStep {
  const definition = record.definition.steps.find((s) => s.name === view.name)?.definition;
  return {
    StepName: view.name,
    ...(typeof definition?.DisplayName === "string" ? { StepDisplayName: definition.DisplayName } : {}),
    ...(typeof definition?.Description === "string" ? { StepDescription: definition.Description } : {}),
    StartTime: new Date(view.startedAt),
    ...(view.endedAt !== undefined ? { EndTime: new Date(view.endedAt) } : {}),
    StepStatus: view.status,
    ...(view.last.cacheHitFrom !== undefined ? { CacheHitResult: { SourcePipelineExecutionArn: view.last.cacheHitFrom } } : {}),
    ...(view.failureReason !== undefined ? { FailureReason: view.failureReason } : {}),
    Metadata: view.metadata,
    AttemptCount: view.attemptCount,
  };
}
