import {
  DescribePipelineExecutionCommand,
  paginateListPipelineExecutionSteps,
  type PipelineExecutionStep,
  type SageMakerClient,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import { errorCode, isTransientError, isValidationException, messageOf } from "../../internal/aws-errors.js";
import type { RetryPolicy } from "../../internal/backoff.js";
import { retryTransient } from "../../internal/retry-transient.js";
import { describeJob } from "../../job-kinds/job-kind.js";
import { jobStatus } from "../../job-kinds/job-outcome.js";
import { LogFollower } from "../../logs/log-follower.js";
import type { LogsClient } from "../../logs/logs-options.js";
import { logsReader } from "../../logs/logs-reader.js";
import type { RunScope } from "../create-step-context.js";
import type { JobStepSpec } from "../job-steps/job-step.js";
import type { Settled } from "../scheduler.js";
import { MAX_CONSECUTIVE_TRANSIENT_ERRORS } from "../../wait/wait-options.js";

/** How a compiled run hears about its job steps. */
export interface FollowHooks {
  /** The step started in the execution (once, before it settles). */
  began(stepId: string): void;
  /** The step settled: its result read back from the job the execution created, or why not. */
  settled(stepId: string, outcome: Settled): void;
  /** The run's events, for `job-status` and `job-log`. */
  readonly emit: RunScope["emit"];
}

/** What {@link followExecution} needs. */
export interface FollowOptions {
  readonly client: SageMakerClient;
  readonly clock: Clock;
  readonly executionArn: string;
  /** The execution's steps (the job steps), in the pipeline's order. */
  readonly steps: ReadonlyMap<string, JobStepSpec>;
  /** Aborting it stops the execution (StopPipelineExecution); the follow goes on until it has stopped. */
  readonly signal: AbortSignal;
  readonly checkIntervalMs: number;
  readonly hooks: FollowHooks;
  /** The run's `logs` option: each job step's log lines go out as `job-log` events, read at every check and once more when it ends. */
  readonly logs?: { readonly client: LogsClient } | undefined;
}

const TERMINAL = new Set(["Succeeded", "Failed", "Stopped"]);
const STEP_TERMINAL = new Set(["Succeeded", "Failed", "Stopped"]);
// StopPipelineExecution on an execution that is no longer running: "…Only pipelines with 'Executing'
// status can be stopped" (Airflow's SageMakerStopPipelineOperator matches the same text).
const NOT_EXECUTING = /Only pipelines with 'Executing' status can be stopped/;

/**
 * Follows an execution to its end on the backend's clock: every `checkIntervalMs`,
 * DescribePipelineExecution and ListPipelineExecutionSteps (every page). A step seen starting is
 * `began`; one seen Succeeded is read back (the job its `Metadata` names, described and judged, as
 * the in-process step would have returned it) and `settled`; Failed settles with the job's error
 * (`JobFailedError` with its FailureReason) or, without a job, the step's FailureReason. Each job's
 * status changes go out as `job-status` events. When `signal` aborts, StopPipelineExecution is sent
 * once and the follow waits for Stopped. Once the execution has ended, the steps it never ran
 * settle as `skipped` (after a failure, because of the first failed step) or `cancelled` (stopped).
 * Resolves with the execution's final status and FailureReason.
 */
export async function followExecution(options: FollowOptions): Promise<{ status: string; failureReason: string | undefined }> {
  const { client, clock, executionArn, steps, signal, checkIntervalMs, hooks } = options;
  // A check that meets throttling, a 5xx or a dropped connection is tried again, as a job wait's is.
  const retry = { clock, policy: transientRetry(checkIntervalMs) };
  const began = new Set<string>();
  const settled = new Map<string, Settled["state"]>();
  const failed: string[] = [];
  const lastStatus = new Map<string, string>();
  let stopRequested = false;

  const begin = (id: string): void => {
    if (began.has(id)) return;
    began.add(id);
    hooks.began(id);
  };
  const settle = (id: string, outcome: Settled): void => {
    settled.set(id, outcome.state);
    if (outcome.state === "failed") failed.push(id);
    hooks.settled(id, outcome);
  };
  // The job's name as Describe spells it: the ARN's is lower-cased, and log stream names are not.
  const jobNames = new Map<string, string>();
  const followers = new Map<string, LogFollower>();
  const jobStatusEvent = (id: string, arnName: string, description: object): void => {
    const kind = steps.get(id)!.kind.jobKind;
    if (kind === undefined) return;
    const described = (description as Record<string, unknown>)[kind.nameField];
    const jobName = typeof described === "string" ? described : arnName;
    jobNames.set(id, jobName);
    const { status, secondaryStatus } = jobStatus(kind, description as never);
    const key = `${jobName}\u0000${status}\u0000${secondaryStatus ?? ""}`;
    if (lastStatus.get(id) === key) return;
    lastStatus.set(id, key);
    hooks.emit({ type: "job-status", stepId: id, jobName, status, ...(secondaryStatus === undefined ? {} : { secondaryStatus }) });
  };

  // The lines written since the last read of the step's job, as job-log events (nothing without the logs option).
  const readLogs = async (id: string): Promise<void> => {
    const group = steps.get(id)!.kind.jobKind?.logGroup;
    const jobName = jobNames.get(id);
    if (options.logs === undefined || group === undefined || jobName === undefined) return;
    let follower = followers.get(id);
    if (follower === undefined) {
      follower = new LogFollower(await logsReader(options.logs.client), group, jobName);
      followers.set(id, follower);
    }
    const round = await retryTransient(() => follower.read(), retry);
    for (const line of round.lines) hooks.emit({ type: "job-log", stepId: id, line });
  };

  for (;;) {
    if (signal.aborted && !stopRequested) {
      stopRequested = true;
      await stopExecution(client, executionArn, retry);
    }
    const execution = await retryTransient(
      () => client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn })),
      retry,
    );
    const listed = await retryTransient(() => listSteps(client, executionArn), retry);
    // The service lists the most recent step first; events go out in the order the steps started
    // (reversed first, so that steps started at the same instant keep their order too).
    listed.reverse().sort((a, b) => (a.StartTime?.getTime() ?? 0) - (b.StartTime?.getTime() ?? 0));
    for (const listedStep of listed) {
      const id = listedStep.StepName ?? "";
      const spec = steps.get(id);
      if (spec === undefined || settled.has(id)) continue;
      const status = listedStep.StepStatus ?? "Starting";
      begin(id);
      const name = resourceName(listedStep, spec);
      if (!STEP_TERMINAL.has(status)) {
        if (name !== undefined && spec.kind.jobKind !== undefined) {
          const kind = spec.kind.jobKind;
          jobStatusEvent(id, name, await retryTransient(() => describeJob(kind, client, name), retry));
          await readLogs(id);
        }
        continue;
      }
      if (status === "Stopped" && stopRequested) {
        settle(id, { state: "cancelled", started: true, error: signal.reason });
      } else {
        settle(id, await retryTransient(() => readBack(id, spec, listedStep, name, { client, clock }, jobStatusEvent), retry));
      }
      await readLogs(id);
      followers.delete(id);
    }
    const status = execution.PipelineExecutionStatus ?? "Executing";
    if (TERMINAL.has(status) && listed.every((s) => !steps.has(s.StepName ?? "") || settled.has(s.StepName!))) {
      const failureReason = execution.FailureReason;
      for (const id of steps.keys()) {
        if (settled.has(id)) continue;
        if (status === "Stopped" && stopRequested) settle(id, { state: "cancelled", started: false });
        else if (failed[0] !== undefined) settle(id, { state: "skipped", because: failed[0] });
        else {
          // Failed or stopped by someone else without a step to blame: the first step not run carries the reason.
          const reason = failureReason ?? `the execution ended ${status} before the step ran`;
          settle(id, { state: "failed", error: new Error(`SageMaker Pipelines execution ${executionArn} ended ${status}: ${reason}`) });
        }
      }
      return { status, failureReason };
    }
    // An abort cuts the wait short once, so the stop goes out at once; then the follow waits for Stopped.
    await clock.sleep(checkIntervalMs, stopRequested ? undefined : signal).catch(() => {});
  }
}

