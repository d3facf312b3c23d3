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
  const completes = start + plan.runningMs;
  const natural: Point<SimpleJobState>[] = [
    point(plan.createdAt, { status: "InProgress" }),
    point(start, { status: "InProgress", containerStarted: true }),
    point(completes, { status: "Completed" }),
  ];
  const { outcome } = plan;
  let failure: Interruption<SimpleJobState> | undefined;
  if (outcome.status === "Failed") {
    const failsAt = Math.min(start + (outcome.afterSeconds ?? plan.runningMs / 2000) * 1000, completes);
    failure = { at: failsAt, ending: [point(failsAt, { status: "Failed", failureReason: plan.failureReason })], evenAtEnd: true };
  }
  const stopping = (time: number): Interruption<SimpleJobState> => ({
    at: time,
    ending: [point(time, { status: "Stopping" }), point(time + plan.stoppingMs, { status: "Stopped" })],
  });
  const stop = events.stopRequestedAt;
  return interrupted(natural, (state) => state.status === "InProgress", [
    failure,
    stopping(start + plan.maxRuntimeMs),
    stop === undefined ? undefined : stopping(stop),
  ]);
}

/** When the container starts (ProcessingStartTime / TransformStartTime), if the job gets that far. */
function containerStartTime(plan: SimpleJobPlan): number {
  return plan.createdAt + plan.provisioningMs;
}
