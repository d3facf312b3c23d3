import { causeText } from "../errors/format.js";
import type { PipelineEvent } from "./pipeline-events.js";
import type { StepState } from "./pipeline-run.js";

interface Time {
  readonly time: number;
  readonly wallTime: number;
}

/** One step as the view shows it. */
export interface Row {
  readonly id: string;
  state: "pending" | "running" | StepState;
  start?: Time;
  /** Final durations, once settled. */
  elapsed?: { readonly virtualMs: number; readonly wallMs: number };
  /** The latest job status (`InProgress/Training`), or why it was skipped, or the error. */
  note?: string;
}

/** What the events so far say: the run, and each step in the pipeline's order. */
export class ProgressModel {
  title = "pipeline";
  readonly rows = new Map<string, Row>();
  /** The latest event's times: "now" for running steps between events. */
  latest: Time = { time: 0, wallTime: 0 };
  started: Time | undefined;
  finished: (PipelineEvent & { readonly type: "pipeline-finished" }) | undefined;

  apply(event: PipelineEvent): void {
    this.latest = { time: event.time, wallTime: event.wallTime };
    const row = "stepId" in event ? this.#row(event.stepId) : undefined;
    switch (event.type) {
      case "pipeline-started":
        this.title = `${event.pipelineName} · run ${event.runId}`;
        this.started = this.latest;
        for (const { id } of event.steps) this.#row(id);
        return;
      case "step-started":
        Object.assign(row!, { state: "running", start: this.latest });
        return;
      case "step-succeeded":
        Object.assign(row!, { state: "succeeded", elapsed: durations(event), note: undefined });
        return;
      case "step-failed":
        Object.assign(row!, { state: "failed", elapsed: durations(event), note: causeText(event.error) });
        return;
      case "step-cancelled":
        Object.assign(row!, { state: "cancelled", elapsed: durations(event), note: undefined });
        return;
      case "step-skipped":
        Object.assign(row!, { state: "skipped", note: `${event.because} failed` });
        return;
      case "job-status":
        row!.note = jobStatusText(event);
        return;
      case "pipeline-finished":
        this.finished = event;
        return;
      default:
        return;
    }
  }

  /** A step's durations: final once settled, up to the latest event (virtual) or `wallNow` while running. */
  elapsed(row: Row, wallNow: number): { readonly virtualMs: number; readonly wallMs: number } | undefined {
    if (row.elapsed !== undefined) return row.elapsed;
    if (row.start === undefined) return undefined;
    return { virtualMs: this.latest.time - row.start.time, wallMs: Math.max(wallNow, this.latest.wallTime) - row.start.wallTime };
  }

  /** "2 succeeded, 1 failed, 1 skipped". */
  counts(): string {
    const counts = new Map<string, number>();
    for (const { state } of this.rows.values()) counts.set(state, (counts.get(state) ?? 0) + 1);
    return [...counts].map(([state, n]) => `${n} ${state}`).join(", ");
  }

  #row(id: string): Row {
    const row = this.rows.get(id) ?? { id, state: "pending" };
    this.rows.set(id, row);
    return row;
  }
}

function durations(event: { readonly virtualMs: number; readonly wallMs: number }): { virtualMs: number; wallMs: number } {
  return { virtualMs: event.virtualMs, wallMs: event.wallMs };
}

/** `nightly-train: InProgress (Training)`. */
export function jobStatusText(event: { readonly jobName: string; readonly status: string; readonly secondaryStatus?: string }): string {
  const secondary = event.secondaryStatus === undefined || event.secondaryStatus === event.status ? "" : ` (${event.secondaryStatus})`;
  return `${event.jobName}: ${event.status}${secondary}`;
}

/** `0.4s`, `12.0s`, `3m20s`, `2h05m`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(Math.max(ms, 0) / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number): string => String(n).padStart(2, "0");
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${pad(seconds % 60)}s`;
  return `${Math.floor(seconds / 3600)}h${pad(Math.floor(seconds / 60) % 60)}m`;
}

/** `3m20s virtual, 0.2s wall`. */
export function formatElapsed(elapsed: { readonly virtualMs: number; readonly wallMs: number }): string {
  return `${formatDuration(elapsed.virtualMs)} virtual, ${formatDuration(elapsed.wallMs)} wall`;
}
