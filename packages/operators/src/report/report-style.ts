/** The report's stylesheet, inline: the file must open offline, from a CI artifact, with nothing to fetch. */
export const REPORT_CSS = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #6e7781; --line: #d0d7de; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0 auto; padding: 24px; max-width: 1040px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 15px; margin: 14px 0 6px; } h4 { font-size: 13px; margin: 10px 0 4px; color: var(--muted); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 600; font-size: 13px; }
.outcome-succeeded { background: var(--ok); } .outcome-failed, .outcome-incomplete { background: var(--bad); } .outcome-cancelled { background: var(--warn); }
.facts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 10px 0 0; padding: 0; list-style: none; color: var(--muted); }
.facts b { color: #1f2328; font-weight: 600; }
.muted { color: var(--muted); }
.failure { border-left: 4px solid var(--bad); background: #fff5f5; padding: 8px 14px; margin: 10px 0; }
.reason { font-weight: 600; white-space: pre-wrap; overflow-wrap: anywhere; }
.failure-reason { overflow-wrap: anywhere; }
pre.log-tail { background: #0d1117; color: #e6edf3; padding: 10px; overflow-x: auto; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.log-time { color: #7d8590; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: break-word; }
th { background: var(--bg); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.not-ok td { color: var(--bad); font-weight: 600; } tr.ok td:first-child { color: var(--ok); } tr.total td { font-weight: 600; }
.scroll { overflow-x: auto; }
svg.dag { max-width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
.node rect { fill: #fff; stroke: var(--muted); stroke-width: 1.5; } .node .node-state { fill: var(--muted); font-size: 11px; } .node .node-id { font-weight: 600; }
.node.state-succeeded rect { fill: #dafbe1; stroke: var(--ok); } .node.state-failed rect { fill: #ffebe9; stroke: var(--bad); stroke-width: 2.5; }
.node.state-skipped rect, .node.state-cancelled rect { fill: #fff8c5; stroke: var(--warn); stroke-dasharray: 4 3; } .node.state-running rect { fill: #ddf4ff; stroke: #0969da; }
.edge { fill: none; stroke: #8c959f; stroke-width: 1.5; } .arrow-head { fill: #8c959f; }
.axis line { stroke: #eaeef2; } .axis text { fill: var(--muted); font-size: 11px; }
.tl-job-label { fill: var(--muted); font-size: 11px; }
.step-bar { fill: #8c959f; } .state-succeeded .step-bar { fill: var(--ok); } .state-failed .step-bar { fill: var(--bad); } .state-cancelled .step-bar { fill: var(--warn); }
.phase { fill: #afb8c1; } .phase-starting, .phase-pending { fill: #d4a72c; } .phase-downloading { fill: #54aeff; } .phase-training, .phase-inprogress { fill: #0969da; }
.phase-uploading { fill: #8250df; } .phase-completed { fill: var(--ok); } .phase-failed { fill: var(--bad); } .phase-stopping, .phase-stopped, .phase-maxruntimeexceeded { fill: var(--warn); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; color: var(--muted); font-size: 12px; margin: 6px 0 0; padding: 0; list-style: none; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
`;
