import type { StoredRecord } from "../store/kind-table.js";
import type { Kit } from "./kind.js";

/** Where and when a job's container printed its lines. */
export interface JobLines<R> {
  readonly group: string;
  readonly stream: string;
  readonly lines: readonly string[];
  /** When the container started printing (it ran), and when its printing ends: its planned running's end, or its own failure. */
  readonly from: number;
  readonly to: number;
  /** When the job stops running, read from the row as it is at the time of asking (a stop may come later). */
  runningEndsAt(row: R): number;
}

/**
 * Schedules a job's log lines in CloudWatch Logs, one per equal step from `from` to `to`: each
 * appears when the clock reaches it, and none after the job stops running, however it stops. A
 * stop or a runtime limit cuts the lines short and never squeezes them in: the container does
 * not know it will be stopped.
 */
export function scheduleJobLines<R extends StoredRecord>(kit: Kit<R>, row: R, job: JobLines<R>): void {
  if (job.lines.length === 0) return;
  const step = Math.max(0, (job.to - job.from) / (job.lines.length + 1));
  const events = job.lines.map((message, i) => ({ timestamp: Math.round(job.from + step * (i + 1)), message }));
  const { table } = kit;
  const { name } = row;
  const until = (): number => {
    const current = table.get(name);
    return current === undefined ? Number.NEGATIVE_INFINITY : job.runningEndsAt(current);
  };
  kit.ctx.data.logs.schedule(job.group, job.stream, events, until, kit.now());
}
