import type { DescribeTrainingJobResponse, SecondaryStatusTransition, TrainingJobSummary } from "@aws-sdk/client-sagemaker";
import { pastPoints, pointAt, type Point } from "../../lifecycle/timeline.js";
import { isTerminalJobStatus } from "../job-status.js";
import { echoedRequest } from "./echoed-request.js";
import { DEFAULT_MAX_RUNTIME_SECONDS } from "./plan.js";
import type { TrainingJobRecord } from "./record.js";
import { trainingStartTime, type TrainingState } from "./timeline.js";

/** The job as DescribeTrainingJob shows it at `now`. */
export function describeTrainingJob(record: TrainingJobRecord, now: number): DescribeTrainingJobResponse {
  const { request, plan } = record;
  const past = pastPoints(record.timeline, now);
  const current = past[past.length - 1]!;
  const terminal = isTerminalJobStatus(current.state.status);
  // TrainingStartTime appears once instances are up, i.e. after Starting, if the job got that far.
  const started = past.some((p) => p.at >= trainingStartTime(plan) && p.state.status === "InProgress" && p.state.secondary !== "Starting");
  const startTime = started ? trainingStartTime(plan) : undefined;
  const endTime = terminal ? current.at : undefined;
  const trainingSeconds =
    startTime !== undefined && endTime !== undefined ? Math.max(1, Math.round((endTime - startTime) / 1000)) : undefined;
  const maxRuntimeSeconds = plan.maxRuntimeMs / 1000;

  return {
    ...echoedRequest(request),
    TrainingJobName: record.name,
    TrainingJobArn: record.arn,
    ...(record.tuningJobArn ? { TuningJobArn: record.tuningJobArn } : {}),
    ModelArtifacts: { S3ModelArtifacts: modelArtifactsUri(record) },
    TrainingJobStatus: current.state.status,
    SecondaryStatus: current.state.secondary,
    ...(current.state.status === "Failed" ? { FailureReason: current.state.message } : {}),
    StoppingCondition: request.StoppingCondition ?? { MaxRuntimeInSeconds: DEFAULT_MAX_RUNTIME_SECONDS },
    CreationTime: new Date(plan.createdAt),
    TrainingStartTime: startTime !== undefined ? new Date(startTime) : undefined,
    TrainingEndTime: endTime !== undefined ? new Date(endTime) : undefined,
    LastModifiedTime: new Date(current.at),
    SecondaryStatusTransitions: transitions(past, terminal),
    FinalMetricDataList:
      current.state.status === "Completed"
        ? Object.entries(finalMetrics(record)).map(([MetricName, Value]) => ({ MetricName, Value, Timestamp: new Date(current.at) }))
        : undefined,
    EnableNetworkIsolation: request.EnableNetworkIsolation ?? false,
    EnableInterContainerTrafficEncryption: request.EnableInterContainerTrafficEncryption ?? false,
    EnableManagedSpotTraining: request.EnableManagedSpotTraining ?? false,
    TrainingTimeInSeconds: trainingSeconds,
    // Billing stops at the runtime limit even though stopping the instances takes a little longer;
    // a spot job is not billed while it waits for capacity again (faults/spot-life.ts).
    BillableTimeInSeconds:
      trainingSeconds !== undefined
        ? Math.max(1, Math.min(trainingSeconds - Math.round(waitingMs(past, startTime!) / 1000), maxRuntimeSeconds))
        : undefined,
  };
}

/**
 * The time after TrainingStartTime that a spot job spent without instances: Interrupted, then
 * Starting again ([INF] neither is billed; SageMaker documents only that billable time is less).
 */
function waitingMs(past: readonly Point<TrainingState>[], startTime: number): number {
  let ms = 0;
  past.forEach((point, i) => {
    const next = past[i + 1];
    if (next && point.at >= startTime && (point.state.secondary === "Interrupted" || point.state.secondary === "Starting")) {
      ms += next.at - point.at;
    }
  });
  return ms;
}

/** What the job reports: its container's metrics when it ran code (a rule's win), else the planned ones. */
function finalMetrics(record: TrainingJobRecord): Readonly<Record<string, number>> {
  if (record.run === undefined) return record.plan.metrics;
  return Object.assign(Object.create(null) as Record<string, number>, record.run.metrics, record.plan.ruleMetrics);
}

/** The job as ListTrainingJobs shows it. */
export function summarizeTrainingJob(record: TrainingJobRecord, now: number): TrainingJobSummary {
  // The same reading of the timeline as Describe, without building the rest of the description.
  const current = pointAt(record.timeline, now);
  return {
    TrainingJobName: record.name,
    TrainingJobArn: record.arn,
    CreationTime: new Date(record.plan.createdAt),
    TrainingEndTime: isTerminalJobStatus(current.state.status) ? new Date(current.at) : undefined,
    LastModifiedTime: new Date(current.at),
    TrainingJobStatus: current.state.status,
    SecondaryStatus: current.state.secondary,
  };
}

/** `<S3OutputPath>/<job>/output/model.tar.gz`, or the `…/output/model` prefix when uncompressed (docs/fidelity.md §5.1). */
export function modelArtifactsUri(record: TrainingJobRecord): string {
  const uncompressed = record.request.OutputDataConfig?.CompressionType === "NONE";
  return `${outputBase(record)}/${uncompressed ? "model" : "model.tar.gz"}`;
}

/** `<S3OutputPath>/<job>/output/output.tar.gz`: what the algorithm wrote to /opt/ml/output/data. */
export function outputArtifactsUri(record: TrainingJobRecord): string {
  return `${outputBase(record)}/output.tar.gz`;
}

function outputBase(record: TrainingJobRecord): string {
  const base = (record.request.OutputDataConfig?.S3OutputPath ?? "").replace(/\/+$/, "");
  return `${base}/${record.name}/output`;
}

/**
 * One entry per secondary status, in order. A new entry starts only when the status changes;
 * a new message inside the same status updates the entry in place (docs/fidelity.md §5.1,
 * from the SageMaker SDK's secondary_training_status_message).
 */
function transitions(past: readonly Point<TrainingState>[], terminal: boolean): SecondaryStatusTransition[] {
  const entries: SecondaryStatusTransition[] = [];
  for (const point of past) {
    const last = entries[entries.length - 1];
    if (last && last.Status === point.state.secondary) {
      last.StatusMessage = point.state.message;
      continue;
    }
    if (last) last.EndTime = new Date(point.at);
    entries.push({ Status: point.state.secondary, StartTime: new Date(point.at), StatusMessage: point.state.message });
  }
  const final = entries[entries.length - 1];
  // [INF] the terminal entry closes at once: EndTime = StartTime.
  if (terminal && final) final.EndTime = final.StartTime;
  return entries;
}
