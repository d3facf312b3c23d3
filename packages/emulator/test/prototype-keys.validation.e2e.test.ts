import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsForHyperParameterTuningJobCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { manualEmulator, trainingJobRequest } from "./fixtures.js";
import { describeTuning, started, trainingJobDefinition, trainingJobs, tuningJobRequest } from "./fixtures/tuning.js";

/**
 * Issue item 5: a user's string used as a key of a plain object loses data when it names
 * something on Object.prototype (`__proto__` sets the prototype; `constructor`, `toString` are
 * found by `??=` and `in`). Metric names, tuning objectives and tuned parameter names are such
 * strings.
 */

const S = 1000;
const PROTO_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty"];

/** `{ "__proto__": value }` as JSON.parse builds it: an own key (an object literal would set the prototype). */
const own = <T>(entries: [string, T][]): Record<string, T> => JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, T>;

/** The raw JSON the emulator answers, before the SDK's deserializer (which uses plain objects) sees it. */
function raw(emulator: Emulator, operation: string, input: object): Record<string, unknown> {
  const response = emulator.serve({ headers: { "x-amz-target": `SageMaker.${operation}` }, body: JSON.stringify(input) });
  expect(response.statusCode).toBe(200);
  return JSON.parse(new TextDecoder().decode(response.body)) as Record<string, unknown>;
}

describe("keys that name Object.prototype members", () => {
  it("keeps a metric named __proto__, constructor, toString or hasOwnProperty in FinalMetricDataList, with a rule's value (training-job/plan.ts)", async () => {
    const { client, clock, emulator } = manualEmulator({
      rules: [
        {
          metrics: own([
            ["__proto__", 0.9],
            ["constructor", 0.25],
          ]),
        },
      ],
    });
    const definitions = PROTO_NAMES.map((Name) => ({ Name, Regex: `${Name}=(.*)` }));
    await client.send(
      new CreateTrainingJobCommand(
        trainingJobRequest({ AlgorithmSpecification: { ...trainingJobRequest().AlgorithmSpecification!, MetricDefinitions: definitions } }),
      ),
    );
    await clock.advance(3_600 * S);

    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d.TrainingJobStatus).toBe("Completed");
    const metrics = Object.fromEntries((d.FinalMetricDataList ?? []).map((m) => [m.MetricName, m.Value]));
    expect(Object.keys(metrics).sort()).toEqual([...PROTO_NAMES].sort());
    expect(metrics.__proto__).toBe(0.9);
    expect(metrics.constructor).toBe(0.25);
    for (const name of ["toString", "hasOwnProperty"]) expect(typeof metrics[name], name).toBe("number");
    expect(raw(emulator, "DescribeTrainingJob", { TrainingJobName: "xgb-churn" }).FinalMetricDataList).toHaveLength(4);
  });

  it.each(["constructor", "toString", "__proto__"])(
    "gives every child of a tuning job whose objective is %s an objective value, and the job a BestTrainingJob (tuning-job/plan.ts)",
    async (objective) => {
      // A built-in algorithm's image: the objective is the algorithm's own metric, not one the definition declares.
      const request = tuningJobRequest(
        { TrainingJobDefinition: trainingJobDefinition() },
        { HyperParameterTuningJobObjective: { Type: "Maximize", MetricName: objective } },
      );
      const { client, clock, t0 } = await started({}, request);
      await clock.advanceTo(t0 + 1000 * S);

      const tuning = await describeTuning(client);
      expect(tuning.HyperParameterTuningJobStatus).toBe("Completed");
      expect(tuning.ObjectiveStatusCounters).toEqual({ Succeeded: 6, Pending: 0, Failed: 0 });
      const { TrainingJobSummaries: children } = await client.send(
        new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }),
      );
      expect(children).toHaveLength(6);
      for (const child of children!) {
        expect(child.FinalHyperParameterTuningJobObjectiveMetric).toEqual({
          Type: "Maximize",
          MetricName: objective,
          Value: expect.any(Number),
        });
      }
      const values = children!.map((c) => c.FinalHyperParameterTuningJobObjectiveMetric!.Value!);
      expect(tuning.BestTrainingJob?.FinalHyperParameterTuningJobObjectiveMetric).toEqual({
        Type: "Maximize",
        MetricName: objective,
        Value: Math.max(...values),
      });
    },
  );

  it("keeps a tuned parameter named __proto__ in every child's HyperParameters and TunedHyperParameters (tuning-job/sampling.ts)", async () => {
    const request = tuningJobRequest(
      {},
      {
        ParameterRanges: {
          IntegerParameterRanges: [{ Name: "__proto__", MinValue: "2", MaxValue: "10", ScalingType: "Linear" }],
          ContinuousParameterRanges: [{ Name: "constructor", MinValue: "0.1", MaxValue: "0.5", ScalingType: "Linear" }],
          CategoricalParameterRanges: [{ Name: "toString", Values: ["a", "b"] }],
        },
      },
    );
    const { emulator, client, clock, t0 } = await started({}, request);
    await clock.advanceTo(t0 + 1000 * S);

    const children = await trainingJobs(client);
    expect(children).toHaveLength(6);
    for (const child of children) {
      const hp = raw(emulator, "DescribeTrainingJob", { TrainingJobName: child.TrainingJobName }).HyperParameters as Record<string, string>;
      expect(Object.keys(hp)).toEqual(expect.arrayContaining(["__proto__", "constructor", "toString"]));
      expect(Number(hp.__proto__) >= 2 && Number(hp.__proto__) <= 10).toBe(true);
      expect(["a", "b"]).toContain(hp.toString);
    }
    const listed = raw(emulator, "ListTrainingJobsForHyperParameterTuningJob", { HyperParameterTuningJobName: "xgb-tune" })
      .TrainingJobSummaries as { TunedHyperParameters: object }[];
    for (const summary of listed)
      expect(Object.keys(summary.TunedHyperParameters).sort()).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("keeps a Grid point's parameter named __proto__ (tuning-job/sampling.ts gridPoint)", async () => {
    const request = tuningJobRequest(
      {},
      {
        Strategy: "Grid",
        ResourceLimits: { MaxParallelTrainingJobs: 2 },
        ParameterRanges: {
          CategoricalParameterRanges: [
            { Name: "__proto__", Values: ["x", "y"] },
            { Name: "toString", Values: ["1", "2"] },
          ],
        },
      },
    );
    const { emulator, clock, t0 } = await started({}, request);
    await clock.advanceTo(t0 + 1000 * S);
    const listed = raw(emulator, "ListTrainingJobsForHyperParameterTuningJob", { HyperParameterTuningJobName: "xgb-tune" })
      .TrainingJobSummaries as { TunedHyperParameters: Record<string, string> }[];
    const points = listed.map((s) => `${s.TunedHyperParameters.__proto__}${s.TunedHyperParameters.toString}`).sort();
    expect(points).toEqual(["x1", "x2", "y1", "y2"]);
  });
});
