import { formatDuration } from "../pipeline/progress-model.js";
import { clip, type Html, html } from "./html.js";
import type { JobPhase, JobView, StepView } from "./run-view.js";

const LABEL_W = 230;
const PLOT_W = 720;
const STEP_ROW = 22;
const JOB_ROW = 20;
const AXIS_H = 24;
const LABEL_CHARS = 34;
/** Tick spacings to pick from, in ms: the first giving at most 8 ticks. */
const TICKS = [1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400].map((s) => s * 1000);

/** `training` for a phase class: letters only, lower case, so any status names a class safely. */
function phaseClass(phase: JobPhase): string {
  return `phase-${(phase.secondaryStatus ?? phase.status).replace(/[^A-Za-z]/g, "").toLowerCase()}`;
}

/**
 * The run on the backend's clock as inline SVG: a row per step that ran (its bar from start to
 * settling, coloured by outcome), under it a row per job with a bar per phase as the status checks
 * saw it (Starting, Downloading, Training, …), and an axis in virtual time from the run's start.
 * Every bar carries its offsets in ms (`data-from-ms`, `data-to-ms`); a terminal status is a tick.
 */
export function timelineSvg(steps: readonly StepView[], jobs: readonly JobView[], totalMs: number): Html {
  const span = Math.max(totalMs, ...steps.map((s) => s.toMs ?? 0), ...jobs.flatMap((j) => j.phases.map((p) => p.toMs)), 1);
  const x = (ms: number): number => LABEL_W + Math.round((Math.max(0, ms) / span) * PLOT_W * 10) / 10;
  const rows: Html[] = [];
  let y = AXIS_H;
  for (const s of steps) {
    if (s.fromMs === undefined) continue;
    const toMs = s.toMs ?? span;
    rows.push(html`<g class="tl-step state-${s.state}" data-step="${s.id}">
<text x="4" y="${y + 15}" class="tl-label">${clip(s.id, LABEL_CHARS)}</text>
<rect class="step-bar" data-step="${s.id}" data-from-ms="${s.fromMs}" data-to-ms="${toMs}" x="${x(s.fromMs)}" y="${y + 5}" width="${Math.max(2, x(toMs) - x(s.fromMs))}" height="12" rx="2"><title>${s.id}: ${s.state}, ${formatDuration(s.fromMs)} → ${formatDuration(toMs)}</title></rect>
</g>`);
    y += STEP_ROW;
    for (const job of jobs.filter((j) => j.stepId === s.id)) {
      rows.push(jobRow(job, y, x));
      y += JOB_ROW;
    }
  }
  const height = y + 6;
  const width = LABEL_W + PLOT_W + 16;
  return html`<svg class="timeline" role="img" aria-label="The run's steps and jobs in virtual time" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
${axis(span, height, x)}
${rows}
</svg>`;
}

function jobRow(job: JobView, y: number, x: (ms: number) => number): Html {
  const bars = job.phases.map((p) => {
    const phase = p.secondaryStatus ?? p.status;
    const width = p.toMs > p.fromMs ? Math.max(1, x(p.toMs) - x(p.fromMs)) : 3;
    return html`<rect class="phase ${phaseClass(p)}" data-step="${job.stepId}" data-job="${job.jobName}" data-status="${p.status}" data-phase="${phase}" data-from-ms="${p.fromMs}" data-to-ms="${p.toMs}" x="${x(p.fromMs)}" y="${y + 3}" width="${width}" height="14"><title>${job.jobName}: ${p.status}${p.secondaryStatus === undefined || p.secondaryStatus === p.status ? "" : ` (${p.secondaryStatus})`}, ${formatDuration(p.fromMs)} → ${formatDuration(p.toMs)}</title></rect>`;
  });
  return html`<g class="tl-job" data-step="${job.stepId}" data-job="${job.jobName}">
<text x="16" y="${y + 14}" class="tl-label tl-job-label">${clip(job.jobName, LABEL_CHARS - 2)}</text>
${bars}
</g>`;
}

function axis(span: number, height: number, x: (ms: number) => number): Html {
  const step = TICKS.find((t) => span / t <= 8) ?? TICKS.at(-1)!;
  const ticks: Html[] = [];
  for (let ms = 0; ms <= span; ms += step) {
    ticks.push(
      html`<g class="tick"><line x1="${x(ms)}" y1="${AXIS_H - 6}" x2="${x(ms)}" y2="${height}"/><text x="${x(ms) + 2}" y="${AXIS_H - 10}">+${formatDuration(ms)}</text></g>`,
    );
  }
  return html`<g class="axis" data-tick-ms="${step}">${ticks}</g>`;
}
