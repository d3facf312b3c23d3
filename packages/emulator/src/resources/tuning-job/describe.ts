import type { DescribeHyperParameterTuningJobResponse, HyperParameterTuningJobSummary } from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { pastPoints } from "../../lifecycle/timeline.js";
import { isTerminalJobStatus } from "../job-status.js";
import { bestChild, childSummaries, objectiveCounters, statusCounters } from "./child-summary.js";
import type { TuningJobRecord } from "./record.js";

/** The tuning job as DescribeHyperParameterTuningJob shows it at `now`. */
export function describeTuningJob(ctx: EmulatorContext, record: TuningJobRecord, now: number): DescribeHyperParameterTuningJobResponse {
  const { request, plan } = record;
  const past = pastPoints(record.schedule.timeline, now);
  const current = past[past.length - 1] ?? record.schedule.timeline[0]!;
  const terminal = isTerminalJobStatus(current.state.status);
  const children = childSummaries(ctx, record, now);
  const best = bestChild(children);
  const end = terminal ? current.at : undefined;
  return {
    HyperParameterTuningJobName: record.name,
    HyperParameterTuningJobArn: record.arn,
    HyperParameterTuningJobConfig: request.HyperParameterTuningJobConfig,
    ...(request.TrainingJobDefinition ? { TrainingJobDefinition: request.TrainingJobDefinition } : {}),
    ...(request.TrainingJobDefinitions ? { TrainingJobDefinitions: request.TrainingJobDefinitions } : {}),
    HyperParameterTuningJobStatus: current.state.status,
    CreationTime: new Date(plan.createdAt),
    HyperParameterTuningEndTime: end !== undefined ? new Date(end) : undefined,
    // [DOC] "The date and time that the status of the tuning job was modified."
    LastModifiedTime: new Date(current.at),
    TrainingJobStatusCounters: statusCounters(children),
    ObjectiveStatusCounters: objectiveCounters(children),
    ...(best ? { BestTrainingJob: best } : {}),
    ...(request.WarmStartConfig ? { WarmStartConfig: request.WarmStartConfig } : {}),
    ...(request.Autotune ? { Autotune: request.Autotune } : {}),
    ...(current.state.failureReason !== undefined ? { FailureReason: current.state.failureReason } : {}),
    // [INF] wall-clock seconds from creation to the end (or to now while running).
    ConsumedResources: { RuntimeInSeconds: Math.round(((end ?? now) - plan.createdAt) / 1000) },
  };
}

/** The tuning job as ListHyperParameterTuningJobs shows it. */
export function summarizeTuningJob(ctx: EmulatorContext, record: TuningJobRecord, now: number): HyperParameterTuningJobSummary {
  const d = describeTuningJob(ctx, record, now);
  return {
    HyperParameterTuningJobName: d.HyperParameterTuningJobName,
    HyperParameterTuningJobArn: d.HyperParameterTuningJobArn,
    HyperParameterTuningJobStatus: d.HyperParameterTuningJobStatus,
    Strategy: d.HyperParameterTuningJobConfig?.Strategy,
    CreationTime: d.CreationTime,
    HyperParameterTuningEndTime: d.HyperParameterTuningEndTime,
    LastModifiedTime: d.LastModifiedTime,
    TrainingJobStatusCounters: d.TrainingJobStatusCounters,
    ObjectiveStatusCounters: d.ObjectiveStatusCounters,
    ResourceLimits: d.HyperParameterTuningJobConfig?.ResourceLimits,
  };
}
