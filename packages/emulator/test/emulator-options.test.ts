import { CreateTrainingJobCommand, DescribeTrainingJobCommand, ListTrainingJobsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { manualEmulator, trainingJobRequest } from "./fixtures.js";

describe("createEmulator options", () => {
  it("refuses rules and durations that would make time run backwards", () => {
    expect(() => createEmulator({ rules: [{ outcome: { status: "Failed", afterSeconds: -100 } }] })).toThrow(
      "rules[0].outcome.afterSeconds [-100] must be a finite number of seconds, 0 or more.",
    );
    expect(() => createEmulator({ rules: [{}, { durations: { trainingSeconds: Number.NaN } }] })).toThrow(/rules\[1\]\.durations\.trainingSeconds/);
    expect(() => createEmulator({ durations: { startingSeconds: -1 } })).toThrow(/durations\.startingSeconds \[-1\]/);
    expect(() => createEmulator({ rules: [{ metrics: { auc: Number.POSITIVE_INFINITY } }] })).toThrow(/must be a finite number/);
    expect(() => createEmulator({ jitter: 1 })).toThrow(RangeError);
  });

  it("replays the same run for the same seed however often the client polls", async () => {
    const run = async (extraPolls: number) => {
      const { client, clock } = manualEmulator({ seed: 7, jitter: 0.5 });
      for (let i = 0; i < extraPolls; i++) await client.send(new ListTrainingJobsCommand({}));
      const request = trainingJobRequest({ AlgorithmSpecification: { ...trainingJobRequest().AlgorithmSpecification!, MetricDefinitions: [{ Name: "auc", Regex: "auc=(.*)" }] } });
      await client.send(new CreateTrainingJobCommand(request));
      await clock.advance(3_600_000);
      const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
      return [...d.SecondaryStatusTransitions!.map((t) => t.StartTime!.getTime()), ...d.FinalMetricDataList!.map((m) => m.Value)];
    };
    expect(await run(5)).toEqual(await run(0));
  });
});
