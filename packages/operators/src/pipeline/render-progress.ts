import { systemClock } from "@sagerun/transport";
import { causeText } from "../errors/format.js";
import type { PipelineEvent } from "./pipeline-events.js";
import { formatDuration, formatElapsed, jobStatusText, ProgressModel, type Row } from "./progress-model.js";

/** Where {@link renderProgress} writes: `process.stderr`, `process.stdout`, or any object with `write`. */
export interface ProgressOutput {
  write(chunk: string): unknown;
  /** True for a terminal: the view is then redrawn in place. */
  readonly isTTY?: boolean | undefined;
  /** The terminal's width; frame lines are cut to it so that none wraps. */
  readonly columns?: number | undefined;
}

/** Options of {@link renderProgress}. */
export interface RenderProgressOptions {
  /**
   * `"live"` redraws a frame of every step in place (ANSI escape codes); `"plain"` writes one line
   * per event, for logs. `"auto"` is live on a TTY, plain when the output is not one, in CI (the
   * `CI` variable, set by GitHub Actions, GitLab, Jenkins' plugins…) or with `TERM=dumb`.
   * @default "auto"
   */
  readonly mode?: "auto" | "live" | "plain";
  /** Where to read `CI`, `TERM` and `NO_COLOR` from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Show the jobs' log lines (`job-log` events). @default true */
  readonly logs?: boolean;
}

const SYMBOLS: Readonly<Record<Row["state"], readonly [symbol: string, color: number]>> = {
  pending: ["·", 2],
  running: ["▶", 36],
  succeeded: ["✓", 32],
  failed: ["✗", 31],
  skipped: ["↷", 33],
  cancelled: ["■", 33],
};

/**
 * The default terminal view of a run: pass it as `onEvent`. Every step with its state, its job's
 * latest status and its elapsed virtual (backend clock) and wall time, redrawn in place on a
 * terminal, once a second and on every event; plain lines, one per event, when the output is not a
 * terminal or in CI. Plain ANSI (cursor up, erase down): a frame is a handful of lines and needs
 * nothing a terminal library would add. Between events, a running step's virtual time shows the
 * latest event's, since only the run knows the backend's clock. Make one per run.
 *
 * @example
 * ```ts
 * await runPipeline(pipeline, { client, clock, runId: "2026-01-01", onEvent: renderProgress() });
 * ```
 */
export function renderProgress(
  output: ProgressOutput = process.stderr,
  options: RenderProgressOptions = {},
): (event: PipelineEvent) => void {
  const env = options.env ?? process.env;
  const mode = options.mode ?? "auto";
  const live = mode === "live" || (mode === "auto" && output.isTTY === true && !isCi(env) && env.TERM !== "dumb");
  const model = new ProgressModel();
  const showLogs = options.logs ?? true;
  return live ? liveView(output, model, showLogs, env.NO_COLOR === undefined || env.NO_COLOR === "") : plainView(output, model, showLogs);
}

function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

function plainView(output: ProgressOutput, model: ProgressModel, showLogs: boolean): (event: PipelineEvent) => void {
  return (event) => {
    model.apply(event);
    const line = plainLine(event, model, showLogs);
    if (line !== undefined) output.write(`${line}\n`);
  };
}

function plainLine(event: PipelineEvent, model: ProgressModel, showLogs: boolean): string | undefined {
  const width = Math.max(0, ...[...model.rows.keys()].map((id) => id.length));
  const who = (id: string): string => id.padEnd(width);
  switch (event.type) {
    case "pipeline-started":
      return `${model.title}: ${event.steps.length} steps, at most ${event.concurrency} at once`;
    case "step-started":
      return `${who(event.stepId)}  started`;
    case "step-succeeded":
      return `${who(event.stepId)}  succeeded in ${formatElapsed(event)}`;
    case "step-failed":
      return `${who(event.stepId)}  failed after ${formatElapsed(event)}: ${causeText(event.error)}`;
    case "step-cancelled":
      return `${who(event.stepId)}  cancelled${model.rows.get(event.stepId)?.start === undefined ? " before it started" : ` after ${formatElapsed(event)}`}`;
    case "step-skipped":
      return `${who(event.stepId)}  skipped: ${event.because} failed`;
    case "job-status":
      return `${who(event.stepId)}  ${jobStatusText(event)}`;
    case "job-log":
      return showLogs ? `${who(event.stepId)}  | ${event.line.message}` : undefined;
    case "teardown":
      return `${who(event.stepId)}  ${teardownText(event)}`;
    case "pipeline-finished":
      return `${model.title} ${event.outcome} in ${formatElapsed(event)}: ${model.counts()}`;
  }
}

