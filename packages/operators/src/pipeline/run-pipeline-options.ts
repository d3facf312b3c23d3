import type { Backend } from "@sagerun/transport";
import type { BackendOptions } from "../backend.js";
import { checkBackendOptions } from "../internal/check-backend.js";
import type { JobLogsOptions } from "../logs/logs-options.js";
import { resolveJobChecks } from "../test-mode/checks/job-checks.js";
import type { CheckClients, OutputCheck } from "../test-mode/checks/output-check.js";
import { checkTestModeOption, type TestModeOption } from "../test-mode/profile/test-mode-option.js";
import type { Pipeline } from "./define-pipeline.js";
import type { PipelineCostOptions } from "./pipeline-budget.js";
import type { PipelineEvent } from "./pipeline-events.js";

/**
 * A step's output checks, for whatever kind of job its operator runs: the operator runs them on
 * its own description (a check meant for another kind finds none of its members, and fails).
 */
// biome-ignore lint/suspicious/noExplicitAny: each step's checks are for the job its own operator runs, a kind only the step knows.
export type StepChecks = readonly OutputCheck<any>[];

/** Options of `runPipeline`: the backend, which run this is, and how to run it. */
export interface RunPipelineOptions extends BackendOptions {
  /**
   * The run's id, part of every name `ctx.jobName()` derives: running the same id again resumes
   * the run (see `runPipeline`). 1 to 128 letters, digits and `_.:/=+-@` (it also goes into the
   * jobs' `sagerun:run-id` tag), e.g. the logical date `"2026-01-01"` or Airflow's
   * `"scheduled__2026-01-01T00:00:00+00:00"`.
   */
  readonly runId: string;
  /**
   * The run's logical date, as `ctx.logicalDate` (Airflow's `logical_date`). Pass it when resuming
   * if steps read it.
   * @default the backend clock's now when the run starts
   */
  readonly logicalDate?: Date | string;
  /**
   * At most this many steps run at once (SageMaker Pipelines' `MaxParallelExecutionSteps`).
   * A whole number of at least 1, or Infinity.
   * @default 4
   */
  readonly concurrency?: number;
  /** Cancels the run: running steps' signals abort (operators stop their jobs), no step starts. */
  readonly signal?: AbortSignal;
  /**
   * Told every {@link PipelineEvent}, in order; `renderProgress()` draws them. It must not throw:
   * an error it throws while steps run cancels the run with that error as the reason, and one
   * thrown afterwards (teardowns, the last event) is rethrown once the teardowns are done.
   */
  readonly onEvent?: (event: PipelineEvent) => void;
  /** Leave what steps registered with `ctx.onTeardown` in place (each teardown reported `"kept"`). @default false */
  readonly keepResources?: boolean;
  /**
   * Stream the log lines of the steps' jobs as `job-log` events: the operators' `logs` option
   * without `onLine`, handed to steps as `ctx.logs` (and in `ctx.jobOptions`).
   * @default undefined (steps get `ctx.logs` undefined)
   */
  readonly logs?: Omit<JobLogsOptions, "onLine">;
  /**
   * Run every step's jobs in test mode: the operators' `testMode` option, put in `ctx.jobOptions`,
   * so each operator call that spreads them shrinks its job (one option for the whole pipeline).
   * @default false
   */
  readonly testMode?: TestModeOption;
  /**
   * Output checks per step id (`{ train: [artifactExists()], score: [transformRowCount()] }`): the
   * operators' `checks`, put in that step's `ctx.jobOptions`, so each operator call that spreads
   * them checks its job's outputs once it has ended well. A failed check fails the step (and the
   * run, with `PipelineFailedError` naming the step and the check); a step with checks that ends
   * without any operator having run them fails too, rather than pass unchecked.
   */
  readonly checks?: { readonly [stepId: string]: StepChecks };
  /** The clients the `checks` read with, in `ctx.jobOptions` (the operators' `checkClients`): `{ s3: await backend.s3() }`. */
  readonly checkClients?: CheckClients;
  /**
   * The most the run may cost in USD, worst case: before any step starts, the jobs declared in
   * `costEstimate.steps`, as they will be submitted (after `testMode`), are priced and summed
   * (`estimatePipelineCost`), and `BudgetExceededError` names each step's worst case when the sum
   * is over the budget or unbounded. It also refuses a run against AWS from CI without the opt-in
   * (`AwsInCiRefusedError`, `SAGERUN_ALLOW_AWS_IN_CI=1`). Only the declared jobs are priced.
   */
  readonly budgetUsd?: number;
  /** What `budgetUsd` prices: each job step's `{ stepId, kind, request, assumedSeconds? }`, and prices (`estimateJobCost`'s options). */
  readonly costEstimate?: PipelineCostOptions;
  /**
   * Where `client` sends its calls, for `budgetUsd`'s CI guard; `createBackend`'s result carries it.
   * @default SAGERUN_BACKEND, else "aws"
   */
  readonly backend?: Backend;
  /**
   * Where the steps run. `"in-process"`: each step's `run` here, its jobs on `client`.
   * `"sagemaker-pipelines"`: the pipeline compiled (`compilePipeline`, with `testMode` applied),
   * upserted as a SageMaker pipeline and run as one execution followed on `clock`, with the same
   * events and report; steps made with `step()` run here before or after it (their results become
   * its parameters, and read back the job steps' results). Cancelling stops the execution.
   * @default "in-process"
   */
  readonly engine?: "in-process" | "sagemaker-pipelines";
  /** The IAM role the SageMaker Pipelines execution runs with (CreatePipeline's `RoleArn`): needed by `engine: "sagemaker-pipelines"`. */
  readonly roleArn?: string;
  /** How often `engine: "sagemaker-pipelines"` checks the execution and its steps, in seconds of `clock`. @default 30 */
  readonly checkIntervalSeconds?: number;
  /**
   * Write the run's HTML report to this path once it has ended, whatever the outcome
   * (`pipelineReport`: the DAG, the timeline in virtual time, the failure with its log tail, checks,
   * metrics, cost). One self-contained file, for a CI artifact. The run's error comes first: when
   * the run fails and the report cannot be written, the run's error is thrown and the write error is
   * a process warning (`SAGERUN_REPORT_NOT_WRITTEN`); when the run succeeded, the write error rejects.
   */
  readonly report?: string;
}

