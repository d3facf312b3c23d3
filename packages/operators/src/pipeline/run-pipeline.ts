import { systemClock } from "@sagerun/transport";
import type { BackendOptions } from "../backend.js";
import { track } from "../internal/running-operators.js";
import { runWithReport } from "../report/run-with-report.js";
import { createStepContext, type RunScope } from "./create-step-context.js";
import type { Pipeline } from "./define-pipeline.js";
import { checkPipelineBudget } from "./pipeline-budget.js";
import { PipelineFailedError } from "./pipeline-failed-error.js";
import type { PipelineRun, StepReport, SucceededPipelineRun } from "./pipeline-run.js";
import { resolveRunPipelineOptions, type RunPipelineOptions, type RunSettings } from "./run-pipeline-options.js";
import { resolveStepEngine, type StepEngine } from "./sagemaker-pipelines/sagemaker-pipelines-engine.js";
import { schedule, type Settled } from "./scheduler.js";
import type { AnyStep } from "./step.js";
import { Teardowns } from "./teardowns.js";

/**
 * Runs a pipeline: each step starts once the steps it depends on have succeeded, up to
 * `concurrency` at a time (independent branches run side by side, earlier-listed steps first); a
 * step that fails makes every step depending on it, directly or not, `skipped`, and the others go
 * on. Once every step has settled, the teardowns the steps registered run (last first) unless
 * `keepResources` is set.
 *
 * Resolves with the {@link PipelineRun} report when every step succeeded (typed so that each
 * step's `result` needs no narrowing). Otherwise rejects with
 * {@link PipelineFailedError}, which carries the same report as `run`: `outcome: "failed"`, naming
 * the failed steps with the first one's error as `cause`, or `outcome: "cancelled"` when `signal`
 * aborted (or `stopJobsOnSignal` saw SIGINT/SIGTERM), with the signal's reason as `cause`.
 * Cancelling aborts every running step's `ctx.signal`, so operators given `ctx.jobOptions` stop
 * their jobs, and starts no other step.
 *
 * **Resuming.** Nothing is kept on the machine: a run is its id. Steps name their jobs with
 * `ctx.jobName()` (pipeline, run id, step id) and pass `onExists: "reattach"` (in
 * `ctx.jobOptions`), so running the same `runId` again after a crash waits for the jobs still
 * running and reuses those that completed, without a second Create. A job that failed, or was
 * stopped by a cancel, keeps its name and fails the step again: run with a new run id for those.
 *
 * @example
 * ```ts
 * const run = await runPipeline(pipeline, { client, clock, runId: "2026-01-01", onEvent: renderProgress() });
 * console.log(run.steps.train.result.description.ModelArtifacts);
 * ```
 */
export async function runPipeline<S extends readonly AnyStep[]>(
  pipeline: Pipeline<S>,
  options: RunPipelineOptions,
): Promise<SucceededPipelineRun<S>> {
  // Records the events, then writes the report whatever the outcome (runPipeline again, without the option).
  if (options.report !== undefined) return runWithReport(String(pipeline?.name), options, (recorded) => runPipeline(pipeline, recorded));
  const settings = resolveRunPipelineOptions(pipeline, options);
  checkPipelineBudget(pipeline, {
    ...settings,
    budgetUsd: options.budgetUsd,
    costEstimate: options.costEstimate,
    backend: options.backend,
  });
  // Compiled here with engine "sagemaker-pipelines", so what cannot compile fails before anything runs.
  const engine = resolveStepEngine(pipeline, options, settings);
  // Registered like an operator, so stopJobsOnSignal cancels the whole run, teardowns included.
  const run = await track(options.signal, (signal) => execute(pipeline, settings, signal, engine));
  return run as unknown as SucceededPipelineRun<S>;
}

