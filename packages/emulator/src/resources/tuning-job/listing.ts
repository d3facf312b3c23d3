import type {
  HyperParameterTrainingJobSummary,
  ListHyperParameterTuningJobsRequest,
  ListHyperParameterTuningJobsResponse,
  ListTrainingJobsForHyperParameterTuningJobRequest,
  ListTrainingJobsForHyperParameterTuningJobResponse,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { listPage } from "../../store/list-page.js";
import type { OperationTable } from "../operation.js";
import { childSummaries } from "./child-summary.js";
import { summarizeTuningJob } from "./describe.js";
import type { TuningJobRecord } from "./record.js";

/** ListHyperParameterTuningJobs and ListTrainingJobsForHyperParameterTuningJob. */
export function tuningListOperations(
  ctx: EmulatorContext,
  store: EmulatorStore,
  find: (name: string) => TuningJobRecord,
): OperationTable {
  return {
    ListHyperParameterTuningJobs(input: ListHyperParameterTuningJobsRequest): ListHyperParameterTuningJobsResponse {
      const now = ctx.clock.now();
      const rows = store.tuningJobs.values();
      const summaries = new Map(rows.map((r) => [r, summarizeTuningJob(ctx, r, now)]));
      const { items, nextToken } = listPage(rows, input, {
        name: (r) => r.name,
        creationTime: (r) => r.plan.createdAt,
        lastModifiedTime: (r) => summaries.get(r)!.LastModifiedTime!.getTime(),
        status: (r) => summaries.get(r)!.HyperParameterTuningJobStatus!,
        sortKeys: {
          Name: (r) => r.name,
          Status: (r) => summaries.get(r)!.HyperParameterTuningJobStatus,
          CreationTime: (r) => r.plan.createdAt,
        },
        // [DOC] "The default is Name." / "The default is Ascending." / MaxResults "The default value is 10."
        defaultSortBy: "Name",
        defaultSortOrder: "Ascending",
      });
      return { HyperParameterTuningJobSummaries: items.map((r) => summaries.get(r)!), NextToken: nextToken };
    },

    ListTrainingJobsForHyperParameterTuningJob(
      input: ListTrainingJobsForHyperParameterTuningJobRequest,
    ): ListTrainingJobsForHyperParameterTuningJobResponse {
      const record = find(input.HyperParameterTuningJobName!);
      const objective = (s: HyperParameterTrainingJobSummary): number | undefined => s.FinalHyperParameterTuningJobObjectiveMetric?.Value;
      let rows = childSummaries(ctx, record, ctx.clock.now());
      // [DOC] SortBy: "If the value of this field is FinalObjectiveMetricValue, any training jobs
      // that did not return an objective metric are not listed."
      if (input.SortBy === "FinalObjectiveMetricValue") rows = rows.filter((s) => objective(s) !== undefined);
      const { items, nextToken } = listPage(rows, input, {
        name: (s) => s.TrainingJobName!,
        creationTime: (s) => s.CreationTime!.getTime(),
        status: (s) => s.TrainingJobStatus!,
        sortKeys: {
          Name: (s) => s.TrainingJobName,
          CreationTime: (s) => s.CreationTime!.getTime(),
          Status: (s) => s.TrainingJobStatus,
          FinalObjectiveMetricValue: objective,
        },
        // [DOC] "The default is Name." / "The default is Ascending." / MaxResults "The default value is 10."
        defaultSortBy: "Name",
        defaultSortOrder: "Ascending",
      });
      return { TrainingJobSummaries: items, NextToken: nextToken };
    },
  };
}
