import {
  CreateHyperParameterTuningJobCommand,
  DeleteHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeTrainingJobCommand,
  ListTagsCommand,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  StopHyperParameterTuningJobCommand,
  type CreateHyperParameterTuningJobRequest,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator } from "./fixtures.js";
import { describeTuning, OBJECTIVE, started, trainingJobDefinition, trainingJobs, tuningJobRequest } from "./fixtures/tuning.js";

const S = 1000;
const TUNING_ARN = "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/xgb-tune";

describe("tuning job children", () => {
  it("launches MaxParallelTrainingJobs real training jobs at once, named <tuning>-<NNN>-<8 hex>, with TuningJobArn and the tuned hyperparameters", async () => {
    const { client, t0 } = await started();
    const jobs = await trainingJobs(client);
    expect(jobs.map((j) => j.TrainingJobName)).toEqual([
      expect.stringMatching(/^xgb-tune-001-[0-9a-f]{8}$/),
      expect.stringMatching(/^xgb-tune-002-[0-9a-f]{8}$/),
    ]);
    expect(jobs.every((j) => j.TrainingJobStatus === "InProgress" && j.CreationTime!.getTime() === t0)).toBe(true);

    const child = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobs[0]!.TrainingJobName }));
    expect(child.TuningJobArn).toBe(TUNING_ARN);
    const hp = child.HyperParameters!;
    expect(Object.keys(hp).sort()).toEqual(["_tuning_objective_metric", "booster", "eta", "max_depth", "num_round", "objective"]);
    expect(hp).toMatchObject({ objective: "binary:logistic", num_round: "50", _tuning_objective_metric: OBJECTIVE });
    expect(Number(hp.eta)).toBeGreaterThanOrEqual(0.01);
    expect(Number(hp.eta)).toBeLessThanOrEqual(0.5);
    expect(Number.isInteger(Number(hp.max_depth)) && Number(hp.max_depth) >= 2 && Number(hp.max_depth) <= 10).toBe(true);
    expect(["gbtree", "dart"]).toContain(hp.booster);
    expect(child.ModelArtifacts?.S3ModelArtifacts).toBe(`s3://bucket/churn/tuning/${child.TrainingJobName}/output/model.tar.gz`);
  });

  it("adds the tuning job's Tags to every child it launches ([DOC] CreateHyperParameterTuningJob Tags)", async () => {
    const tags = [
      { Key: "team", Value: "churn" },
      { Key: "stage", Value: "dev" },
    ];
    const { client, clock } = await started({}, tuningJobRequest({ Tags: tags }));
    await clock.advance(1000 * S); // all six launched, the later ones by sync
    const children = await trainingJobs(client);
    expect(children).toHaveLength(6);
    for (const child of children) {
      expect((await client.send(new ListTagsCommand({ ResourceArn: child.TrainingJobArn }))).Tags).toEqual(tags);
    }
  });

  it("launches a replacement the moment a child ends and completes when all MaxNumberOfTrainingJobs children have ended", async () => {
    const { client, clock, t0 } = await started();
    await clock.advanceTo(t0 + 100 * S);
    let jobs = await trainingJobs(client);
    expect(jobs.map((j) => [j.TrainingJobStatus, j.CreationTime!.getTime() - t0])).toEqual([
      ["Completed", 0],
      ["Completed", 0],
      ["InProgress", 100 * S],
      ["InProgress", 100 * S],
    ]);
    await clock.advanceTo(t0 + 299 * S);
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("InProgress");
    await clock.advanceTo(t0 + 300 * S);
    const done = await describeTuning(client);
    expect(done.HyperParameterTuningJobStatus).toBe("Completed");
    expect(done.HyperParameterTuningEndTime).toEqual(new Date(t0 + 300 * S));
    expect(done.LastModifiedTime).toEqual(new Date(t0 + 300 * S));
    expect(done.ConsumedResources).toEqual({ RuntimeInSeconds: 300 });
    expect(done.TrainingJobStatusCounters).toEqual({ Completed: 6, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 0 });
    expect(done.ObjectiveStatusCounters).toEqual({ Succeeded: 6, Pending: 0, Failed: 0 });
    await clock.advanceTo(t0 + 5000 * S);
    jobs = await trainingJobs(client);
    expect(jobs).toHaveLength(6);
    expect(jobs.map((j) => j.TrainingJobName!.slice(0, 12))).toEqual([1, 2, 3, 4, 5, 6].map((i) => `xgb-tune-00${i}`));
  });

  it("never runs more than MaxParallelTrainingJobs children at once, even with uneven durations", async () => {
    const rules = [{ match: { hyperParameters: { booster: "dart" } }, durations: { trainingSeconds: 230 } }];
    const { client, clock, t0 } = await started(
      { rules },
      tuningJobRequest({}, { ResourceLimits: { MaxNumberOfTrainingJobs: 9, MaxParallelTrainingJobs: 3 } }),
    );
    let peak = 0;
    for (let at = 0; at <= 1500; at += 5) {
      await clock.advanceTo(t0 + at * S);
      const jobs = await trainingJobs(client);
      const running = jobs.filter((j) => j.TrainingJobStatus === "InProgress").length;
      peak = Math.max(peak, running);
      expect(running).toBeLessThanOrEqual(3);
      const d = await describeTuning(client);
      expect(d.TrainingJobStatusCounters!.InProgress).toBe(running);
      expect(Object.values(d.TrainingJobStatusCounters!).reduce((a, b) => a + b, 0)).toBe(jobs.length);
    }
    expect(peak).toBe(3);
    expect(await trainingJobs(client)).toHaveLength(9);
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("Completed");
  });

  it("reports each completed child's objective and picks the largest as BestTrainingJob for Maximize", async () => {
    const { client, clock, t0 } = await started();
    expect((await describeTuning(client)).BestTrainingJob).toBeUndefined(); // none completed yet
    await clock.advanceTo(t0 + 300 * S);
    const { TrainingJobSummaries: children } = await client.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }),
    );
    const values = children!.map((c) => c.FinalHyperParameterTuningJobObjectiveMetric!.Value!);
    const best = (await describeTuning(client)).BestTrainingJob!;
    expect(best.FinalHyperParameterTuningJobObjectiveMetric).toEqual({
      Type: "Maximize",
      MetricName: OBJECTIVE,
      Value: Math.max(...values),
    });
    expect(best.TuningJobName).toBe("xgb-tune");
    expect(best.ObjectiveStatus).toBe("Succeeded");
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: best.TrainingJobName }));
    expect(d.FinalMetricDataList?.find((m) => m.MetricName === OBJECTIVE)?.Value).toBe(Math.max(...values));
    expect(best.TunedHyperParameters).toEqual({
      eta: d.HyperParameters!.eta,
      max_depth: d.HyperParameters!.max_depth,
      booster: d.HyperParameters!.booster,
    });
  });

  it("lets a rule set one child's metric, which makes it the best for Minimize", async () => {
    const rules = [{ match: { name: /^xgb-tune-004-/ }, metrics: { [OBJECTIVE]: -1 } }];
    const request = tuningJobRequest({}, { HyperParameterTuningJobObjective: { Type: "Minimize", MetricName: OBJECTIVE } });
    const { client, clock, t0 } = await started({ rules }, request);
    await clock.advanceTo(t0 + 100 * S);
    expect((await describeTuning(client)).BestTrainingJob?.TrainingJobName).toMatch(/^xgb-tune-00[12]-/);
    await clock.advanceTo(t0 + 300 * S);
    const best = (await describeTuning(client)).BestTrainingJob!;
    expect(best.TrainingJobName).toMatch(/^xgb-tune-004-/);
    expect(best.FinalHyperParameterTuningJobObjectiveMetric).toEqual({ Type: "Minimize", MetricName: OBJECTIVE, Value: -1 });
  });

  it("counts children that fail by a rule on their hyperparameters as NonRetryableError, and CapacityError ones as RetryableError", async () => {
    const rules = [
      {
        match: { hyperParameters: { booster: "dart" } },
        outcome: { status: "Failed" as const, failureReason: "ClientError: bad booster" },
      },
      {
        match: { name: /-001-/ },
        outcome: { status: "Failed" as const, failureReason: "CapacityError: Unable to provision requested ML compute capacity." },
      },
    ];
    const { client, clock, t0 } = await started({ rules });
    await clock.advanceTo(t0 + 1000 * S);
    const { TrainingJobSummaries: children } = await client.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }),
    );
    const d = await describeTuning(client);
    const failed = children!.filter((c) => c.TrainingJobStatus === "Failed");
    const capacity = failed.filter((c) => c.FailureReason!.startsWith("CapacityError")).length;
    expect(d.TrainingJobStatusCounters).toMatchObject({
      RetryableError: capacity,
      NonRetryableError: failed.length - capacity,
      Completed: children!.length - failed.length,
    });
    expect(d.ObjectiveStatusCounters).toEqual({ Succeeded: children!.length - failed.length, Pending: 0, Failed: failed.length });
    for (const c of failed) expect(c.ObjectiveStatus).toBe("Failed");
  });
});

