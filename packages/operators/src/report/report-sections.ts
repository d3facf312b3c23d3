import type { PipelineCostEstimate } from "../cost/pipeline-cost.js";
import { causeText } from "../errors/format.js";
import { formatDuration } from "../pipeline/progress-model.js";
import { type Html, html } from "./html.js";
import type { RunView } from "./run-view.js";

const usd = (n: number | undefined): string => (n === undefined ? "unbounded" : `$${n.toFixed(4)}`);
/** A test-mode value as the terminal summary prints it: JSON. */
const shown = (value: unknown): string => (value === undefined ? "(none)" : (JSON.stringify(value) ?? String(value)));

/** Why the run stopped: each failed step with its reason, SageMaker's FailureReason and its job's last log lines. */
export function failureSection(view: RunView): Html | undefined {
  if (view.failures.length === 0 && view.runError === undefined) return undefined;
  const failures = view.failures.map(
    (f) => html`<article class="failure" data-step="${f.stepId}">
<h3>Step <code class="failed-step">${f.stepId}</code>${f.jobName === undefined ? "" : html` · job <code>${f.jobName}</code>`}</h3>
${f.failureReason === undefined ? "" : html`<p class="failure-reason"><strong>FailureReason:</strong> ${f.failureReason}</p>`}
<p class="reason">${f.reason}</p>
${
  f.logTail.length === 0
    ? html`<p class="muted">No log lines: run with the <code>logs</code> option to keep a failed job's last lines.</p>`
    : html`<h4>Last ${f.logTail.length} log lines</h4><pre class="log-tail">${f.logTail.map(
        (line) =>
          html`<span class="log-line" data-stream="${line.stream}"><span class="log-time">${isoTime(line.timestamp)}</span> ${line.message}</span>\n`,
      )}</pre>`
}
</article>`,
  );
  const title = view.outcome === "cancelled" ? "Cancelled" : "Failure";
  return html`<section id="failure"><h2>${title}</h2>
${view.runError === undefined ? "" : html`<p class="reason run-error">${view.runError}</p>`}
${failures}
</section>`;
}

function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/** What test mode changed in each step's job request. */
export function changesSection(view: RunView): Html | undefined {
  if (view.changes.length === 0) return undefined;
  return html`<section id="test-mode"><h2>Test-mode changes</h2>
<table><thead><tr><th>Step</th><th>Member</th><th>From</th><th>To</th><th>Why</th></tr></thead><tbody>
${view.changes.map(
  ({ stepId, change }) =>
    html`<tr class="change" data-step="${stepId}"><td>${stepId}</td><td><code>${change.path}</code></td><td><code>${shown(change.from)}</code></td><td><code>${shown(change.to)}</code></td><td>${change.why}</td></tr>`,
)}
</tbody></table></section>`;
}

/** Every output check with what it found and wanted. */
export function checksSection(view: RunView): Html | undefined {
  if (view.checks.length === 0) return undefined;
  return html`<section id="checks"><h2>Output checks</h2>
<table><thead><tr><th></th><th>Step</th><th>Check</th><th>Found</th><th>Expected</th></tr></thead><tbody>
${view.checks.map(
  ({ stepId, check }) =>
    html`<tr class="check ${check.ok ? "ok" : "not-ok"}" data-step="${stepId}" data-ok="${String(check.ok)}"><td>${check.ok ? "✓" : "✗"}</td><td>${stepId}</td><td>${check.check}</td><td class="found">${check.found}</td><td>${check.expected}</td></tr>`,
)}
</tbody></table></section>`;
}

/** The final metrics the jobs reported (FinalMetricDataList). */
export function metricsSection(view: RunView): Html | undefined {
  if (view.metrics.length === 0) return undefined;
  return html`<section id="metrics"><h2>Metrics</h2>
<table><thead><tr><th>Step</th><th>Metric</th><th class="num">Value</th></tr></thead><tbody>
${view.metrics.map(
  (m) =>
    html`<tr class="metric" data-step="${m.stepId}" data-metric="${m.name}"><td>${m.stepId}</td><td>${m.name}</td><td class="num">${m.value}</td></tr>`,
)}
</tbody></table></section>`;
}

/** The worst-case estimate the run was given, and what its finished jobs cost. */
export function costSection(view: RunView, estimate: PipelineCostEstimate | undefined): Html | undefined {
  if (estimate === undefined && view.costs.length === 0) return undefined;
  const priced = estimate?.steps[0]?.estimate.priceSource;
  const estimated =
    estimate === undefined
      ? ""
      : html`<h3>Estimate (worst case, before the run)</h3>
<table><thead><tr><th>Step</th><th>Instances</th><th class="num">USD/hour</th><th class="num">Runtime bound</th><th class="num">Worst case</th></tr></thead><tbody>
${estimate.steps.map(
  ({ stepId, estimate: e }) =>
    html`<tr class="estimate" data-step="${stepId}"><td>${stepId}</td><td>${e.instances.map((i) => `${i.instanceCount} × ${i.instanceType}`).join(", ")}</td><td class="num">${usd(e.hourlyUsd)}</td><td class="num">${e.seconds === undefined ? "none" : `${formatDuration(e.seconds * 1000)}${e.assumed ? " (assumed)" : ""}`}</td><td class="num">${usd(e.worstCaseUsd)}</td></tr>`,
)}
<tr class="total"><td colspan="4">Total</td><td class="num" id="estimate-total">${usd(estimate.worstCaseUsd)}</td></tr>
</tbody></table>
${priced === undefined ? "" : html`<p class="muted">Prices: ${priced.region}, ${priced.source}, as of ${priced.asOf}.</p>`}`;
  const actual =
    view.costs.length === 0
      ? ""
      : html`<h3>Actual (the finished jobs' billed time)</h3>
<table><thead><tr><th>Step</th><th>Job</th><th class="num">Billed</th><th class="num">USD</th></tr></thead><tbody>
${view.costs.map(
  (c) =>
    html`<tr class="actual" data-step="${c.stepId}"><td>${c.stepId}</td><td>${c.jobName}</td><td class="num">${formatDuration(c.billableSeconds * 1000)}</td><td class="num">${usd(c.usd)}</td></tr>`,
)}
<tr class="total"><td colspan="3">Total</td><td class="num" id="actual-total">${usd(view.costs.reduce((sum, c) => sum + c.usd, 0))}</td></tr>
</tbody></table>`;
  return html`<section id="cost"><h2>Cost on AWS</h2>${estimated}${actual}</section>`;
}

/** The teardowns the steps registered, as they went. */
export function teardownsSection(view: RunView): Html | undefined {
  if (view.teardowns.length === 0) return undefined;
  return html`<section id="teardowns"><h2>Teardowns</h2><ul>
${view.teardowns.map(
  (t) =>
    html`<li class="teardown teardown-${t.state}" data-step="${t.stepId}">${t.stepId}: ${t.label} — ${t.state}${t.state === "failed" ? `: ${causeText(t.error)}` : ""}</li>`,
)}
</ul></section>`;
}