/** The step's job (or model) name: the last part of the ARN its Metadata names (`…:training-job/<name>`). */
function resourceName(listedStep: PipelineExecutionStep, spec: JobStepSpec): string | undefined {
  const metadata = listedStep.Metadata as Record<string, { Arn?: string } | undefined> | undefined;
  const arn = metadata?.[spec.kind.metadataKey]?.Arn;
  return arn === undefined ? undefined : arn.slice(arn.indexOf("/") + 1);
}

/** A finished step's outcome: its result read back from its job, or the error that job (or the step) ended with. */
async function readBack(
  id: string,
  spec: JobStepSpec,
  listedStep: PipelineExecutionStep,
  name: string | undefined,
  backend: { client: SageMakerClient; clock: Clock },
  jobStatusEvent: (id: string, jobName: string, description: object) => void,
): Promise<Settled> {
  const stepFailure = (): Settled => ({
    state: "failed",
    error: new Error(
      `SageMaker Pipelines step '${id}' ended ${listedStep.StepStatus}: ${listedStep.FailureReason ?? "SageMaker gave no FailureReason"}`,
    ),
  });
  if (name === undefined) {
    if (listedStep.StepStatus !== "Succeeded") return stepFailure();
    const missing = `its Metadata names no ${spec.kind.metadataKey}.Arn to read its result from`;
    return { state: "failed", error: new Error(`SageMaker Pipelines step '${id}' succeeded, but ${missing}.`) };
  }
  try {
    const result = await spec.kind.readBack(name, backend);
    const description = (result as { description?: object }).description;
    if (description !== undefined) jobStatusEvent(id, name, description);
    // A step can fail after its job completed (a property it could not resolve): the step's word wins.
    return listedStep.StepStatus === "Succeeded" ? { state: "succeeded", result } : stepFailure();
  } catch (error) {
    // A throttled or 5xx Describe says nothing about the job: tried again by the caller.
    if (isTransientError(error)) throw error;
    const description = (error as { description?: object }).description;
    if (description !== undefined) jobStatusEvent(id, name, description);
    return { state: "failed", error };
  }
}