async function execute(
  pipeline: Pipeline,
  settings: RunSettings & BackendOptions,
  callerSignal: AbortSignal,
  engine: StepEngine | undefined,
): Promise<PipelineRun> {
  const { client, clock, runId, concurrency, onEvent } = settings;
  const pipelineName = pipeline.name;
  const at = () => ({ time: clock.now(), wallTime: systemClock.now() });
  const begin = at();
  const logicalDate = settings.logicalDate ?? begin.time;
  // An onEvent that throws cancels the run with its error while steps run; after that, it is
  // rethrown once the teardowns are done.
  const eventFailure = new AbortController();
  let lateEventError: { readonly error: unknown } | undefined;
  let scheduling = true;
  const emit: RunScope["emit"] = (event) => {
    try {
      onEvent?.({ ...event, ...at() } as Parameters<NonNullable<typeof onEvent>>[0]);
    } catch (error) {
      if (scheduling) eventFailure.abort(error);
      else lateEventError ??= { error };
    }
  };
  const signal = AbortSignal.any([callerSignal, eventFailure.signal]);
  const results = new Map<string, unknown>();
  const teardowns = new Teardowns();
  const scope: RunScope = {
    pipelineName,
    runId,
    logicalDate,
    client,
    clock,
    logs: settings.logs,
    testMode: settings.testMode,
    checks: settings.checks,
    checkClients: settings.checkClients,
    checked: new Set(),
    results,
    teardowns,
    emit,
  };
  const byId = new Map(pipeline.steps.map((s) => [s.id, s]));
  const starts = new Map<string, ReturnType<typeof at>>();
  const reports = new Map<string, StepReport>();
  const failedSteps: string[] = [];

  emit({
    type: "pipeline-started",
    pipelineName,
    runId,
    logicalDate: new Date(logicalDate).toISOString(),
    steps: pipeline.steps.map(({ id, dependsOn }) => ({ id, dependsOn })),
    concurrency,
  });
  const began = (id: string): void => {
    starts.set(id, at());
    emit({ type: "step-started", stepId: id });
  };
  // In-process the scheduler runs every step; an engine runs some elsewhere and reports them by `began`/`settled`.
  await (engine ?? schedule)(pipeline.steps, {
    concurrency,
    signal,
    scope,
    began,
    start(id, stepSignal) {
      began(id);
      const run = byId.get(id)!.run(createStepContext(scope, byId.get(id)!, stepSignal));
      return scope.checks.has(id) ? run.then((result) => checkedStep(scope, id, result)) : run;
    },
    settled(id, outcome) {
      const report = stepReport(outcome, starts.get(id), at());
      reports.set(id, report);
      if (outcome.state === "succeeded") results.set(id, outcome.result);
      if (outcome.state === "failed") failedSteps.push(id);
      emit(stepEvent(id, report));
    },
  });
  scheduling = false;

  const cancelled = [...reports.values()].some((r) => r.state === "cancelled");
  const outcome = cancelled ? "cancelled" : failedSteps.length > 0 ? "failed" : "succeeded";
  const teardownReports = await teardowns.run({ outcome }, settings.keepResources, (r) => emit({ type: "teardown", ...r }));
  const end = at();
  const elapsed = { virtualMs: end.time - begin.time, wallMs: end.wallTime - begin.wallTime };
  const run: PipelineRun = {
    pipelineName,
    runId,
    logicalDate: new Date(logicalDate).toISOString(),
    outcome,
    steps: Object.fromEntries(pipeline.steps.map((s) => [s.id, reports.get(s.id)!])),
    teardowns: teardownReports,
    startTime: new Date(begin.time).toISOString(),
    endTime: new Date(end.time).toISOString(),
    ...elapsed,
  };
  emit({ type: "pipeline-finished", pipelineName, runId, outcome, ...elapsed });
  if (lateEventError !== undefined) throw lateEventError.error;
  if (outcome === "succeeded") return run;
  const cause = outcome === "cancelled" ? signal.reason : (reports.get(failedSteps[0]!) as { error: unknown }).error;
  throw new PipelineFailedError({ run, failedSteps, cause });
}

/** A step with checks succeeds only if an operator ran them: a step that never spread `ctx.jobOptions` is not passed unchecked. */
function checkedStep(scope: RunScope, stepId: string, result: unknown): unknown {
  if (scope.checked.has(stepId)) return result;
  throw new TypeError(
    `Step '${stepId}' has output checks (runPipeline's checks.${stepId}), and no operator of the step ran them. ` +
      "Please pass ...ctx.jobOptions to the operator that runs its job, or leave the step out of checks.",
  );
}

function stepReport(
  outcome: Settled,
  start: { time: number; wallTime: number } | undefined,
  end: { time: number; wallTime: number },
): StepReport {
  const times =
    start === undefined
      ? { virtualMs: 0, wallMs: 0 }
      : {
          startTime: new Date(start.time).toISOString(),
          endTime: new Date(end.time).toISOString(),
          virtualMs: end.time - start.time,
          wallMs: end.wallTime - start.wallTime,
        };
  switch (outcome.state) {
    case "succeeded":
      return { state: "succeeded", result: outcome.result, ...times };
    case "failed":
      return { state: "failed", error: outcome.error, ...times };
    case "skipped":
      return { state: "skipped", because: outcome.because, ...times };
    case "cancelled":
      return outcome.started ? { state: "cancelled", error: outcome.error, ...times } : { state: "cancelled", ...times };
  }
}

function stepEvent(stepId: string, report: StepReport): Parameters<RunScope["emit"]>[0] {
  const elapsed = { virtualMs: report.virtualMs, wallMs: report.wallMs };
  switch (report.state) {
    case "succeeded":
      return { type: "step-succeeded", stepId, ...elapsed };
    case "failed":
      return { type: "step-failed", stepId, error: report.error, ...elapsed };
    case "skipped":
      return { type: "step-skipped", stepId, because: report.because };
    case "cancelled":
      return { type: "step-cancelled", stepId, ...elapsed, ...("error" in report ? { error: report.error } : {}) };
  }
}