function teardownText(event: PipelineEvent & { readonly type: "teardown" }): string {
  return `teardown '${event.label}' ${event.state}${event.state === "failed" ? `: ${causeText(event.error)}` : ""}`;
}

function liveView(output: ProgressOutput, model: ProgressModel, showLogs: boolean, color: boolean): (event: PipelineEvent) => void {
  let drawn = 0;
  const ticker = new AbortController();
  // Up to the frame's first line, then erase to the end of the screen.
  const erase = (): string => (drawn > 0 ? `\x1b[${drawn}A\r\x1b[J` : "");
  const draw = (above = ""): void => {
    const lines = frameLines(model, systemClock.now(), output.columns, color);
    output.write(`${erase()}${above}${lines.join("\n")}\n`);
    drawn = lines.length;
  };
  const tick = async (): Promise<void> => {
    for (;;) {
      await systemClock.sleep(1000, ticker.signal);
      draw();
    }
  };
  return (event) => {
    model.apply(event);
    switch (event.type) {
      case "pipeline-started":
        tick().catch(() => undefined); // ends when the ticker's signal aborts
        return draw();
      case "job-log":
        // Printed above the frame, where it stays: the frame is redrawn under it.
        return showLogs ? draw(`${event.stepId} | ${event.line.message}\n`) : undefined;
      case "teardown":
        return draw(event.state === "failed" ? `${event.stepId}: ${teardownText(event)}\n` : "");
      case "pipeline-finished": {
        ticker.abort();
        draw();
        // The errors in full, under the last frame, which is left as it is.
        for (const row of model.rows.values()) if (row.state === "failed") output.write(`${row.id}: ${row.note}\n`);
        drawn = 0;
        return;
      }
      default:
        return draw();
    }
  };
}

function frameLines(model: ProgressModel, wallNow: number, columns: number | undefined, color: boolean): string[] {
  const fit = (line: string): string =>
    columns !== undefined && columns > 1 && line.length >= columns ? `${line.slice(0, columns - 2)}…` : line;
  const width = Math.max(0, ...[...model.rows.keys()].map((id) => id.length));
  const run =
    model.finished ??
    (model.started === undefined
      ? undefined
      : { virtualMs: model.latest.time - model.started.time, wallMs: wallNow - model.started.wallTime });
  const header = fit(`${model.title} · ${model.finished?.outcome ?? "running"}${run === undefined ? "" : ` · ${formatElapsed(run)}`}`);
  const rows = [...model.rows.values()].map((row) => {
    const elapsed = model.elapsed(row, wallNow);
    // A fixed-width column, so that the notes line up.
    const times =
      elapsed === undefined
        ? "".padEnd(27)
        : `${formatDuration(elapsed.virtualMs).padStart(7)} virtual ${formatDuration(elapsed.wallMs).padStart(6)} wall`;
    const text = fit(
      `  ? ${row.id.padEnd(width)}  ${row.state.padEnd(9)}  ${times}${row.note === undefined ? "" : `  ${row.note}`}`.trimEnd(),
    );
    const [symbol, code] = SYMBOLS[row.state];
    return `  ${color ? `\x1b[${code}m${symbol}\x1b[0m` : symbol}${text.slice(3)}`;
  });
  return [header, ...rows];
}