describe("tuning job errors", () => {
  const notFound = "Amazon SageMaker can't find a tuning job called nope. Type another name.";

  it("answers a missing tuning job with ResourceNotFound for Describe, Stop and ListTrainingJobsFor… (aws/amazon-sagemaker-examples#1540; [INF] text for Stop/List/Delete)", async () => {
    const { client } = manualEmulator();
    const calls = [
      () => client.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "nope" })),
      () => client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "nope" })),
      () => client.send(new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "nope" })),
      () => client.send(new DeleteHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "nope" })),
    ];
    for (const call of calls) {
      const error = await errorOf(call);
      expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual(["ResourceNotFound", notFound, 400]);
    }
  });

  it("refuses a duplicate name, case-insensitively, with ResourceInUse (aws/amazon-sagemaker-examples#2440)", async () => {
    const { client } = await started();
    const error = await errorOf(() =>
      client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest({ HyperParameterTuningJobName: "XGB-Tune" }))),
    );
    expect([error.name, error.message]).toEqual([
      "ResourceInUse",
      "A hyperparameter tuning job with the name, XGB-Tune, already exists. Choose a different name.",
    ]);
  });

  it("refuses StopHyperParameterTuningJob unless InProgress ([INF] text, after StopTrainingJob's [OBS] one)", async () => {
    const { client, clock, t0 } = await started();
    await client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }));
    for (const [at, status] of [
      [0, "Stopping"],
      [10, "Stopped"],
    ] as const) {
      await clock.advanceTo(t0 + at * S);
      const error = await errorOf(() => client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" })));
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        `The request was rejected because the tuning job is in status ${status}.`,
      ]);
    }
  });

  it("deletes only a finished tuning job, keeps its children ([DOC] DeleteHyperParameterTuningJob) and frees the name", async () => {
    const { client, clock, t0 } = await started();
    const refused = await errorOf(() => client.send(new DeleteHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" })));
    expect([refused.name, refused.message]).toEqual([
      "ValidationException",
      "The request was rejected because the tuning job is in status InProgress.",
    ]);
    await clock.advanceTo(t0 + 300 * S);
    await client.send(new DeleteHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }));
    expect((await errorOf(() => describeTuning(client))).name).toBe("ResourceNotFound");
    const children = await trainingJobs(client);
    expect(children).toHaveLength(6);
    await client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest()));
    expect(await trainingJobs(client)).toHaveLength(8);
  });

  it.each([
    [
      "neither definition",
      { TrainingJobDefinition: undefined },
      "Either TrainingJobDefinition or TrainingJobDefinitions must be specified, but not both.",
    ],
    [
      "both definitions",
      { TrainingJobDefinitions: [trainingJobDefinition()] },
      "Either TrainingJobDefinition or TrainingJobDefinitions must be specified, but not both.",
    ],
  ])("requires exactly one of TrainingJobDefinition/TrainingJobDefinitions ([INF]): %s", async (_, overrides, message) => {
    const { client } = manualEmulator();
    const error = await errorOf(() => client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest(overrides))));
    expect([error.name, error.message]).toEqual(["ValidationException", message]);
  });

  it.each([
    [
      "Hyperband with early stopping ([DOC] TrainingJobEarlyStoppingType)",
      { Strategy: "Hyperband" as const, TrainingJobEarlyStoppingType: "Auto" as const },
      "TrainingJobEarlyStoppingType must be OFF to use Hyperband.",
    ],
    [
      "no objective ([INF])",
      { HyperParameterTuningJobObjective: undefined },
      "1 validation error detected: Value null at 'hyperParameterTuningJobConfig.hyperParameterTuningJobObjective' failed to satisfy constraint: Member must not be null",
    ],
    [
      "more jobs than discrete combinations (aws/amazon-sagemaker-operator-for-k8s#123)",
      {
        ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 1 },
        ParameterRanges: { CategoricalParameterRanges: [{ Name: "booster", Values: ["gbtree", "dart", "gblinear"] }] },
      },
      "You don't have enough combinations of hyperparameter ranges. The total number of hyperparameter combinations for the provided ranges [3.0] must be equal or greater than the value of MaxNumberOfJobs, [10]. Provide additional ranges.",
    ],
    [
      "Grid over an integer range ([DOC] how-it-works)",
      { Strategy: "Grid" as const },
      "Only categorical parameters are supported when using the grid search strategy.",
    ],
    [
      "a logarithmic range reaching 0 ([DOC] HyperParameterScalingType; text [INF])",
      {
        ParameterRanges: {
          ContinuousParameterRanges: [{ Name: "eta", MinValue: "0", MaxValue: "1", ScalingType: "Logarithmic" as const }],
        },
      },
      "Logarithmic scaling works only for ranges that have only values greater than 0, but the hyperparameter range 'eta' has MinValue '0'.",
    ],
    [
      "a bound that overflows to Infinity ([INF])",
      { ParameterRanges: { ContinuousParameterRanges: [{ Name: "eta", MinValue: "0.1", MaxValue: "1e400" }] } },
      "The MaxValue '1e400' of the hyperparameter range 'eta' is not a valid number.",
    ],
    [
      "MinValue above MaxValue ([INF])",
      { ParameterRanges: { IntegerParameterRanges: [{ Name: "max_depth", MinValue: "9", MaxValue: "3" }] } },
      "The MinValue '9' of the hyperparameter range 'max_depth' is greater than its MaxValue '3'.",
    ],
  ])("refuses %s", async (_, config, message) => {
    const { client } = manualEmulator();
    const error = await errorOf(() => client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest({}, config))));
    expect([error.name, error.message]).toEqual(["ValidationException", message]);
  });

  it("refuses a definition whose StoppingCondition.MaxRuntimeInSeconds exceeds 28 days, like CreateTrainingJob ([DOC]; text [INF])", async () => {
    const { client } = manualEmulator();
    const definition = trainingJobDefinition({ StoppingCondition: { MaxRuntimeInSeconds: 2_419_201 } });
    const cases: [Partial<CreateHyperParameterTuningJobRequest>, string][] = [
      [{ TrainingJobDefinition: definition }, "trainingJobDefinition"],
      [
        {
          TrainingJobDefinition: undefined,
          TrainingJobDefinitions: [trainingJobDefinition({ DefinitionName: "a" }), { ...definition, DefinitionName: "b" }],
        },
        "trainingJobDefinitions.2.member",
      ],
    ];
    for (const [overrides, path] of cases) {
      const error = await errorOf(() => client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest(overrides))));
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        `1 validation error detected: Value '2419201' at '${path}.stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 2419200`,
      ]);
    }
  });

  it("refuses a name over 32 characters through the model's constraint ([MODEL]; 32 + 13 = 45 ≤ 63 for children's names)", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() =>
      client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest({ HyperParameterTuningJobName: "a".repeat(33) }))),
    );
    expect(error.name).toBe("ValidationException");
    expect(error.message).toContain(
      "at 'hyperParameterTuningJobName' failed to satisfy constraint: Member must have length less than or equal to 32",
    );
  });
});

