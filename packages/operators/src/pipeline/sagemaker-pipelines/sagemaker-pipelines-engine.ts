import type { RunScope } from "../create-step-context.js";
import type { Pipeline } from "../define-pipeline.js";
import { compilePipeline, type CompiledPipeline } from "../compile/compile-pipeline.js";
import { jobStepSpec, type JobStepSpec } from "../job-steps/job-step.js";
import type { RunPipelineOptions, RunSettings } from "../run-pipeline-options.js";
import { schedule, type Settled } from "../scheduler.js";
import type { AnyStep } from "../step.js";
import { followExecution } from "./follow-execution.js";
import { parameterValues, startExecution } from "./start-execution.js";
import { upsertPipeline } from "./upsert-pipeline.js";

/** What `runPipeline` hands a step engine: the scheduler's hooks, plus `began` for a step that runs elsewhere. */
export interface StepEngineHooks {
  readonly concurrency: number;
  readonly signal: AbortSignal;
  /** Runs a step in-process (emits `step-started`). */
  start(id: string, signal: AbortSignal): Promise<unknown>;
  /** Records how a step ended (its report, result and event). */
  settled(id: string, outcome: Settled): void;
  /** Records that a step which runs elsewhere started (emits `step-started`). */
  began(id: string): void;
  readonly scope: RunScope;
}

/** Runs a pipeline's steps; `runPipeline` wraps it with the events, the report and the teardowns. */
export type StepEngine = (steps: readonly AnyStep[], hooks: StepEngineHooks) => Promise<unknown>;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/;
const DEFAULT_CHECK_INTERVAL_SECONDS = 30;

/**
 * `runPipeline`'s `engine` option: undefined for `"in-process"` (the default), else the SageMaker
 * Pipelines engine, with the pipeline compiled now, so that what cannot compile is a TypeError
 * before anything runs.
 */
export function resolveStepEngine(pipeline: Pipeline, options: RunPipelineOptions, settings: RunSettings): StepEngine | undefined {
  const { engine = "in-process", roleArn, checkIntervalSeconds = DEFAULT_CHECK_INTERVAL_SECONDS } = options;
  const problem = (option: string, value: unknown, fix: string): never => {
    throw new TypeError(`Option ${option} [${String(value)}] of pipeline '${pipeline.name}' ${fix}`);
  };
  if (engine === "in-process") return undefined;
  if (engine !== "sagemaker-pipelines") problem("engine", engine, 'must be "in-process" or "sagemaker-pipelines".');
  if (typeof roleArn !== "string" || !ROLE_ARN.test(roleArn)) {
    problem(
      "roleArn",
      roleArn,
      "must be the IAM role the execution runs with (arn:aws:iam::<account>:role/<name>), which the SageMaker Pipelines engine needs.",
    );
  }
  if (typeof checkIntervalSeconds !== "number" || !(checkIntervalSeconds > 0) || !Number.isFinite(checkIntervalSeconds)) {
    problem("checkIntervalSeconds", checkIntervalSeconds, "must be a number of seconds greater than 0.");
  }
  const checked = [...settings.checks.keys()].filter((id) => jobStepSpec(pipeline.steps.find((s) => s.id === id) ?? {}) !== undefined);
  if (checked.length > 0) {
    problem(
      "checks",
      checked.join(", "),
      "cannot run on the sagemaker-pipelines engine: output checks of job steps run in this process, and the execution runs the jobs. Please check the outputs in a step after the job steps (runChecks), or run in-process.",
    );
  }
  const compiled = compilePipeline(pipeline, { testMode: settings.testMode ?? false });
  return (steps, hooks) =>
    runOnSageMakerPipelines(pipeline, compiled, { ...settings, roleArn: roleArn!, checkIntervalSeconds }, steps, hooks);
}

/**
 * A run on SageMaker Pipelines: the steps with no job step upstream run in-process first; their
 * results (and the run id, the logical date) become the execution's parameters; the pipeline is
 * upserted and the execution started (once per run id: its ClientRequestToken derives from it) and
 * followed, its steps' results read back from their jobs; then the remaining in-process steps run.
 * A step that fails or is cancelled before the execution starts keeps it from starting.
 */
