import {
  CreateHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  StopHyperParameterTuningJobCommand,
  StopTrainingJobCommand,
  type SageMakerClient,
  type TrainingJobSummary,
} from "@aws-sdk/client-sagemaker";
import type { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator } from "./fixtures.js";
import { OBJECTIVE, tuningJobRequest } from "./fixtures/tuning.js";

/**
 * Random tuning configurations (parallelism, size, child durations, failing children, a runtime
 * limit) driven through random clock advances, tuning stops and child stops. After every step the
 * children seen through ListTrainingJobs must agree with the tuning job's own account of them.
 */
const NAME = "tune";
const CHILD = /^tune-(\d{3})-[0-9a-f]{8}$/;
const TERMINAL = new Set(["Completed", "Failed", "Stopped"]);
const NEXT: Record<string, string[]> = {
  InProgress: ["InProgress", "Stopping", "Stopped", "Completed", "Failed"],
  Stopping: ["Stopping", "Stopped"],
  Completed: ["Completed"],
  Failed: ["Failed"],
  Stopped: ["Stopped"],
};

interface Config {
  parallel: number;
  total: number;
  minimize: boolean;
  failing: "none" | "dart" | "all";
  maxRuntime: number | undefined;
  durations: {
    startingSeconds: number;
    downloadingSeconds: number;
    trainingSeconds: number;
    uploadingSeconds: number;
    stoppingSeconds: number;
  };
}
type Action = { kind: "none" } | { kind: "stop" } | { kind: "stopChild"; child: number };

interface Observed {
  status?: string;
  stoppedAt?: number;
  seen: Set<string>;
}

async function children(client: SageMakerClient): Promise<TrainingJobSummary[]> {
  const page = await client.send(new ListTrainingJobsCommand({ MaxResults: 100, SortBy: "Name" }));
  return page.TrainingJobSummaries!.filter((s) => s.TrainingJobName!.startsWith(`${NAME}-`));
}

async function check(client: SageMakerClient, clock: VirtualClock, config: Config, seen: Observed): Promise<string> {
  const now = clock.now();
  const jobs = await children(client);
  const count = (...statuses: string[]) => jobs.filter((j) => statuses.includes(j.TrainingJobStatus!)).length;
  // Names are <tuning>-<NNN>-<hex>, launched in index order, at most MaxNumberOfTrainingJobs.
  expect(jobs.map((j) => Number(CHILD.exec(j.TrainingJobName!)?.[1]))).toEqual(jobs.map((_, i) => i + 1));
  expect(jobs.length).toBeLessThanOrEqual(config.total);
  // A child holds its slot until it has ended, Stopping included.
  expect(count("InProgress", "Stopping")).toBeLessThanOrEqual(config.parallel);

  const d = await client.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: NAME }));
  const status = d.HyperParameterTuningJobStatus!;
  if (seen.status) expect(NEXT[seen.status]).toContain(status);
  expect(d.TrainingJobStatusCounters).toEqual({
    Completed: count("Completed"),
    InProgress: count("InProgress", "Stopping"),
    RetryableError: 0,
    NonRetryableError: count("Failed"),
    Stopped: count("Stopped"),
  });
  expect(d.ObjectiveStatusCounters).toEqual({
    Succeeded: count("Completed"),
    Pending: count("InProgress", "Stopping"),
    Failed: count("Failed", "Stopped"),
  });
  expect(d.HyperParameterTuningEndTime !== undefined).toBe(TERMINAL.has(status));
  if (TERMINAL.has(status)) expect(count("InProgress", "Stopping")).toBe(0);
  if (status === "Completed") expect(jobs.length).toBe(config.total);
  // [INF] a tuning job none of whose children completed never ends Completed (Stopped or Failed instead).
  if (status === "Completed") expect(count("Completed")).toBeGreaterThan(0);
  if (status === "Failed") expect(d.FailureReason).toMatch(/^No training job succeeded after \d+ attempts\./);
  for (const job of jobs) {
    const created = job.CreationTime!.getTime();
    expect(created).toBeGreaterThanOrEqual(d.CreationTime!.getTime());
    expect(created).toBeLessThanOrEqual(now);
    // Nothing launches after the tuning job was stopped.
    if (seen.stoppedAt !== undefined && !seen.seen.has(job.TrainingJobName!)) expect(created).toBeLessThanOrEqual(seen.stoppedAt);
    if (!seen.seen.has(job.TrainingJobName!)) {
      const child = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: job.TrainingJobName }));
      expect(child.TuningJobArn).toBe(d.HyperParameterTuningJobArn);
      expect(child.HyperParameters!._tuning_objective_metric).toBe(OBJECTIVE);
      seen.seen.add(job.TrainingJobName!);
    }
  }

  // BestTrainingJob is the extreme objective among completed children.
  const listed = (
    await client.send(new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: NAME, MaxResults: 100 }))
  ).TrainingJobSummaries!;
  expect(listed.map((s) => s.TrainingJobName)).toEqual(jobs.map((j) => j.TrainingJobName));
  const values = listed
    .filter((s) => s.TrainingJobStatus === "Completed")
    .map((s) => s.FinalHyperParameterTuningJobObjectiveMetric!.Value!);
  const best = d.BestTrainingJob?.FinalHyperParameterTuningJobObjectiveMetric?.Value;
  expect(best).toBe(values.length === 0 ? undefined : config.minimize ? Math.min(...values) : Math.max(...values));
  seen.status = status;
  return status;
}

