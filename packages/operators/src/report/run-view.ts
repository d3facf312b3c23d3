import { actualJobCost } from "../cost/actual-cost.js";
import type { PricedJobKind } from "../cost/estimate.js";
import type { PriceOptions } from "../cost/prices.js";
import { causeText } from "../errors/format.js";
import { SagerunError } from "../errors/sagerun-error.js";
import { processingJob } from "../job-kinds/processing.js";
import { trainingJob } from "../job-kinds/training.js";
import { transformJob } from "../job-kinds/transform.js";
import type { JobLogLine } from "../logs/logs-options.js";
import type { PipelineEvent } from "../pipeline/pipeline-events.js";
import type { PipelineRun, StepReport, StepState, TeardownReport } from "../pipeline/pipeline-run.js";
import type { OutputCheckResult } from "../test-mode/checks/output-check.js";
import type { TestModeChange } from "../test-mode/profile/apply-test-mode.js";
import type { PipelineReportOutcome } from "./report-outcome.js";

/** One step as the report draws it; times are virtual milliseconds from the run's start. */
export interface StepView {
  readonly id: string;
  readonly dependsOn: readonly string[];
  readonly state: "pending" | "running" | StepState;
  readonly fromMs?: number;
  readonly toMs?: number;
  /** Why it was skipped, or its error in one line. */
  readonly note?: string;
}

