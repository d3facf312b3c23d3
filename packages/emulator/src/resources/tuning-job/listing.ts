import type { HyperParameterTrainingJobSummary } from "@aws-sdk/client-sagemaker";
import { arraySource } from "../../store/cursor.js";
import { listPage } from "../../store/list-page.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { childSummaries } from "./child-summary.js";
import { summarizeTuningJob } from "./describe.js";
import type { TuningJobRecord } from "./record.js";

/** ListHyperParameterTuningJobs and ListTrainingJobsForHyperParameterTuningJob. */
export function tuningListOperations(kit: Kit<TuningJobRecord>): Operations {
  return {
    ListHyperParameterTuningJobs(input) {
      const { items, nextToken } = kit.list(input);
      const now = kit.now();
      return { HyperParameterTuningJobSummaries: items.map((r) => summarizeTuningJob(kit.ctx, r, now)), NextToken: nextToken };
    },

    ListTrainingJobsForHyperParameterTuningJob(input) {
      const record = kit.find(input.HyperParameterTuningJobName);
      const objective = (s: HyperParameterTrainingJobSummary): number | undefined => s.FinalHyperParameterTuningJobObjectiveMetric?.Value;
      let rows = childSummaries(kit.ctx, record, kit.now());
      // [DOC] SortBy: "If the value of this field is FinalObjectiveMetricValue, any training jobs
      // that did not return an objective metric are not listed."
      if (input.SortBy === "FinalObjectiveMetricValue") rows = rows.filter((s) => objective(s) !== undefined);
      const keys: Readonly<Record<string, (s: HyperParameterTrainingJobSummary) => string | number | undefined>> = {
        Name: (s) => s.TrainingJobName,
        CreationTime: (s) => s.CreationTime!.getTime(),
        Status: (s) => s.TrainingJobStatus,
        FinalObjectiveMetricValue: objective,
      };
      const source = arraySource(rows, (s, sortBy) => ({
        key: keys[sortBy]?.(s) ?? null,
        created: s.CreationTime!.getTime(),
        seq: 0,
        name: s.TrainingJobName!,
      }));
      const { items, nextToken } = listPage(
        source,
        input,
        {
          name: (s) => s.TrainingJobName!,
          created: (s) => s.CreationTime!.getTime(),
          status: (s) => s.TrainingJobStatus!,
          sortKeys: Object.keys(keys),
          // [DOC] "The default is Name." / "The default is Ascending." / MaxResults "The default value is 10."
          defaultSortBy: "Name",
          defaultSortOrder: "Ascending",
        },
        { HyperParameterTuningJobName: record.name },
      );
      return { TrainingJobSummaries: items, NextToken: nextToken };
    },
  };
}