async function act(client: SageMakerClient, clock: VirtualClock, action: Action, status: string, seen: Observed): Promise<void> {
  if (action.kind === "stop") {
    const send = () => client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: NAME }));
    if (status !== "InProgress") {
      const error = await errorOf(send);
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        `The request was rejected because the tuning job is in status ${status}.`,
      ]);
      return;
    }
    await send();
    seen.stoppedAt ??= clock.now();
    const d = await client.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: NAME }));
    expect(d.HyperParameterTuningJobStatus).toBe("Stopping");
  } else if (action.kind === "stopChild") {
    const jobs = await children(client);
    const job = jobs[action.child % Math.max(1, jobs.length)];
    if (!job) return;
    const send = () => client.send(new StopTrainingJobCommand({ TrainingJobName: job.TrainingJobName }));
    if (job.TrainingJobStatus === "InProgress") await send();
    else expect((await errorOf(send)).name).toBe("ValidationException");
  }
}

const configArb: fc.Arbitrary<Config> = fc.record({
  parallel: fc.integer({ min: 1, max: 4 }),
  total: fc.integer({ min: 1, max: 9 }),
  minimize: fc.boolean(),
  failing: fc.constantFrom("none" as const, "dart" as const, "all" as const),
  maxRuntime: fc.option(fc.integer({ min: 120, max: 1500 }), { nil: undefined }),
  durations: fc.record({
    startingSeconds: fc.integer({ min: 0, max: 60 }),
    downloadingSeconds: fc.integer({ min: 0, max: 30 }),
    trainingSeconds: fc.integer({ min: 1, max: 300 }),
    uploadingSeconds: fc.integer({ min: 0, max: 30 }),
    stoppingSeconds: fc.integer({ min: 0, max: 30 }),
  }),
});
const stepArb = fc.record({
  advance: fc.integer({ min: 0, max: 300 }),
  action: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Action>({ kind: "none" }) },
    { weight: 1, arbitrary: fc.constant<Action>({ kind: "stop" }) },
    { weight: 1, arbitrary: fc.nat(8).map<Action>((child) => ({ kind: "stopChild", child })) },
  ),
});

describe("tuning jobs, property-based", () => {
  it("property: at every instant at most MaxParallel children run, counters and BestTrainingJob match the children, nothing launches after a stop, an accepted stop always shows Stopping, and an unstopped job completes with exactly MaxNumberOfTrainingJobs children", async () => {
    await fc.assert(
      fc.asyncProperty(configArb, fc.array(stepArb, { maxLength: 20 }), async (config, steps) => {
        const rules =
          config.failing === "none"
            ? []
            : [
                {
                  ...(config.failing === "dart" ? { match: { hyperParameters: { booster: "dart" } } } : {}),
                  outcome: { status: "Failed" as const },
                },
              ];
        const { client, clock } = manualEmulator({ durations: config.durations, rules, listTrainingJobsStatusFilterAfterPage: false });
        const limits = {
          MaxNumberOfTrainingJobs: config.total,
          MaxParallelTrainingJobs: config.parallel,
          ...(config.maxRuntime ? { MaxRuntimeInSeconds: config.maxRuntime } : {}),
        };
        const objective = { Type: config.minimize ? ("Minimize" as const) : ("Maximize" as const), MetricName: OBJECTIVE };
        await client.send(
          new CreateHyperParameterTuningJobCommand(
            tuningJobRequest(
              { HyperParameterTuningJobName: NAME },
              { ResourceLimits: limits, HyperParameterTuningJobObjective: objective },
            ),
          ),
        );
        const seen: Observed = { seen: new Set() };
        let status = await check(client, clock, config, seen);
        for (const step of steps) {
          await clock.advance(step.advance * 1000);
          status = await check(client, clock, config, seen);
          await act(client, clock, step.action, status, seen);
          status = await check(client, clock, config, seen);
        }
        await clock.advance(10_000_000);
        status = await check(client, clock, config, seen);
        expect(TERMINAL.has(status)).toBe(true);
        const stopped = seen.stoppedAt !== undefined || config.maxRuntime !== undefined;
        const childStopped = steps.some((s) => s.action.kind === "stopChild");
        if (!stopped && !childStopped && config.failing === "none") expect(status).toBe("Completed");
        if (config.failing === "all" && !stopped && !childStopped) expect(status).toBe("Failed");
        if (status === "Stopped") expect(stopped || childStopped).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});