/** One stretch of a job in one status, as the status checks saw it: `[fromMs, toMs)` from the run's start. */
export interface JobPhase {
  readonly status: string;
  readonly secondaryStatus?: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** One job a step ran, with the statuses its `job-status` events reported. */
export interface JobView {
  readonly stepId: string;
  readonly jobName: string;
  readonly phases: readonly JobPhase[];
}

/** A failed (or cancelled-with-an-error) step: its reason, and the last lines its job logged. */
export interface FailureView {
  readonly stepId: string;
  /** `JobFailedError: Training job 'x' failed …`. */
  readonly reason: string;
  /** SageMaker's FailureReason, when the error carries one. */
  readonly failureReason?: string;
  readonly jobName?: string;
  readonly logTail: readonly JobLogLine[];
}

/** Everything the report shows, read from a run's events and how it ended. */
export interface RunView {
  readonly pipelineName: string;
  readonly runId: string;
  readonly logicalDate?: string;
  /** `"incomplete"`: the run rejected before it could settle its steps (an invalid option, a budget refused). */
  readonly outcome: "succeeded" | "failed" | "cancelled" | "incomplete";
  /** Epoch ms on the backend's clock when the run started, and its durations, when the events say. */
  readonly startTime?: number;
  readonly virtualMs?: number;
  readonly wallMs?: number;
  readonly concurrency?: number;
  readonly steps: readonly StepView[];
  readonly jobs: readonly JobView[];
  readonly failures: readonly FailureView[];
  /** What the run rejected with when no step carries it: the cancel's reason, or an error before or around the steps. */
  readonly runError?: string;
  readonly changes: readonly { readonly stepId: string; readonly change: TestModeChange }[];
  readonly checks: readonly { readonly stepId: string; readonly check: OutputCheckResult }[];
  readonly metrics: readonly { readonly stepId: string; readonly name: string; readonly value: number }[];
  readonly costs: readonly { readonly stepId: string; readonly jobName: string; readonly usd: number; readonly billableSeconds: number }[];
  readonly teardowns: readonly TeardownReport[];
}

const TERMINAL = new Set(["Completed", "Failed", "Stopped"]);
const DEFAULT_TAIL_LINES = 20;

type Stamped<T extends PipelineEvent["type"]> = Extract<PipelineEvent, { type: T }>;

/** Reads the report's content from the events `runPipeline` emitted and how it ended. */
export function readRun(
  events: readonly PipelineEvent[],
  outcome: PipelineReportOutcome,
  options: { readonly prices?: PriceOptions; readonly logTailLines?: number } = {},
): RunView {
  const run = runOf(outcome);
  const started = events.find((e): e is Stamped<"pipeline-started"> => e.type === "pipeline-started");
  const finished = events.findLast((e): e is Stamped<"pipeline-finished"> => e.type === "pipeline-finished");
  const origin = started?.time ?? events[0]?.time ?? 0;
  const end = (finished ?? events.at(-1))?.time ?? origin;
  const at = (e: { readonly time: number }): number => e.time - origin;

  const steps = stepViews(events, run, at);
  const endOf = new Map(steps.map((s) => [s.id, s.toMs]));
  const jobs = jobViews(events, at, (stepId) => endOf.get(stepId) ?? end - origin);
  const reports: [string, StepReport][] = run === undefined ? [] : Object.entries(run.steps);
  const tailLines = options.logTailLines ?? DEFAULT_TAIL_LINES;
  const failures = reports.flatMap(([id, report]) =>
    report.state === "failed" || (report.state === "cancelled" && report.error !== undefined)
      ? [failureView(id, (report as { error: unknown }).error, events, tailLines)]
      : [],
  );
  const pipelineError = "error" in outcome && run !== undefined ? (outcome.error as { cause?: unknown }).cause : undefined;
  const runError =
    "error" in outcome && run === undefined
      ? causeText(outcome.error)
      : run?.outcome === "cancelled" && pipelineError !== undefined
        ? causeText(pipelineError)
        : undefined;

  const found = reports.map(([id, report]) => ({ id, found: stepFindings(report) }));
  const name = run?.pipelineName ?? started?.pipelineName ?? "pipeline";
  return {
    pipelineName: name,
    runId: run?.runId ?? started?.runId ?? "",
    ...optional("logicalDate", run?.logicalDate ?? started?.logicalDate),
    outcome: run?.outcome ?? "incomplete",
    ...(started === undefined ? {} : { startTime: started.time, concurrency: started.concurrency }),
    ...optional("virtualMs", run?.virtualMs ?? finished?.virtualMs),
    ...optional("wallMs", run?.wallMs ?? finished?.wallMs),
    steps,
    jobs,
    failures,
    ...optional("runError", runError),
    changes: found.flatMap(({ id, found }) => found.changes.map((change) => ({ stepId: id, change }))),
    checks: found.flatMap(({ id, found }) => found.checks.map((check) => ({ stepId: id, check }))),
    metrics: found.flatMap(({ id, found }) => found.metrics.map((m) => ({ stepId: id, ...m }))),
    costs: found.flatMap(({ id, found }) => {
      const cost = jobCost(found.description, options.prices);
      return cost === undefined ? [] : [{ stepId: id, ...cost }];
    }),
    teardowns: run?.teardowns ?? events.flatMap((e) => (e.type === "teardown" ? [e] : [])),
  };
}

/** The run in the outcome: resolved, or carried by a PipelineFailedError. */
function runOf(outcome: PipelineReportOutcome): PipelineRun | undefined {
  if ("run" in outcome) return outcome.run;
  const error = outcome.error;
  return SagerunError.is(error) && error.code === "PipelineFailed" ? error.run : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Every step the run declared, in its order, with its state (the run's word over the events') and times. */
function stepViews(events: readonly PipelineEvent[], run: PipelineRun | undefined, at: (e: { time: number }) => number): StepView[] {
  const declared = events.find((e): e is Stamped<"pipeline-started"> => e.type === "pipeline-started")?.steps;
  const ids = declared ?? Object.keys(run?.steps ?? {}).map((id) => ({ id, dependsOn: [] as readonly string[] }));
  const views = new Map<string, { -readonly [K in keyof StepView]: StepView[K] }>(
    ids.map(({ id, dependsOn }) => [id, { id, dependsOn, state: "pending" }]),
  );
  for (const e of events) {
    if (!("stepId" in e) || e.type === "teardown" || e.type === "job-status" || e.type === "job-log") continue;
    const view = views.get(e.stepId);
    if (view === undefined) continue;
    switch (e.type) {
      case "step-started":
        Object.assign(view, { state: "running", fromMs: at(e) });
        break;
      case "step-skipped":
        Object.assign(view, { state: "skipped", note: `skipped: ${e.because} failed` });
        break;
      default: {
        const state = e.type.slice("step-".length) as StepState;
        // A step that never started (cancelled before it could) has no bar.
        Object.assign(view, { state, ...(view.fromMs === undefined ? {} : { toMs: at(e) }) });
        if (e.type === "step-failed") view.note = causeText(e.error);
      }
    }
  }
  for (const [id, report] of Object.entries(run?.steps ?? {})) {
    const view = views.get(id);
    if (view !== undefined) view.state = report.state;
  }
  return [...views.values()];
}

/** Each job's phases from its `job-status` events: one lasts until the next status, the last until the step ended. */
function jobViews(events: readonly PipelineEvent[], at: (e: { time: number }) => number, stepEnd: (stepId: string) => number): JobView[] {
  const byJob = new Map<string, { stepId: string; jobName: string; seen: Stamped<"job-status">[] }>();
  for (const e of events) {
    if (e.type !== "job-status") continue;
    const key = `${e.stepId}\u0000${e.jobName}`;
    const job = byJob.get(key) ?? { stepId: e.stepId, jobName: e.jobName, seen: [] };
    job.seen.push(e);
    byJob.set(key, job);
  }
  return [...byJob.values()].map(({ stepId, jobName, seen }) => ({
    stepId,
    jobName,
    phases: seen.map((e, i) => {
      const next = seen[i + 1];
      const toMs = next !== undefined ? at(next) : TERMINAL.has(e.status) ? at(e) : Math.max(at(e), stepEnd(stepId));
      return { status: e.status, ...optional("secondaryStatus", e.secondaryStatus), fromMs: at(e), toMs };
    }),
  }));
}

/** A failed step's reason, and its last log lines: the error's `logTail`, else the step's last `job-log` events. */
function failureView(stepId: string, error: unknown, events: readonly PipelineEvent[], tailLines: number): FailureView {
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    failureReason?: unknown;
    jobName?: unknown;
    logTail?: unknown;
  };
  const logged = events.flatMap((e) => (e.type === "job-log" && e.stepId === stepId ? [e.line] : []));
  const tail = Array.isArray(fields.logTail) && fields.logTail.length > 0 ? (fields.logTail as JobLogLine[]) : logged.slice(-tailLines);
  return {
    stepId,
    reason: causeText(error),
    ...optional("failureReason", typeof fields.failureReason === "string" ? fields.failureReason : undefined),
    ...optional("jobName", typeof fields.jobName === "string" ? fields.jobName : undefined),
    logTail: tailLines === 0 ? [] : tail.slice(-tailLines),
  };
}

interface Findings {
  readonly changes: readonly TestModeChange[];
  readonly checks: readonly OutputCheckResult[];
  readonly metrics: readonly { readonly name: string; readonly value: number }[];
  readonly description: Record<string, unknown> | undefined;
}

/** What an operator's result (or its error) says about the job: test mode's changes, the checks, the metrics, the description. */
function stepFindings(report: StepReport): Findings {
  const source = (report.state === "succeeded" ? report.result : "error" in report ? report.error : undefined) as
    | { testMode?: { changes?: unknown }; checks?: unknown; results?: unknown; description?: unknown }
    | undefined;
  if (typeof source !== "object" || source === null) return { changes: [], checks: [], metrics: [], description: undefined };
  const description = isRecord(source.description) ? source.description : undefined;
  const checks = Array.isArray(source.checks)
    ? source.checks
    : SagerunError.is(source) && source.code === "OutputCheckFailed"
      ? source.results
      : [];
  const metricList = Array.isArray(description?.FinalMetricDataList) ? description.FinalMetricDataList : [];
  return {
    changes: Array.isArray(source.testMode?.changes) ? (source.testMode.changes as TestModeChange[]) : [],
    checks: checks as OutputCheckResult[],
    metrics: metricList.flatMap((m: { MetricName?: unknown; Value?: unknown }) =>
      typeof m?.MetricName === "string" && typeof m.Value === "number" ? [{ name: m.MetricName, value: m.Value }] : [],
    ),
    description,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The kinds whose cost a description can be priced with, told apart by the name member each has. */
const PRICED: readonly PricedJobKind[] = [trainingJob, processingJob, transformJob];

/** What a finished training, processing or transform job cost, from its description; nothing for others or unfinished ones. */
function jobCost(description: Record<string, unknown> | undefined, prices: PriceOptions | undefined) {
  if (description === undefined) return undefined;
  const kind = PRICED.find((k) => typeof description[k.nameField] === "string");
  if (kind === undefined) return undefined;
  try {
    const cost = actualJobCost(kind as typeof trainingJob, description as never, prices);
    return { jobName: description[kind.nameField] as string, usd: cost.usd, billableSeconds: cost.billableSeconds };
  } catch {
    // A job that never got to run (no start or end time) has no cost to show.
    return undefined;
  }
}
