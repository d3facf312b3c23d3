import type { ProcessingJobStatus, TransformJobStatus } from "@aws-sdk/client-sagemaker";
import { endOf, type Point, type Timeline } from "../../lifecycle/timeline.js";
import type { SimpleJobPlan } from "./simple-job-plan.js";

/** The five statuses processing and transform jobs share ([MODEL] both enums are identical). */
export type SimpleJobStatus = ProcessingJobStatus & TransformJobStatus;

export interface SimpleJobState {
  readonly status: SimpleJobStatus;
  /** Set on the InProgress point where the container starts: it dates *StartTime. */
  readonly containerStarted?: true;
  /** Set on the Failed point. */
  readonly failureReason?: string;
  /** Set on the Stopping/Stopped points a runtime limit (not a user) caused. */
  readonly maxRuntimeExceeded?: true;
}

/** Events that change a job's course after creation. */
export interface SimpleJobEvents {
  /** When Stop*Job was accepted. */
  readonly stopRequestedAt?: number | undefined;
}

const point = (at: number, state: SimpleJobState): Point<SimpleJobState> => ({ at: Math.round(at), state });

/**
 * The whole life of a processing or transform job (sagemaker-semantics.md §5.2, §5.3, §8):
 * InProgress (provisioning, then the container running) → Completed. Then, in order, whatever
 * cuts it short: the planned failure; the runtime limit ([DOC] ProcessingStoppingCondition "After
 * the condition is met, the processing job is stopped"; [INF] measured from the container's start
 * like training's, and passing through Stopping, §5.2, §8); a user's stop (Stopping → Stopped).
 */
export function simpleJobTimeline(plan: SimpleJobPlan, events: SimpleJobEvents): Timeline<SimpleJobState> {
  const start = containerStartTime(plan);
  const completes = start + plan.runningMs;
  let points: Point<SimpleJobState>[] = [
    point(plan.createdAt, { status: "InProgress" }),
    point(start, { status: "InProgress", containerStarted: true }),
    point(completes, { status: "Completed" }),
  ];

  if (plan.outcome.status === "Failed") {
    const failsAt = Math.min(start + (plan.outcome.afterSeconds ?? plan.runningMs / 2000) * 1000, completes);
    points = [...upTo(points, failsAt), point(failsAt, { status: "Failed", failureReason: plan.failureReason })];
  }

  const limit = start + plan.maxRuntimeMs;
  if (limit < endOf(points)) {
    points = [
      ...upTo(points, limit),
      point(limit, { status: "Stopping", maxRuntimeExceeded: true }),
      point(limit + plan.stoppingMs, { status: "Stopped", maxRuntimeExceeded: true }),
    ];
  }

  const stop = events.stopRequestedAt;
  if (stop !== undefined && stop < endOf(points)) {
    points = [...upTo(points, stop), point(stop, { status: "Stopping" }), point(stop + plan.stoppingMs, { status: "Stopped" })];
  }
  return points;
}

/** When the container starts (ProcessingStartTime / TransformStartTime), if the job gets that far. */
export function containerStartTime(plan: SimpleJobPlan): number {
  return plan.createdAt + plan.provisioningMs;
}

/** The InProgress points up to `time`: what survives an interruption at `time`. */
function upTo(points: readonly Point<SimpleJobState>[], time: number): Point<SimpleJobState>[] {
  return points.filter((p) => p.at <= time && p.state.status === "InProgress");
}
