import {
  CreateHyperParameterTuningJobCommand,
  ListHyperParameterTuningJobsCommand,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { started, tuningJobRequest } from "./fixtures/tuning.js";

const S = 1000;

describe("listing tuning jobs and their children", () => {
  const list = (client: SageMakerClient, input: object = {}) =>
    client.send(new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune", ...input }));

  it("lists children by Name ascending, 10 a page by default ([DOC])", async () => {
    const request = tuningJobRequest({}, { ResourceLimits: { MaxNumberOfTrainingJobs: 12, MaxParallelTrainingJobs: 12 } });
    const { client } = await started({}, request);
    const first = await list(client);
    expect(first.TrainingJobSummaries).toHaveLength(10);
    const second = await list(client, { NextToken: first.NextToken });
    expect(second.NextToken).toBeUndefined();
    const names = [...first.TrainingJobSummaries!, ...second.TrainingJobSummaries!].map((s) => s.TrainingJobName!);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(12);
  });

  it("sorts by FinalObjectiveMetricValue leaving out children without one ([DOC]), filters by StatusEquals, sorts by Status and CreationTime", async () => {
    const { client, clock, t0 } = await started();
    await clock.advanceTo(t0 + 150 * S);
    const byValue = (await list(client, { SortBy: "FinalObjectiveMetricValue", SortOrder: "Descending" })).TrainingJobSummaries!;
    expect(byValue).toHaveLength(2);
    const values = byValue.map((s) => s.FinalHyperParameterTuningJobObjectiveMetric!.Value!);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    expect((await list(client, { StatusEquals: "InProgress" })).TrainingJobSummaries!.map((s) => s.ObjectiveStatus)).toEqual([
      "Pending",
      "Pending",
    ]);
    expect((await list(client, { SortBy: "Status" })).TrainingJobSummaries!.map((s) => s.TrainingJobStatus)).toEqual([
      "Completed",
      "Completed",
      "InProgress",
      "InProgress",
    ]);
    const byTime = (await list(client, { SortBy: "CreationTime", SortOrder: "Descending" })).TrainingJobSummaries!;
    expect(byTime.map((s) => s.CreationTime!.getTime() - t0)).toEqual([100 * S, 100 * S, 0, 0]);
  });

  it("lists tuning jobs by Name ascending with their counters, filtered by NameContains and StatusEquals ([DOC] defaults)", async () => {
    const { client, clock, t0 } = await started();
    await client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest({ HyperParameterTuningJobName: "alpha" })));
    await clock.advanceTo(t0 + 300 * S);
    await client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest({ HyperParameterTuningJobName: "beta" })));
    const all = (await client.send(new ListHyperParameterTuningJobsCommand({}))).HyperParameterTuningJobSummaries!;
    expect(all.map((s) => [s.HyperParameterTuningJobName, s.HyperParameterTuningJobStatus])).toEqual([
      ["alpha", "Completed"],
      ["beta", "InProgress"],
      ["xgb-tune", "Completed"],
    ]);
    expect(all[0]).toMatchObject({ Strategy: "Bayesian", ResourceLimits: { MaxNumberOfTrainingJobs: 6, MaxParallelTrainingJobs: 2 } });
    expect(all[1]!.TrainingJobStatusCounters).toEqual({ Completed: 0, InProgress: 2, RetryableError: 0, NonRetryableError: 0, Stopped: 0 });
    const some = await client.send(new ListHyperParameterTuningJobsCommand({ NameContains: "TUNE", StatusEquals: "Completed" }));
    expect(some.HyperParameterTuningJobSummaries!.map((s) => s.HyperParameterTuningJobName)).toEqual(["xgb-tune"]);
  });
});
