import { CLIENT_SCRIPT } from "./client-script.js";

/**
 * The dashboard's one page: server-rendered markup and styles, and the script that fills it from
 * the JSON routes (client-script.ts). Everything is inline, so the page needs nothing but this
 * server: no framework, no CDN, and it works offline.
 */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sagerun emulator</title>
<style>${STYLES}</style>
</head>
<body>
<header>
  <h1>sagerun <span>emulator</span></h1>
  <section id="clock" aria-label="Clock" data-testid="clock">
    <div><span class="label">Virtual clock</span> <time id="clock-now" data-testid="clock-now">…</time></div>
    <div id="clock-scale" class="muted"></div>
    <div id="clock-next" class="muted"></div>
    <form id="advance-form" data-testid="advance-form">
      <input id="advance-by" name="by" value="1m" size="8" aria-label="Advance by (e.g. 90s, 5m, 1h30m)" data-testid="advance-by">
      <button type="submit" data-testid="advance">Advance</button>
      <button type="button" id="advance-next" data-testid="advance-next">Next event</button>
    </form>
    <div id="clock-error" class="error" role="alert"></div>
  </section>
</header>
<nav>
  <a href="#resources" data-tab="resources">Resources</a>
  <a href="#timeline" data-tab="timeline">Timeline</a>
  <a href="#s3" data-tab="s3">S3</a>
  <a href="#logs" data-tab="logs">Logs</a>
  <a href="#faults" data-tab="faults">Faults &amp; rules</a>
</nav>
<main>
  <section id="tab-resources" data-testid="resources">
    <input id="filter" type="search" placeholder="Filter by name or status" aria-label="Filter resources" data-testid="filter">
    <div id="kinds"></div>
    <div id="detail" data-testid="detail"></div>
  </section>
  <section id="tab-timeline" hidden>
    <div id="legend"></div>
    <div id="timeline-chart" data-testid="timeline"></div>
  </section>
  <section id="tab-s3" hidden data-testid="s3">
    <div id="s3-path"></div>
    <div id="s3-list"></div>
    <div id="s3-preview" data-testid="s3-preview"></div>
  </section>
  <section id="tab-logs" hidden>
    <div id="log-streams"></div>
    <div id="log-events" data-testid="log-events"></div>
  </section>
  <section id="tab-faults" hidden data-testid="faults">
    <h2>Faults in force</h2>
    <div id="faults-list"></div>
    <h2>Rules in force</h2>
    <p class="muted">The first rule whose match fits a new resource fixes its durations, outcome and metrics; resources already
    created keep their plan. Replace them with <code>PUT /_sagerun/rules</code>.</p>
    <div id="rules-list" data-testid="rules-list"></div>
  </section>
</main>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

const STYLES = `
:root { --bg: #fafafa; --fg: #1d2330; --muted: #6b7280; --line: #e5e7eb; --accent: #2563eb; font: 14px/1.45 system-ui, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; padding: .8rem 1.2rem; background: #111827; color: #f9fafb; }
header h1 { margin: 0; font-size: 1.3rem; } header h1 span { color: #93c5fd; font-weight: 400; }
#clock { text-align: right; } #clock .label { color: #9ca3af; } #clock-now { font: 600 1.05rem ui-monospace, monospace; }
#clock .muted { color: #9ca3af; font-size: .85rem; }
#advance-form { margin-top: .3rem; } #advance-form input { font: inherit; padding: .15rem .3rem; }
button { font: inherit; padding: .2rem .6rem; border: 1px solid #94a3b8; border-radius: 4px; background: #f8fafc; cursor: pointer; }
nav { display: flex; gap: .2rem; padding: 0 1.2rem; background: #1f2937; }
nav a { color: #d1d5db; padding: .45rem .8rem; text-decoration: none; } nav a.active { color: #fff; border-bottom: 2px solid #60a5fa; }
main { padding: 1rem 1.2rem; }
h2 { font-size: 1.05rem; margin: 1rem 0 .4rem; } h2 small { color: var(--muted); font-weight: 400; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; } tr.row { cursor: pointer; } tr.row:hover { background: #eff6ff; }
#filter { font: inherit; padding: .35rem .5rem; width: 22rem; max-width: 100%; }
.status { display: inline-block; padding: 0 .45rem; border-radius: 9px; font-size: .8rem; background: #e5e7eb; }
.s-Completed, .s-InService, .s-Succeeded, .s-Active { background: #bbf7d0; } .s-Failed { background: #fecaca; }
.s-InProgress, .s-Executing, .s-Creating, .s-Updating, .s-Starting, .s-Executing { background: #bfdbfe; }
.s-Stopping, .s-Stopped, .s-Deleting { background: #fde68a; }
pre { background: #0f172a; color: #e2e8f0; padding: .7rem; border-radius: 6px; overflow: auto; max-height: 32rem; font-size: 12.5px; }
.muted { color: var(--muted); } .error { color: #b91c1c; }
a { color: var(--accent); } .crumbs a { margin-right: .2rem; }
#detail { margin-top: 1rem; }
.dag { display: flex; gap: 2.2rem; align-items: flex-start; overflow-x: auto; padding: .6rem 0; }
.dag-col { display: flex; flex-direction: column; gap: .7rem; }
.dag-node { min-width: 12rem; max-width: 24rem; border: 2px solid #cbd5e1; border-radius: 8px; padding: .45rem .6rem; background: #fff; }
.dag-node.s-Succeeded { border-color: #16a34a; } .dag-node.s-Failed { border-color: #dc2626; } .dag-node.s-Executing { border-color: #2563eb; }
.dag-node.s-Stopped, .dag-node.s-Stopping { border-color: #d97706; } .dag-node h3 { margin: 0; font-size: .95rem; }
.dag-node pre { white-space: pre-wrap; word-break: break-all; max-height: 10rem; } .dag-node .after { font-size: .8rem; color: var(--muted); }
.bar-label { font: 12px system-ui, sans-serif; fill: var(--fg); } .axis { font: 11px system-ui, sans-serif; fill: var(--muted); }
#legend span { display: inline-flex; align-items: center; gap: .25rem; margin-right: .8rem; font-size: .85rem; }
#legend i { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; }
.log-line { font: 12.5px ui-monospace, monospace; white-space: pre-wrap; } .log-line time { color: #94a3b8; margin-right: .6rem; }
`;
