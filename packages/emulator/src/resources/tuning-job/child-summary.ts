import type {
  HyperParameterTrainingJobSummary,
  ObjectiveStatus,
  ObjectiveStatusCounters,
  TrainingJobStatusCounters,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { describeTrainingJob } from "../training-job/describe.js";
import { childRecord } from "./child-record.js";
import type { TuningJobRecord } from "./record.js";

/** [INF] failures SageMaker would retry: capacity and internal errors ([DOC] RetryableError, docs/fidelity.md §5.4). */
const RETRYABLE = /^(InternalServerError|CapacityError)\b/;

/**
 * The children launched by `now`, as ListTrainingJobsForHyperParameterTuningJob shows them. Read
 * off the schedule, not the training-job table, so they agree with the counters even after a
 * child was deleted.
 */
export function childSummaries(ctx: EmulatorContext, record: TuningJobRecord, now: number): HyperParameterTrainingJobSummary[] {
  return record.schedule.children
    .filter((child) => child.launchAt <= now)
    .map((child) => {
      const planned = record.plan.children[child.index]!;
      const d = describeTrainingJob(childRecord(ctx, record, child), now);
      const status = d.TrainingJobStatus!;
      const value = d.FinalMetricDataList?.find((m) => m.MetricName === planned.objective.MetricName)?.Value;
      const objectiveStatus: ObjectiveStatus =
        status === "InProgress" || status === "Stopping" ? "Pending" : value !== undefined ? "Succeeded" : "Failed";
      return {
        ...(planned.definitionName !== undefined ? { TrainingJobDefinitionName: planned.definitionName } : {}),
        TrainingJobName: d.TrainingJobName,
        TrainingJobArn: d.TrainingJobArn,
        TuningJobName: record.name,
        CreationTime: d.CreationTime,
        TrainingStartTime: d.TrainingStartTime,
        TrainingEndTime: d.TrainingEndTime,
        TrainingJobStatus: status,
        TunedHyperParameters: { ...planned.tuned },
        FailureReason: d.FailureReason,
        FinalHyperParameterTuningJobObjectiveMetric:
          value !== undefined ? { Type: planned.objective.Type, MetricName: planned.objective.MetricName, Value: value } : undefined,
        ObjectiveStatus: objectiveStatus,
      };
    });
}

/**
 * [DOC] BestTrainingJob: "the training job that completed with the best current" objective: the
 * largest (Maximize) or smallest (Minimize) value among completed children; [INF] the earliest
 * launched wins a tie, and there is none until a child has completed.
 */
export function bestChild(summaries: readonly HyperParameterTrainingJobSummary[]): HyperParameterTrainingJobSummary | undefined {
  let best: HyperParameterTrainingJobSummary | undefined;
  for (const summary of summaries) {
    const metric = summary.FinalHyperParameterTuningJobObjectiveMetric;
    if (summary.TrainingJobStatus !== "Completed" || metric?.Value === undefined) continue;
    const current = best?.FinalHyperParameterTuningJobObjectiveMetric?.Value;
    const better = metric.Type === "Minimize" ? metric.Value < (current ?? Infinity) : metric.Value > (current ?? -Infinity);
    if (best === undefined || better) best = summary;
  }
  return best;
}

/** Every key always present ([INF] docs/fidelity.md §5.4); Stopping children still count as InProgress. */
export function statusCounters(summaries: readonly HyperParameterTrainingJobSummary[]): TrainingJobStatusCounters {
  const counters = { Completed: 0, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 0 };
  for (const { TrainingJobStatus: status, FailureReason: reason } of summaries) {
    if (status === "Completed") counters.Completed++;
    else if (status === "Stopped") counters.Stopped++;
    else if (status === "Failed") counters[RETRYABLE.test(reason ?? "") ? "RetryableError" : "NonRetryableError"]++;
    else counters.InProgress++;
  }
  return counters;
}

/** [MODEL] ObjectiveStatus: Succeeded (evaluated), Pending (child in progress), Failed (not evaluated). */
export function objectiveCounters(summaries: readonly HyperParameterTrainingJobSummary[]): ObjectiveStatusCounters {
  const counters = { Succeeded: 0, Pending: 0, Failed: 0 };
  for (const summary of summaries) counters[summary.ObjectiveStatus ?? "Failed"]++;
  return counters;
}
