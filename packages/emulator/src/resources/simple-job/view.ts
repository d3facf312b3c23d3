import { pastPoints, type Timeline } from "../../lifecycle/timeline.js";
import { isTerminalJobStatus } from "../job-status.js";
import type { SimpleJobState, SimpleJobStatus } from "./timeline.js";

/** What Describe and List show of a single-phase job at some `now`. */
export interface SimpleJobView {
  readonly status: SimpleJobStatus;
  /** When the container started; absent while provisioning, or if the job ended before that. */
  readonly startTime: Date | undefined;
  /** Set at a terminal status ([DOC] TransformEndTime "set at Completed, Stopped or Failed"). */
  readonly endTime: Date | undefined;
  /** The time of the latest status change (the container's start counts as one [INF]). */
  readonly lastModifiedTime: Date;
  readonly failureReason: string | undefined;
}

/** Reads the timeline at `now`. */
export function viewSimpleJob(timeline: Timeline<SimpleJobState>, now: number): SimpleJobView {
  const past = pastPoints(timeline, now);
  const current = past[past.length - 1] ?? timeline[0]!;
  const started = past.find((p) => p.state.containerStarted);
  return {
    status: current.state.status,
    startTime: started ? new Date(started.at) : undefined,
    endTime: isTerminalJobStatus(current.state.status) ? new Date(current.at) : undefined,
    lastModifiedTime: new Date(current.at),
    failureReason: current.state.failureReason,
  };
}