describe("search strategies and ranges", () => {
  it("Grid walks every categorical combination once, MaxNumberOfTrainingJobs defaulting to their count ([DOC] how-it-works)", async () => {
    const ranges = {
      CategoricalParameterRanges: [
        { Name: "booster", Values: ["gbtree", "dart"] },
        { Name: "tree_method", Values: ["hist", "approx", "exact"] },
      ],
    };
    const request = tuningJobRequest({}, { Strategy: "Grid", ResourceLimits: { MaxParallelTrainingJobs: 10 }, ParameterRanges: ranges });
    const { client } = await started({}, request);
    const { TrainingJobSummaries: children } = await client.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }),
    );
    const points = children!.map((c) => `${c.TunedHyperParameters!.booster}/${c.TunedHyperParameters!.tree_method}`);
    expect(points.sort()).toEqual(["dart/approx", "dart/exact", "dart/hist", "gbtree/approx", "gbtree/exact", "gbtree/hist"]);
  });

  it("never repeats a combination of a discrete space, and keeps sampled values inside their scale's range", async () => {
    const ranges = {
      IntegerParameterRanges: [
        { Name: "depth", MinValue: "1", MaxValue: "1000", ScalingType: "Logarithmic" as const },
        { Name: "k", MinValue: "1", MaxValue: "2" },
      ],
      CategoricalParameterRanges: [{ Name: "c", Values: ["x", "y"] }],
    };
    const request = tuningJobRequest(
      {},
      { Strategy: "Random", ResourceLimits: { MaxNumberOfTrainingJobs: 40, MaxParallelTrainingJobs: 40 }, ParameterRanges: ranges },
    );
    const { client } = await started({}, request);
    const tuned = (await trainingJobs(client)).length;
    expect(tuned).toBe(40);
    const { TrainingJobSummaries: page } = await client.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune", MaxResults: 100 }),
    );
    const keys = page!.map((c) => JSON.stringify(c.TunedHyperParameters));
    expect(new Set(keys).size).toBe(40);
    for (const c of page!) expect(Number(c.TunedHyperParameters!.depth)).toBeGreaterThanOrEqual(1);
    // Log scale: about half the draws fall below sqrt(1000) ≈ 32.
    expect(page!.filter((c) => Number(c.TunedHyperParameters!.depth) < 32).length).toBeGreaterThan(8);
  });

  it("spreads children over TrainingJobDefinitions round-robin, each with its own objective and definition name", async () => {
    const a = trainingJobDefinition({ DefinitionName: "a", TuningObjective: { Type: "Maximize", MetricName: OBJECTIVE } });
    const b = trainingJobDefinition({
      DefinitionName: "b",
      TuningObjective: { Type: "Maximize", MetricName: OBJECTIVE },
      StaticHyperParameters: { objective: "reg:squarederror" },
    });
    const { client } = await started(
      {},
      tuningJobRequest(
        { TrainingJobDefinition: undefined, TrainingJobDefinitions: [a, b] },
        { ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 4 } },
      ),
    );
    const { TrainingJobSummaries: children } = await client.send(
      new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }),
    );
    expect(children!.map((c) => c.TrainingJobDefinitionName)).toEqual(["a", "b", "a", "b"]);
    const d = await describeTuning(client);
    expect(d.TrainingJobDefinitions).toEqual([a, b]);
    expect(d.TrainingJobDefinition).toBeUndefined();
  });

  it("replays the same children for the same seed", async () => {
    const names = async () => {
      const { client } = await started({ seed: 7 });
      const { TrainingJobSummaries: c } = await client.send(
        new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }),
      );
      return c!.map((s) => [s.TrainingJobName, s.TunedHyperParameters]);
    };
    expect(await names()).toEqual(await names());
  });
});
