import type { PipelineEvent } from "../pipeline/pipeline-events.js";
import { formatDuration } from "../pipeline/progress-model.js";
import { dagSvg } from "./dag-svg.js";
import { type Html, html, raw } from "./html.js";
import type { PipelineReportOptions, PipelineReportOutcome } from "./report-outcome.js";
import { changesSection, checksSection, costSection, failureSection, metricsSection, teardownsSection } from "./report-sections.js";
import { REPORT_CSS } from "./report-style.js";
import { readRun, type RunView } from "./run-view.js";
import { timelineSvg } from "./timeline-svg.js";

// Nothing may load from elsewhere: the report is opened from a CI artifact, often offline.
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const LEGEND: readonly [phase: string, label: string][] = [
  ["starting", "Starting"],
  ["downloading", "Downloading"],
  ["training", "Training / InProgress"],
  ["uploading", "Uploading"],
  ["completed", "Completed"],
  ["failed", "Failed"],
  ["stopped", "Stopping / Stopped"],
];

/**
 * One self-contained HTML page about a pipeline run, from the events `runPipeline` told its
 * `onEvent` and how it ended: the outcome, the failure (each failed step's reason, SageMaker's
 * FailureReason and its job's last log lines), the DAG with each step's outcome, the timeline of
 * the steps and their jobs' phases on the backend's clock (virtual time on the emulator), test
 * mode's changes, the output checks with what they found, the jobs' metrics and the cost. Inline
 * CSS and SVG, no script, nothing fetched; every value from the run is escaped.
 * `runPipeline(pipeline, { report: "run.html" })` writes it for you.
 *
 * @example
 * ```ts
 * const events: PipelineEvent[] = [];
 * const outcome = await runPipeline(pipeline, { client, clock, runId, onEvent: (e) => events.push(e) }).then(
 *   (run) => ({ run }),
 *   (error: unknown) => ({ error }),
 * );
 * writeFileSync("run.html", pipelineReport(events, outcome));
 * ```
 */
export function pipelineReport(
  events: readonly PipelineEvent[],
  outcome: PipelineReportOutcome,
  options: PipelineReportOptions = {},
): string {
  const view = readRun(events, outcome, options);
  const title = `${view.pipelineName} · run ${view.runId} · ${view.outcome}`;
  const sections = [
    failureSection(view),
    view.steps.length === 0 ? undefined : html`<section id="dag"><h2>Steps</h2><div class="scroll">${dagSvg(view.steps)}</div></section>`,
    timelineSection(view),
    changesSection(view),
    checksSection(view),
    metricsSection(view),
    costSection(view, options.costEstimate),
    teardownsSection(view),
  ];
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body data-outcome="${view.outcome}">
<main>
${header(view)}
${sections}
</main>
<footer>Written by sagerun. Times are on the backend's clock (virtual time on the emulator), from the run's start; job phases are as the status checks saw them.</footer>
</body>
</html>
`.text;
}

function header(view: RunView): Html {
  const counts = new Map<string, number>();
  for (const s of view.steps) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  const fact = (label: string, value: string | undefined): Html | undefined =>
    value === undefined ? undefined : html`<li>${label} <b>${value}</b></li>`;
  return html`<header>
<h1><span id="pipeline-name">${view.pipelineName}</span> · run <span id="run-id">${view.runId}</span> <span id="outcome" class="badge outcome-${view.outcome}">${view.outcome}</span></h1>
<ul class="facts">
${fact("steps", [...counts].map(([state, n]) => `${n} ${state}`).join(", ") || undefined)}
${fact("started", view.startTime === undefined ? undefined : new Date(view.startTime).toISOString())}
${fact("virtual time", view.virtualMs === undefined ? undefined : formatDuration(view.virtualMs))}
${fact("wall time", view.wallMs === undefined ? undefined : formatDuration(view.wallMs))}
${fact("logical date", view.logicalDate)}
${fact("concurrency", view.concurrency === undefined ? undefined : String(view.concurrency))}
</ul>
</header>`;
}

function timelineSection(view: RunView): Html | undefined {
  if (!view.steps.some((s) => s.fromMs !== undefined)) return undefined;
  return html`<section id="timeline"><h2>Timeline (virtual time)</h2>
<div class="scroll">${timelineSvg(view.steps, view.jobs, view.virtualMs ?? 0)}</div>
<ul class="legend">${LEGEND.map(([phase, label]) => html`<li><svg width="12" height="10" aria-hidden="true"><rect class="swatch phase-${phase}" width="12" height="10"/></svg> ${label}</li>`)}</ul>
</section>`;
}