/** The options after defaults and checks. */
export interface RunSettings extends BackendOptions {
  readonly runId: string;
  readonly logicalDate: number | undefined;
  readonly concurrency: number;
  readonly onEvent: ((event: PipelineEvent) => void) | undefined;
  readonly keepResources: boolean;
  readonly logs: Omit<JobLogsOptions, "onLine"> | undefined;
  readonly testMode: TestModeOption | undefined;
  /** The steps' checks, by step id, with their clients. */
  readonly checks: ReadonlyMap<string, StepChecks>;
  readonly checkClients: CheckClients | undefined;
}

const RUN_ID_PATTERN = /^[A-Za-z0-9_.:/=+\-@]{1,128}$/;
const DEFAULT_CONCURRENCY = 4;

/** Checks `runPipeline`'s arguments before anything runs, with messages naming the option, the value and the fix. */
export function resolveRunPipelineOptions(pipeline: Pipeline, options: RunPipelineOptions): RunSettings {
  if (typeof pipeline?.name !== "string" || !Array.isArray(pipeline.steps)) {
    throw new TypeError(
      `runPipeline was given [${String(pipeline)}], which is not a pipeline. Please pass the result of definePipeline().`,
    );
  }
  const backend = checkBackendOptions(options);
  const problem = (option: string, value: unknown, fix: string): never => {
    throw new TypeError(`Option ${option} [${String(value)}] of pipeline '${pipeline.name}' ${fix}`);
  };
  const { runId, logicalDate, onEvent, logs } = options;
  if (typeof runId !== "string" || !RUN_ID_PATTERN.test(runId)) {
    problem("runId", runId, 'must be 1 to 128 letters, digits or _.:/=+-@. Please pass e.g. the logical date, "2026-01-01".');
  }
  let date: number | undefined;
  if (logicalDate !== undefined) {
    date = logicalDate instanceof Date ? logicalDate.getTime() : typeof logicalDate === "string" ? Date.parse(logicalDate) : Number.NaN;
    if (!Number.isFinite(date))
      problem("logicalDate", logicalDate, 'is not a valid date. Please pass a Date or an ISO-8601 string, e.g. "2026-01-01".');
  }
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (typeof concurrency !== "number" || !(concurrency >= 1) || !(Number.isInteger(concurrency) || concurrency === Infinity)) {
    problem("concurrency", concurrency, "must be a whole number of at least 1, or Infinity. Please pass e.g. 4.");
  }
  if (onEvent !== undefined && typeof onEvent !== "function") problem("onEvent", onEvent, "must be a function. Please pass (event) => ….");
  const keepResources = options.keepResources ?? false;
  if (typeof keepResources !== "boolean") problem("keepResources", keepResources, "must be a boolean.");
  if (logs !== undefined && typeof (logs as { client?: { send?: unknown } } | null)?.client?.send !== "function") {
    problem(
      "logs",
      logs,
      "must be { client: a CloudWatchLogsClient }. Please pass emulator.logsClient(CloudWatchLogsClient) on the emulator.",
    );
  }
  // Checked here, with its message naming the fix, rather than once per step when the steps run.
  const testMode = checkTestModeOption(options.testMode) === undefined ? undefined : options.testMode;
  const checks = resolveStepChecks(pipeline, options, problem);
  return {
    ...backend,
    runId,
    logicalDate: date,
    concurrency,
    onEvent,
    keepResources,
    logs,
    testMode,
    checks,
    checkClients: options.checkClients,
  };
}

/** The `checks` option by step id, each step's checked as an operator would (its clients given), before any step runs. */
function resolveStepChecks(
  pipeline: Pipeline,
  options: RunPipelineOptions,
  problem: (option: string, value: unknown, fix: string) => void,
): ReadonlyMap<string, StepChecks> {
  const { checks } = options;
  if (checks === undefined) return new Map();
  if (typeof checks !== "object" || checks === null || Array.isArray(checks)) {
    problem("checks", checks, "must map step ids to their output checks. Please pass e.g. { train: [artifactExists()] }.");
  }
  const ids = pipeline.steps.map((s) => s.id);
  const byStep = new Map<string, StepChecks>();
  for (const [stepId, stepChecks] of Object.entries(checks)) {
    if (!ids.includes(stepId)) {
      throw new TypeError(
        `Option checks of pipeline '${pipeline.name}' names '${stepId}', which is none of its steps. Please use one of: ${ids.join(", ")}.`,
      );
    }
    const resolved = resolveJobChecks(stepChecks, options.checkClients, true);
    if (resolved !== undefined) byStep.set(stepId, resolved.checks);
  }
  return byStep;
}
