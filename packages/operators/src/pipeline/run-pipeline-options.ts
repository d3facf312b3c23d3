import type { BackendOptions } from "../backend.js";
import { checkBackendOptions } from "../internal/check-backend.js";
import type { JobLogsOptions } from "../logs/logs-options.js";
import { checkTestModeOption, type TestModeOption } from "../test-mode/profile/test-mode-option.js";
import type { Pipeline } from "./define-pipeline.js";
import type { PipelineEvent } from "./pipeline-events.js";

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
  return { ...backend, runId, logicalDate: date, concurrency, onEvent, keepResources, logs, testMode };
}