async function runOnSageMakerPipelines(
  pipeline: Pipeline,
  compiled: CompiledPipeline,
  settings: RunSettings & { readonly roleArn: string; readonly checkIntervalSeconds: number },
  steps: readonly AnyStep[],
  hooks: StepEngineHooks,
): Promise<void> {
  const { scope, signal, concurrency } = hooks;
  const outcomes = new Map<string, Settled>();
  const settled = (id: string, outcome: Settled): void => {
    outcomes.set(id, outcome);
    hooks.settled(id, outcome);
  };
  const byId = new Map(steps.map((s) => [s.id, s]));
  const before = compiled.before.map((id) => byId.get(id)!);
  const after = compiled.after.map((id) => byId.get(id)!);
  const jobs = new Map<string, JobStepSpec>(compiled.definition.Steps.map((s) => [s.Name, jobStepSpec(byId.get(s.Name)!)!]));

  await schedule(before, { concurrency, signal, start: hooks.start, settled });
  const blocker = [...outcomes].find(([, o]) => o.state !== "succeeded");
  if (blocker !== undefined) {
    // No execution without its parameters: every other step is skipped, or cancelled with the run.
    for (const id of [...jobs.keys(), ...compiled.after]) {
      settled(id, signal.aborted ? { state: "cancelled", started: false } : { state: "skipped", because: blocker[0] });
    }
    return;
  }

  if (!signal.aborted) {
    let executionArn: string | undefined;
    try {
      const parameters = parameterValues(compiled.parameters, scope);
      await upsertPipeline(scope.client, { pipelineName: pipeline.name, definition: compiled.definition, roleArn: settings.roleArn });
      executionArn = await startExecution(scope.client, { pipelineName: pipeline.name, runId: scope.runId, parameters, concurrency });
    } catch (error) {
      // Nothing started: the first job step carries the error, the rest wait on it.
      const [first, ...rest] = jobs.keys();
      settled(first!, { state: "failed", error });
      for (const id of [...rest, ...compiled.after]) settled(id, { state: "skipped", because: first! });
      return;
    }
    try {
      await followExecution({
        client: scope.client,
        clock: scope.clock,
        executionArn,
        steps: jobs,
        signal,
        checkIntervalMs: settings.checkIntervalSeconds * 1000,
        hooks: { began: hooks.began, settled, emit: scope.emit },
        logs: scope.logs,
      });
    } catch (error) {
      // Following broke off (a check that kept failing): the steps not settled yet fail with it, the
      // first one carrying the error. The execution itself goes on; the same run id follows it again.
      const open = [...jobs.keys()].filter((id) => !outcomes.has(id));
      for (const [i, id] of open.entries()) settled(id, i === 0 ? { state: "failed", error } : { state: "skipped", because: open[0]! });
    }
  } else {
    for (const id of jobs.keys()) settled(id, { state: "cancelled", started: false });
  }

  // The steps after the execution, each once the steps it depends on succeeded; one that waits on
  // a step that did not (a job step, or an after step skipped here) is skipped or cancelled with it.
  const afterIds = new Set(compiled.after);
  const pending = new Set(compiled.after);
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of pending) {
      const d = byId.get(id)!.dependsOn.find((x) => (afterIds.has(x) ? outcomes.has(x) : outcomes.get(x)?.state !== "succeeded"));
      if (d === undefined) continue;
      const o = outcomes.get(d);
      const cancelled = o?.state === "cancelled" || signal.aborted;
      settled(
        id,
        cancelled ? { state: "cancelled", started: false } : { state: "skipped", because: o?.state === "skipped" ? o.because : d },
      );
      pending.delete(id);
      changed = true;
    }
  }
  const ready = after.filter((s) => pending.has(s.id)).map((s) => ({ id: s.id, dependsOn: s.dependsOn.filter((d) => afterIds.has(d)) }));
  await schedule(ready, { concurrency, signal, start: hooks.start, settled });
}
