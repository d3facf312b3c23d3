import { CreateTrainingJobCommand, DescribeTrainingJobCommand, ListTrainingJobsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { manualEmulator, trainingJobRequest } from "./fixtures.js";

describe("createEmulator options", () => {
  it("refuses rules and durations that would make time run backwards", () => {
    expect(() => createEmulator({ requireInputData: false, rules: [{ outcome: { status: "Failed", afterSeconds: -100 } }] })).toThrow(
      "rules[0].outcome.afterSeconds [-100] must be a finite number of seconds, 0 or more.",
    );
    expect(() => createEmulator({ requireInputData: false, rules: [{}, { durations: { trainingSeconds: Number.NaN } }] })).toThrow(
      /rules\[1\]\.durations\.trainingSeconds/,
    );
    expect(() => createEmulator({ requireInputData: false, durations: { startingSeconds: -1 } })).toThrow(
      /durations\.startingSeconds \[-1\]/,
    );
    expect(() => createEmulator({ requireInputData: false, rules: [{ metrics: { auc: Number.POSITIVE_INFINITY } }] })).toThrow(
      /must be a finite number/,
    );
    expect(() => createEmulator({ requireInputData: false, jitter: 1 })).toThrow(RangeError);
  });

  // A misspelled key used to be ignored: `match: { nmae }` matched every job (issue 7, item 15).
  it("refuses a misspelled rule key and lists the known ones", () => {
    expect(() => createEmulator({ requireInputData: false, rules: [{ match: { nmae: "flaky" } as never }] })).toThrow(
      'rules[0].match has an unknown key "nmae"; the known keys are name, image, hyperParameters.',
    );
  });

  it("refuses a misspelled duration, at the top level and in a rule", () => {
    expect(() => createEmulator({ requireInputData: false, durations: { trainSeconds: 60 } as never })).toThrow(
      /durations has an unknown key "trainSeconds"; the known keys are startingSeconds, /,
    );
    expect(() => createEmulator({ requireInputData: false, rules: [{ durations: { runSeconds: 1 } as never }] })).toThrow(
      /rules\[0\]\.durations has an unknown key "runSeconds"/,
    );
  });

  it("refuses a misspelled top-level option or outcome key", () => {
    expect(() => createEmulator({ requireInputData: false, sed: 3 } as never)).toThrow(
      /options has an unknown key "sed"; the known keys are clock, seed, /,
    );
    expect(() => createEmulator({ requireInputData: false, rules: [{ outcome: { status: "Failed", reason: "x" } as never }] })).toThrow(
      /rules\[0\]\.outcome has an unknown key "reason"/,
    );
  });

  it("refuses rules replaced at run time by the same checks, keeping the old ones", () => {
    const emulator = createEmulator({ requireInputData: false });
    expect(() => emulator.setRules([{ match: { nmae: "x" } as never }])).toThrow(/unknown key "nmae"/);
    expect(() => emulator.setRules({} as never)).toThrow("rules must be an array of rules, got object.");
  });

  it("replays the same run for the same seed however often the client polls", async () => {
    const run = async (extraPolls: number) => {
      const { client, clock } = manualEmulator({ seed: 7, jitter: 0.5 });
      for (let i = 0; i < extraPolls; i++) await client.send(new ListTrainingJobsCommand({}));
      const request = trainingJobRequest({
        AlgorithmSpecification: {
          ...trainingJobRequest().AlgorithmSpecification!,
          MetricDefinitions: [{ Name: "auc", Regex: "auc=(.*)" }],
        },
      });
      await client.send(new CreateTrainingJobCommand(request));
      await clock.advance(3_600_000);
      const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
      return [...d.SecondaryStatusTransitions!.map((t) => t.StartTime!.getTime()), ...d.FinalMetricDataList!.map((m) => m.Value)];
    };
    expect(await run(5)).toEqual(await run(0));
  });
});
