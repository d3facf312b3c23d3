import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import type { JobLogsOptions } from "../logs/logs-options.js";
import type { CheckClients } from "../test-mode/checks/output-check.js";
import type { TestModeOption } from "../test-mode/profile/test-mode-option.js";
import type { JobStatusEvent } from "../wait/watch-job.js";
import type { StepChecks } from "./run-pipeline-options.js";
import type { DependencyResult, DependencyResults, StepDependency } from "./step.js";

/**
 * A resource's clean-up, registered with `ctx.onTeardown`: it runs once the pipeline has settled,
 * given how the run ended. Do not use the step's `ctx.signal` in it: after a cancel it has aborted.
 */
export type Teardown = (info: TeardownInfo) => void | PromiseLike<void>;

/** What a {@link Teardown} is told. */
export interface TeardownInfo {
  /** How the run ended: a test endpoint may be worth keeping after a failure, for instance. */
  readonly outcome: "succeeded" | "failed" | "cancelled";
  /** The step that registered the teardown. */
  readonly stepId: string;
}

/**
 * The options every operator call in a step should spread, `runTrainingJob(config, { ...ctx.jobOptions })`:
 * the backend, the step's signal, progress forwarding, and `onExists: "reattach"`, which is what
 * makes a run resumable (the same run id finds its jobs by name and waits for them, or reuses
 * them when they completed, instead of creating second ones).
 */
export interface StepJobOptions {
  readonly client: SageMakerClient;
  readonly clock: Clock;
  /** The step's signal: aborts when the run is cancelled, so the operator stops its job. */
  readonly signal: AbortSignal;
  /** Reattach to a job that exists under the derived name (see `ctx.jobName`). */
  readonly onExists: "reattach";
  /** The `sagerun:run-id` tag value: `<pipeline>/<run id>/<step id>`. */
  readonly runId: string;
  /** Forwards the job's status changes to the run's events (`job-status`). */
  readonly onStatusChange: (event: JobStatusEvent<unknown>) => void;
  /** Streams the job's log lines to the run's events (`job-log`); set only when the run has a logs client. */
  readonly logs?: JobLogsOptions;
  /** The run's `testMode` option: every operator call that spreads these options runs in test mode. Set only when the run has it. */
  readonly testMode?: TestModeOption;
  /** The step's output checks from the run's `checks` option; set only for a step that has some. */
  readonly checks?: StepChecks;
  /** The run's `checkClients`; set only with `checks`. */
  readonly checkClients?: CheckClients;
}

/**
 * What a step's `run` receives: who it is, the results of the steps it depends on, the backend,
 * a signal, deterministic names, progress forwarding and teardown registration.
 *
 * @typeParam Deps - the step's `dependsOn` as written
 */
export interface StepContext<Deps extends readonly StepDependency[] = readonly StepDependency[]> {
  readonly pipelineName: string;
  /** The run's id, as given to `runPipeline`: the same id resumes the same run. */
  readonly runId: string;
  readonly stepId: string;
  /** The run's logical date (Airflow's `logical_date`): the option, else when the run started. */
  readonly logicalDate: Date;
  readonly client: SageMakerClient;
  readonly clock: Clock;
  /**
   * Aborts when the run is cancelled (its `signal`, `stopJobsOnSignal`). Pass it on (it is in
   * `jobOptions`), so operators stop their jobs.
   */
  readonly signal: AbortSignal;
  /** The results of the steps in `dependsOn`, by id. Only those: ask for another step by adding it. */
  readonly results: DependencyResults<Deps>;
  /** One dependency's result, by step or id (both typed). Throws a `TypeError` for a step not in `dependsOn`. */
  result<D extends Deps[number]>(dependency: D): DependencyResult<D>;
  result<K extends keyof DependencyResults<Deps>>(id: K): DependencyResults<Deps>[K];
  /**
   * A SageMaker name for a job (or model, endpoint…) of this step, the same in every attempt of the
   * run: `<pipeline>-<run id>-<step id>[-<suffix>]` with characters SageMaker refuses turned into
   * `-`, cut to 63 characters with a hash of the full name when it does not fit as it is.
   * Use a suffix per resource when a step creates several.
   */
  jobName(suffix?: string): string;
  /** The options to spread into every operator call: see {@link StepJobOptions}. */
  readonly jobOptions: StepJobOptions;
  /** Forwards an operator's status changes to the run's events; also in `jobOptions`. */
  readonly onStatusChange: (event: JobStatusEvent<unknown>) => void;
  /** The operators' `logs` option forwarding lines to the run's events; `undefined` without a logs client. */
  readonly logs: JobLogsOptions | undefined;
  /**
   * Registers the clean-up of something this step created for the run (a test endpoint, a model).
   * Teardowns run once every step has settled, on success, failure or cancel, the last registered
   * first, unless the run has `keepResources: true`. One that fails is reported in the run's
   * `teardowns`, never thrown over the run's outcome.
   */
  onTeardown(teardown: Teardown, label?: string): void;
}