/** Every step of the execution, every page read. */
async function listSteps(client: SageMakerClient, executionArn: string): Promise<PipelineExecutionStep[]> {
  const listed: PipelineExecutionStep[] = [];
  for await (const page of paginateListPipelineExecutionSteps({ client }, { PipelineExecutionArn: executionArn })) {
    listed.push(...(page.PipelineExecutionSteps ?? []));
  }
  return listed;
}

/** The job waits' default retry of transient errors, its longest back-off one check interval. */
function transientRetry(checkIntervalMs: number): RetryPolicy {
  return { maxConsecutiveFailures: MAX_CONSECUTIVE_TRANSIENT_ERRORS, baseDelayMs: 1000, maxDelayMs: checkIntervalMs, random: Math.random };
}

// StopPipelineExecution may answer ConflictException between two steps; Airflow's hook tries it up
// to 5 times (the Amazon provider's hooks/sagemaker.py, stop_pipeline).
const MAX_STOP_CONFLICTS = 5;

/** StopPipelineExecution; one that has just ended meanwhile is no error, a conflict is tried again. */
async function stopExecution(client: SageMakerClient, executionArn: string, retry: { clock: Clock; policy: RetryPolicy }): Promise<void> {
  for (let conflicts = 1; ; conflicts++) {
    try {
      await retryTransient(() => client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: executionArn })), retry);
      return;
    } catch (err) {
      if (isValidationException(err) && NOT_EXECUTING.test(messageOf(err))) return;
      if (errorCode(err) !== "ConflictException" || conflicts >= MAX_STOP_CONFLICTS) throw err;
      await retry.clock.sleep(retry.policy.baseDelayMs * 2 ** (conflicts - 1));
    }
  }
}
