import { writeObject } from "../../data/job-data.js";
import { pointAt } from "../../lifecycle/timeline.js";
import { instanceIdOf } from "../instance-id.js";
import { scheduleJobLines } from "../job-lines.js";
import type { Kit } from "../kind.js";
import { withSimpleEvents, type SimpleJobRecord, type SimpleJobRun } from "./record.js";
import { containerStartsAt, runningEndsAt } from "./timeline.js";

/** How a processing or transform kind runs its container: what it computes, and where its lines go. */
export interface SimpleContainer<R extends SimpleJobRecord<unknown>> {
  /** Runs the job's code on what its inputs name in S3 now; a failure is part of the run, never thrown. */
  compute(row: R, kit: Kit<R>): SimpleJobRun;
  /** The CloudWatch Logs group of the kind. */
  readonly logGroup: string;
  /** The job's stream in it, given when its container started and its instance's id (`i-…`). */
  streamName(row: R, startedAt: number, instanceId: string): string;
}

/** When the container must run, if it has not: the job's container start. */
export function simpleComputeDueAt(row: SimpleJobRecord<unknown>): number | undefined {
  if (row.run !== undefined || row.plan.runsCode !== true) return undefined;
  return containerStartsAt(row.timeline);
}

/**
 * Plays what is due for a processing or transform job by `now`: its container when it starts
 * (observed when the clock gets there, never ticked), then its uploads when it completes. Lines
 * appear over its running time and never after it stops running.
 */
export function playSimpleContainer<R extends SimpleJobRecord<unknown>>(
  row: R,
  now: number,
  kit: Kit<R>,
  container: SimpleContainer<R>,
): void {
  let current = row;
  const due = simpleComputeDueAt(current);
  if (due !== undefined && due <= now) {
    const run = container.compute(current, kit);
    current = withSimpleEvents(
      { ...current, run },
      { ...current.events, computed: { at: due, failureReason: run.failureReason, tookMs: run.tookMs } },
    );
    scheduleJobLines(kit, current, {
      group: container.logGroup,
      stream: container.streamName(current, due, instanceIdOf(kit.ctx.seedFor(`${row.arn}#instance`))),
      lines: run.lines,
      from: due,
      // The code's own failure ends its lines (the failure line last); otherwise they span the run.
      to: current.timeline.find((point) => point.state.status === "Failed")?.at ?? due + (run.tookMs ?? current.plan.runningMs),
      runningEndsAt: (job) => runningEndsAt(job.timeline),
    });
  }
  if (current.run && !current.uploaded && current.run.failureReason === undefined) {
    const point = pointAt(current.timeline, now);
    if (point.state.status === "Completed") {
      for (const { uri, body, contentType } of current.run.uploads) writeObject(kit.ctx.data.s3, uri, body, point.at, contentType);
      current = { ...current, uploaded: true };
    }
  }
  if (current !== row) kit.save(current);
}
