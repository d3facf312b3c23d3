import { JobFailedError } from "../src/errors/job-outcome-errors.js";
import type { JobLogLine } from "../src/logs/logs-options.js";
import type { PipelineEvent } from "../src/pipeline/pipeline-events.js";
import { PipelineFailedError } from "../src/pipeline/pipeline-failed-error.js";
import type { PipelineRun } from "../src/pipeline/pipeline-run.js";
import type { PipelineReportOutcome } from "../src/report/report-outcome.js";

/** The strings a scenario is made of: any text a user's pipeline, job or container may produce. */
export interface ScenarioText {
  readonly pipelineName: string;
  readonly runId: string;
  /** Four distinct step ids: prepare, train (depends on prepare), model (depends on train), side (alone). */
  readonly ids: readonly [string, string, string, string];
  readonly jobName: string;
  readonly failureReason: string;
  readonly logLines: readonly string[];
  readonly checkName: string;
  readonly checkFound: string;
  readonly changePath: string;
  readonly changeWhy: string;
  readonly metricName: string;
}

export const PLAIN: ScenarioText = {
  pipelineName: "nightly",
  runId: "r1",
  ids: ["prepare", "train", "model", "side"],
  jobName: "nightly-r1-train",
  failureReason: "AlgorithmError: boom",
  logLines: ["epoch 1", "Traceback (most recent call last):", "ValueError: bad <input> & more"],
  checkName: "metric validation:auc ≥ 0.8",
  checkFound: "0.93",
  changePath: "ResourceConfig.InstanceType",
  changeWhy: "the smallest size of its family in test mode",
  metricName: "validation:auc",
};

const T0 = Date.UTC(2026, 0, 1);

/**
 * A run's events and outcome, by hand: prepare succeeds (0–1 s); train runs a training job,
 * Starting at 1 s, Downloading at 31 s, Training at 61 s, logs its lines from 70 s and fails at
 * 121 s (the step at 126 s); model is skipped; side, alone, succeeds at 2 s with test mode's
 * change, a passed check and a metric. `failed: false` makes train succeed at 126 s instead.
 */
export function scenario(text: ScenarioText = PLAIN, options: { readonly failed?: boolean } = {}) {
  const failed = options.failed ?? true;
  const [prepare, train, model, side] = text.ids;
  const at = (ms: number) => ({ time: T0 + ms, wallTime: T0 + ms / 100 });
  const lines: JobLogLine[] = text.logLines.map((message, i) => ({
    stream: `${text.jobName}/algo-1-1`,
    timestamp: T0 + 70_000 + i * 1000,
    message,
  }));
  const description = {
    TrainingJobName: text.jobName,
    TrainingJobStatus: failed ? "Failed" : "Completed",
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
    BillableTimeInSeconds: 120,
  };
  const error = new JobFailedError({
    jobKind: "training job",
    jobName: text.jobName,
    status: "Failed",
    secondaryStatus: "Failed",
    description,
    logTail: lines,
    failureReason: text.failureReason,
  });
  const sideResult = {
    jobName: `${text.jobName}-side`,
    created: true,
    description: {
      TrainingJobName: `${text.jobName}-side`,
      TrainingJobStatus: "Completed",
      ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 2, VolumeSizeInGB: 10 },
      BillableTimeInSeconds: 600,
      FinalMetricDataList: [{ MetricName: text.metricName, Value: 0.93 }],
    },
    testMode: { changes: [{ path: text.changePath, from: "ml.m5.4xlarge", to: "ml.m5.large", why: text.changeWhy }] },
    checks: [{ check: text.checkName, ok: true, found: text.checkFound, expected: "≥ 0.8" }],
  };
  const elapsed = (from: number, to: number) => ({ virtualMs: to - from, wallMs: (to - from) / 100 });
  const events: PipelineEvent[] = [
    {
      type: "pipeline-started",
      pipelineName: text.pipelineName,
      runId: text.runId,
      logicalDate: new Date(T0).toISOString(),
      steps: [
        { id: prepare, dependsOn: [] },
        { id: train, dependsOn: [prepare] },
        { id: model, dependsOn: [train] },
        { id: side, dependsOn: [] },
      ],
      concurrency: 4,
      ...at(0),
    },
    { type: "step-started", stepId: prepare, ...at(0) },
    { type: "step-started", stepId: side, ...at(0) },
    { type: "step-succeeded", stepId: prepare, ...elapsed(0, 1000), ...at(1000) },
    { type: "step-started", stepId: train, ...at(1000) },
    { type: "job-status", stepId: train, jobName: text.jobName, status: "InProgress", secondaryStatus: "Starting", ...at(1000) },
    { type: "step-succeeded", stepId: side, ...elapsed(0, 2000), ...at(2000) },
    { type: "job-status", stepId: train, jobName: text.jobName, status: "InProgress", secondaryStatus: "Downloading", ...at(31_000) },
    { type: "job-status", stepId: train, jobName: text.jobName, status: "InProgress", secondaryStatus: "Training", ...at(61_000) },
    ...lines.map((line) => ({ type: "job-log" as const, stepId: train, line, ...at(line.timestamp - T0) })),
    failed
      ? { type: "job-status", stepId: train, jobName: text.jobName, status: "Failed", secondaryStatus: "Failed", ...at(121_000) }
      : { type: "job-status", stepId: train, jobName: text.jobName, status: "Completed", secondaryStatus: "Completed", ...at(121_000) },
    failed
      ? { type: "step-failed", stepId: train, error, ...elapsed(1000, 126_000), ...at(126_000) }
      : { type: "step-succeeded", stepId: train, ...elapsed(1000, 126_000), ...at(126_000) },
    ...(failed
      ? [{ type: "step-skipped" as const, stepId: model, because: train, ...at(126_000) }]
      : [
          { type: "step-started" as const, stepId: model, ...at(126_000) },
          { type: "step-succeeded" as const, stepId: model, ...elapsed(126_000, 126_000), ...at(126_000) },
        ]),
    {
      type: "pipeline-finished",
      pipelineName: text.pipelineName,
      runId: text.runId,
      outcome: failed ? "failed" : "succeeded",
      ...elapsed(0, 126_000),
      ...at(126_000),
    },
  ];
  const iso = (ms: number) => new Date(T0 + ms).toISOString();
  const times = (from: number, to: number) => ({ startTime: iso(from), endTime: iso(to), ...elapsed(from, to) });
  const run: PipelineRun = {
    pipelineName: text.pipelineName,
    runId: text.runId,
    logicalDate: iso(0),
    outcome: failed ? "failed" : "succeeded",
    steps: {
      [prepare]: { state: "succeeded", result: { rows: 12 }, ...times(0, 1000) },
      [train]: failed
        ? { state: "failed", error, ...times(1000, 126_000) }
        : { state: "succeeded", result: { jobName: text.jobName, created: true, description }, ...times(1000, 126_000) },
      [model]: failed
        ? { state: "skipped", because: train, virtualMs: 0, wallMs: 0 }
        : { state: "succeeded", result: {}, ...times(126_000, 126_000) },
      [side]: { state: "succeeded", result: sideResult, ...times(0, 2000) },
    },
    teardowns: [],
    startTime: iso(0),
    endTime: iso(126_000),
    ...elapsed(0, 126_000),
  };
  const outcome: PipelineReportOutcome = failed ? { error: new PipelineFailedError({ run, failedSteps: [train], cause: error }) } : { run };
  return { events, outcome, error, lines };
}
