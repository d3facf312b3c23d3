import type { DescribeProcessingJobResponse, ProcessingJobSummary } from "@aws-sdk/client-sagemaker";
import type { ProcessingJobRecord } from "./record.js";
import { viewSimpleJob, type SimpleJobView } from "../simple-job/view.js";

/**
 * [INF] What the emulated container leaves in ExitMessage ("metadata from the processing container
 * when the processing job exits" [DOC]) when its rule gives no failure text. Real jobs pair a
 * generic FailureReason with the container's own detail here ([OBS] aws/sagemaker-spark-container
 * test/integration/sagemaker/test_sagemaker_spark_errors.py).
 */
const DEFAULT_EXIT_MESSAGE = "Algorithm Error: the emulated processing container exited with non-zero status 1";

/** The job as DescribeProcessingJob shows it at `now` (docs/fidelity.md §5.2). */
export function describeProcessingJob(record: ProcessingJobRecord, now: number): DescribeProcessingJobResponse {
  const { request } = record;
  const view = viewSimpleJob(record.timeline, now);
  return {
    ProcessingInputs: request.ProcessingInputs,
    ProcessingOutputConfig: request.ProcessingOutputConfig,
    ProcessingJobName: record.name,
    ProcessingResources: request.ProcessingResources,
    StoppingCondition: request.StoppingCondition,
    AppSpecification: request.AppSpecification,
    Environment: request.Environment,
    NetworkConfig: request.NetworkConfig,
    RoleArn: request.RoleArn,
    ExperimentConfig: request.ExperimentConfig,
    ProcessingJobArn: record.arn,
    ProcessingJobStatus: view.status,
    ...failureFields(record, view),
    ProcessingEndTime: view.endTime,
    ProcessingStartTime: view.startTime,
    LastModifiedTime: view.lastModifiedTime,
    CreationTime: new Date(record.plan.createdAt),
  };
}

/** The job as ListProcessingJobs shows it. */
export function summarizeProcessingJob(record: ProcessingJobRecord, view: SimpleJobView): ProcessingJobSummary {
  return {
    ProcessingJobName: record.name,
    ProcessingJobArn: record.arn,
    CreationTime: new Date(record.plan.createdAt),
    ProcessingEndTime: view.endTime,
    LastModifiedTime: view.lastModifiedTime,
    ProcessingJobStatus: view.status,
    ...failureFields(record, view),
  };
}

/**
 * FailureReason and ExitMessage, only when Failed. [INF] A rule's failureReason is the container's
 * message too; without one, FailureReason is the service's generic text and ExitMessage ours.
 */
function failureFields(record: ProcessingJobRecord, view: SimpleJobView): { FailureReason?: string | undefined; ExitMessage?: string } {
  if (view.status !== "Failed") return {};
  const ruleText = record.plan.outcome.status === "Failed" ? record.plan.outcome.failureReason : undefined;
  return { FailureReason: view.failureReason, ExitMessage: ruleText ?? DEFAULT_EXIT_MESSAGE };
}
