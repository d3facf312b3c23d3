import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import type { JobLogsOptions } from "../logs/logs-options.js";
import type { CheckClients } from "../test-mode/checks/output-check.js";
import { runWideTestMode, type TestModeOption } from "../test-mode/profile/test-mode-option.js";
import type { JobStatusEvent } from "../wait/watch-job.js";
import { deriveName, stepRunTag } from "./job-name.js";
import type { PipelineEvent } from "./pipeline-events.js";
import type { StepChecks } from "./run-pipeline-options.js";
import type { AnyStep } from "./step.js";
import type { StepContext, StepJobOptions } from "./step-context.js";
import type { Teardowns } from "./teardowns.js";

/** A {@link PipelineEvent} before the run stamps its times. */
type Unstamped<E> = E extends PipelineEvent ? Omit<E, "time" | "wallTime"> : never;

/** What every step of one run shares. */
export interface RunScope {
  readonly pipelineName: string;
  readonly runId: string;
  readonly logicalDate: number;
  readonly client: SageMakerClient;
  readonly clock: Clock;
  readonly logs: Omit<JobLogsOptions, "onLine"> | undefined;
  /** The run's `testMode` option, handed to every step in `ctx.jobOptions`. */
  readonly testMode: TestModeOption | undefined;
  /** The run's `checks` option by step id, and the clients they read with. */
  readonly checks: ReadonlyMap<string, StepChecks>;
  readonly checkClients: CheckClients | undefined;
  /** The steps whose checks an operator has run: a step with checks must be among them when it succeeds. */
  readonly checked: Set<string>;
  /** The results of the steps that succeeded so far, by id. */
  readonly results: ReadonlyMap<string, unknown>;
  readonly teardowns: Teardowns;
  emit(event: Unstamped<PipelineEvent>): void;
}

/** The context `step.run` receives; see {@link StepContext}. */
export function createStepContext(scope: RunScope, step: AnyStep, signal: AbortSignal): StepContext {
  const { pipelineName, runId, client, clock } = scope;
  const stepId = step.id;
  const results = Object.freeze(Object.fromEntries(step.dependsOn.map((id) => [id, scope.results.get(id)])));
  const onStatusChange = (event: JobStatusEvent<unknown>): void => {
    const { jobName, status, secondaryStatus } = event;
    scope.emit({ type: "job-status", stepId, jobName, status, ...(secondaryStatus === undefined ? {} : { secondaryStatus }) });
  };
  const logs: JobLogsOptions | undefined =
    scope.logs === undefined ? undefined : { ...scope.logs, onLine: (line) => scope.emit({ type: "job-log", stepId, line }) };
  const jobOptions: StepJobOptions = Object.freeze({
    client,
    clock,
    signal,
    onExists: "reattach" as const,
    runId: stepRunTag(pipelineName, runId, stepId),
    onStatusChange,
    ...(logs === undefined ? {} : { logs }),
    ...(scope.testMode === undefined ? {} : { testMode: runWideTestMode(scope.testMode) }),
    ...stepChecks(scope, stepId),
  });
  return Object.freeze({
    pipelineName,
    runId,
    stepId,
    logicalDate: new Date(scope.logicalDate),
    client,
    clock,
    signal,
    results,
    result: ((dependency: unknown) => {
      const id = typeof dependency === "string" ? dependency : (dependency as { id?: unknown } | null)?.id;
      if (typeof id !== "string" || !step.dependsOn.includes(id)) {
        throw new TypeError(
          `Step '${stepId}' asked for the result of [${String(id)}], which is not in its dependsOn. Please add that step to dependsOn, so that it runs first.`,
        );
      }
      return scope.results.get(id);
    }) as StepContext["result"],
    jobName(suffix?: string) {
      if (suffix !== undefined && (typeof suffix !== "string" || suffix === "")) {
        throw new TypeError(`Step '${stepId}' called jobName with [${String(suffix)}]. Please pass a non-empty string, or nothing.`);
      }
      return deriveName(suffix === undefined ? [pipelineName, runId, stepId] : [pipelineName, runId, stepId, suffix]);
    },
    jobOptions,
    onStatusChange,
    logs,
    onTeardown(teardown, label) {
      scope.teardowns.add(stepId, teardown, label);
    },
  } satisfies StepContext);
}

/** The step's checks for `ctx.jobOptions`, each noting in `scope.checked` that an operator ran it; nothing for a step without. */
function stepChecks(scope: RunScope, stepId: string): Pick<StepJobOptions, "checks" | "checkClients"> {
  const checks = scope.checks.get(stepId);
  if (checks === undefined) return {};
  const noted = checks.map((check) => ({
    ...check,
    run: (...args: Parameters<typeof check.run>) => {
      scope.checked.add(stepId);
      return check.run(...args);
    },
  }));
  return { checks: noted, ...(scope.checkClients === undefined ? {} : { checkClients: scope.checkClients }) };
}
