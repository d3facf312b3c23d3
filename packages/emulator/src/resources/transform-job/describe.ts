import type { DescribeTransformJobResponse, TransformJobSummary } from "@aws-sdk/client-sagemaker";
import { viewSimpleJob, type SimpleJobView } from "../simple-job/view.js";
import type { TransformJobRecord } from "./record.js";

/**
 * The job as DescribeTransformJob shows it at `now` (docs/fidelity.md §5.3). The request's
 * settings come back exactly as sent. [MODEL] There is no LastModifiedTime here, only in the
 * List summary.
 */
export function describeTransformJob(record: TransformJobRecord, now: number): DescribeTransformJobResponse {
  const { request } = record;
  const view = viewSimpleJob(record.timeline, now);
  return {
    TransformJobName: record.name,
    TransformJobArn: record.arn,
    TransformJobStatus: view.status,
    ...(view.status === "Failed" ? { FailureReason: view.failureReason } : {}),
    ModelName: request.ModelName,
    MaxConcurrentTransforms: request.MaxConcurrentTransforms,
    ModelClientConfig: request.ModelClientConfig,
    MaxPayloadInMB: request.MaxPayloadInMB,
    BatchStrategy: request.BatchStrategy,
    Environment: request.Environment,
    TransformInput: request.TransformInput,
    TransformOutput: request.TransformOutput,
    DataCaptureConfig: request.DataCaptureConfig,
    TransformResources: request.TransformResources,
    CreationTime: new Date(record.plan.createdAt),
    TransformStartTime: view.startTime,
    TransformEndTime: view.endTime,
    DataProcessing: request.DataProcessing,
    ExperimentConfig: request.ExperimentConfig,
  };
}

/** The job as ListTransformJobs shows it, LastModifiedTime included ([MODEL] TransformJobSummary). */
export function summarizeTransformJob(record: TransformJobRecord, view: SimpleJobView): TransformJobSummary {
  return {
    TransformJobName: record.name,
    TransformJobArn: record.arn,
    CreationTime: new Date(record.plan.createdAt),
    TransformEndTime: view.endTime,
    LastModifiedTime: view.lastModifiedTime,
    TransformJobStatus: view.status,
    ...(view.status === "Failed" ? { FailureReason: view.failureReason } : {}),
  };
}
