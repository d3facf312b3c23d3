import type { DescribePipelineResponse, PipelineSummary } from "@aws-sdk/client-sagemaker";
import type { PipelineRecord, PipelineVersion } from "./record.js";

/** The pipeline (at one of its versions) as DescribePipeline shows it. */
export function describePipeline(record: PipelineRecord, version: PipelineVersion): DescribePipelineResponse {
  const latest = record.versions[record.versions.length - 1]!;
  return {
    PipelineArn: record.arn,
    PipelineName: record.name,
    PipelineDisplayName: version.displayName ?? record.name,
    PipelineDefinition: version.definition,
    ...(version.description !== undefined ? { PipelineDescription: version.description } : {}),
    RoleArn: version.roleArn,
    // [MODEL] PipelineStatus Active | Deleting; a deleted pipeline is gone at once here.
    PipelineStatus: "Active",
    CreationTime: new Date(record.createdAt),
    LastModifiedTime: new Date(latest.createdAt),
    ...(record.lastRunAt !== undefined ? { LastRunTime: new Date(record.lastRunAt) } : {}),
    ...(version.maxParallelExecutionSteps !== undefined
      ? { ParallelismConfiguration: { MaxParallelExecutionSteps: version.maxParallelExecutionSteps } }
      : {}),
  };
}

export function summarizePipeline(record: PipelineRecord): PipelineSummary {
  const latest = record.versions[record.versions.length - 1]!;
  return {
    PipelineArn: record.arn,
    PipelineName: record.name,
    PipelineDisplayName: latest.displayName ?? record.name,
    ...(latest.description !== undefined ? { PipelineDescription: latest.description } : {}),
    RoleArn: latest.roleArn,
    CreationTime: new Date(record.createdAt),
    LastModifiedTime: new Date(latest.createdAt),
    ...(record.lastRunAt !== undefined ? { LastExecutionTime: new Date(record.lastRunAt) } : {}),
  };
}
