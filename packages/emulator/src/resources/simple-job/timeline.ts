import type { ProcessingJobStatus, TransformJobStatus } from "@aws-sdk/client-sagemaker";
import { interrupted, type Interruption, type Point, type Timeline } from "../../lifecycle/timeline.js";
import type { SimpleJobPlan } from "./plan.js";

/** The five statuses processing and transform jobs share ([MODEL] both enums are identical). */
export type SimpleJobStatus = ProcessingJobStatus & TransformJobStatus;

export interface SimpleJobState {
  readonly status: SimpleJobStatus;
  /** Set on the InProgress point where the container starts: it dates *StartTime. */
  readonly containerStarted?: true;
  /** Set on the Failed point. */
  readonly failureReason?: string;
}

/** Events that change a job's course after creation. */
export interface SimpleJobEvents {
  /** When Stop*Job was accepted. */
  readonly stopRequestedAt?: number | undefined;
  /** When the job's container ran (at its start), and how it failed, if it did. */
  readonly computed?:
    | { readonly at: number; readonly failureReason?: string | undefined; readonly tookMs?: number | undefined }
    | undefined;
}

const point = (at: number, state: SimpleJobState): Point<SimpleJobState> => ({ at: Math.round(at), state });

/**
 * The whole life of a processing or transform job (docs/fidelity.md §5.2, §5.3, §8):
 * InProgress (provisioning, then the container running) → Completed. Then, in order, whatever
 * cuts it short: the planned failure; the runtime limit ([DOC] ProcessingStoppingCondition "After
 * the condition is met, the processing job is stopped"; [INF] measured from the container's start
 * like training's, and passing through Stopping, docs/fidelity.md §5.2, §8); a user's stop (Stopping → Stopped).
 */
export function simpleJobTimeline(plan: SimpleJobPlan, events: SimpleJobEvents): Timeline<SimpleJobState> {
  const start = containerStartTime(plan);
  // The code's own run time, when it reported one, is the container's running time.
  const runningMs = events.computed?.tookMs ?? plan.runningMs;
  const completes = start + runningMs;
  const natural: Point<SimpleJobState>[] = [
    point(plan.createdAt, { status: "InProgress" }),
    point(start, { status: "InProgress", containerStarted: true }),
    point(completes, { status: "Completed" }),
  ];
  const { outcome } = plan;
  let failure: Interruption<SimpleJobState> | undefined;
  if (outcome.status === "Failed") {
    const failsAt = Math.min(start + (outcome.afterSeconds ?? runningMs / 2000) * 1000, completes);
    failure = { at: failsAt, ending: [point(failsAt, { status: "Failed", failureReason: plan.failureReason })], evenAtEnd: true };
  }
  // The container's own failure shows once it had time to print it: [INF] a tenth of the run, at least 1 s, at most a minute.
  const computed = events.computed;
  let codeFailure: Interruption<SimpleJobState> | undefined;
  if (computed?.failureReason !== undefined) {
    const failsAt = Math.min(computed.at + Math.max(1000, Math.min(runningMs / 10, 60_000)), completes);
    codeFailure = { at: failsAt, ending: [point(failsAt, { status: "Failed", failureReason: computed.failureReason })], evenAtEnd: true };
  }
  const stopping = (time: number): Interruption<SimpleJobState> => ({
    at: time,
    ending: [point(time, { status: "Stopping" }), point(time + plan.stoppingMs, { status: "Stopped" })],
  });
  const stop = events.stopRequestedAt;
  return interrupted(natural, (state) => state.status === "InProgress", [
    failure,
    codeFailure,
    stopping(start + plan.maxRuntimeMs),
    stop === undefined ? undefined : stopping(stop),
  ]);
}

/** When the container starts on this timeline, if the job gets that far. */
export function containerStartsAt(timeline: Timeline<SimpleJobState>): number | undefined {
  return timeline.find((p) => p.state.containerStarted === true)?.at;
}

/** When the job stops running (its Stopping or terminal point). */
export function runningEndsAt(timeline: Timeline<SimpleJobState>): number {
  return timeline.find((p) => p.state.status !== "InProgress")?.at ?? Number.POSITIVE_INFINITY;
}

/** When the container starts (ProcessingStartTime / TransformStartTime), if the job gets that far. */
function containerStartTime(plan: SimpleJobPlan): number {
  return plan.createdAt + plan.provisioningMs;
}
