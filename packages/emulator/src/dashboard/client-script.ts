/**
 * The dashboard's script, sent inline with the page (page.ts): plain browser JavaScript with no
 * dependency, kept as a string so the package ships it without a build step of its own. It polls
 * the JSON routes (routes.ts) once a second and redraws what is on screen; it moves the clock
 * through the admin route POST /_sagerun/clock/advance. It builds every node with textContent,
 * never innerHTML, so a resource's fields cannot inject markup. (No backticks or dollar-brace in
 * here: the string is a template literal.)
 */
export const CLIENT_SCRIPT = String.raw`
"use strict";
(function () {
  var API = "/_sagerun/ui/api/";
  var ui = { tab: "resources", state: null, timeline: null, selected: null, detailKey: null, s3: null, stream: null, dag: null };
  var $ = function (id) { return document.getElementById(id); };

  function h(tag, attrs, children) {
    var node = tag === "svg" || tag === "rect" || tag === "line" || tag === "text" || tag === "g" || tag === "title"
      ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    });
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
    });
    return node;
  }
  function fill(node, children) { node.replaceChildren.apply(node, [].concat(children).filter(function (c) { return c; })); }
  function iso(ms) { return new Date(ms).toISOString().replace(".000Z", "Z"); }
  function clockText(ms) { return new Date(ms).toISOString().slice(11, 19); }
  function status(text) { return text ? h("span", { class: "status s-" + text, "data-status": text }, text) : ""; }
  function seconds(ms) {
    var s = Math.round(ms / 1000), out = [];
    [[86400, "d"], [3600, "h"], [60, "m"], [1, "s"]].forEach(function (u) { if (s >= u[0]) { out.push(Math.floor(s / u[0]) + u[1]); s %= u[0]; } });
    return out.length ? out.join(" ") : "0s";
  }
  async function get(path) {
    var response = await fetch(API + path, { cache: "no-store" });
    var body = await response.json();
    if (!response.ok) throw new Error(body.message || body.Message || ("HTTP " + response.status));
    return body;
  }
  function q(params) {
    return Object.keys(params).map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]); }).join("&");
  }

  // ---- the clock -------------------------------------------------------------------------------
  /** "90", "90s", "5m", "1h30m", "2d": seconds, or NaN. */
  function parseDuration(text) {
    var t = String(text).trim().toLowerCase();
    if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
    var re = /(\d+(?:\.\d+)?)\s*(d|h|m|s)/g, total = 0, used = "", m;
    var unit = { d: 86400, h: 3600, m: 60, s: 1 };
    while ((m = re.exec(t))) { total += Number(m[1]) * unit[m[2]]; used += m[0]; }
    return used.replace(/\s/g, "") === t.replace(/\s/g, "") && used ? total : NaN;
  }
  async function advance(secondsBy) {
    $("clock-error").textContent = "";
    var response = await fetch("/_sagerun/clock/advance", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds: secondsBy }),
    });
    if (!response.ok) { var body = await response.json(); $("clock-error").textContent = body.message || body.Message || "refused"; }
    await refresh();
  }
  $("advance-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var by = parseDuration($("advance-by").value);
    if (!(by >= 0)) { $("clock-error").textContent = "Say how far: 90s, 5m, 1h30m, 2d or a number of seconds."; return; }
    advance(by);
  });
  $("advance-next").addEventListener("click", function () {
    var clock = ui.state && ui.state.clock;
    if (clock && clock.nextEvent !== undefined) advance(Math.max(0, (clock.nextEvent - clock.now) / 1000));
  });
  function renderClock(clock) {
    $("clock-now").textContent = iso(clock.now);
    $("clock-now").setAttribute("datetime", iso(clock.now));
    $("clock-scale").textContent = clock.scale !== undefined
      ? "time scale: " + clock.scale + " virtual s per real s" : "virtual time: moves when advanced";
    $("clock-next").textContent = clock.nextEvent !== undefined
      ? "next event " + iso(clock.nextEvent) + " (in " + seconds(clock.nextEvent - clock.now) + ")" : "no event scheduled";
    $("advance-next").disabled = clock.nextEvent === undefined || !clock.advanceable;
    $("advance-form").querySelector("button[type=submit]").disabled = !clock.advanceable;
  }

  // ---- resources -------------------------------------------------------------------------------
  function findByArn(arn) {
    var found = null;
    (ui.state ? ui.state.kinds : []).forEach(function (kind) {
      kind.resources.forEach(function (r) { if (r.arn === arn) found = { kind: kind.key, name: r.name, arn: r.arn }; });
    });
    return found;
  }
  function select(kind, arn) { ui.selected = { kind: kind, arn: arn }; show("resources"); renderDetail(); $("detail").scrollIntoView(); }
  function renderResources() {
    var filter = $("filter").value.trim().toLowerCase();
    fill($("kinds"), ui.state.kinds.map(function (kind) {
      var rows = kind.resources.filter(function (r) {
        return !filter || r.name.toLowerCase().indexOf(filter) >= 0 || (r.status || "").toLowerCase().indexOf(filter) >= 0;
      });
      if (filter && rows.length === 0) return null;
      return h("div", { "data-kind": kind.key }, [
        h("h2", {}, [kind.title + " ", h("small", {}, "(" + kind.resources.length + ")")]),
        rows.length === 0 ? h("p", { class: "muted" }, "None.") : h("table", {}, [
          h("tr", {}, [h("th", {}, "Name"), h("th", {}, "Status"), h("th", {}, "Created")]),
        ].concat(rows.map(function (r) {
          return h("tr", { class: "row", "data-testid": "resource", "data-name": r.name, onclick: function () { select(kind.key, r.arn); } }, [
            h("td", {}, h("a", { href: "#resources" }, r.name)), h("td", {}, status(r.status)), h("td", {}, r.created || ""),
          ]);
        }))),
      ]);
    }));
  }
  function logStreamsOf(name) {
    var found = [];
    (ui.state ? ui.state.logGroups : []).forEach(function (g) {
      g.logStreams.forEach(function (s) { if (s.logStreamName.indexOf(name + "/") === 0) found.push({ group: g.logGroupName, stream: s.logStreamName }); });
    });
    return found;
  }
  function renderDetail() {
    var sel = ui.selected, kind = null, row = null;
    if (!sel || !ui.state) return fill($("detail"), []);
    ui.state.kinds.forEach(function (k) { k.resources.forEach(function (r) { if (r.arn === sel.arn) { kind = k; row = r; } }); });
    if (!row) return fill($("detail"), h("p", { class: "muted" }, "That resource is gone."));
    var streams = logStreamsOf(row.name);
    // Redrawn only when what it shows changed, so a reader's selection and scroll survive the polls.
    var bar = (ui.timeline ? ui.timeline.bars : []).filter(function (b) { return b.arn === row.arn; })[0];
    var key = JSON.stringify([row.arn, row.describe, streams, bar && bar.steps]);
    if (key === ui.detailKey && $("detail").hasChildNodes()) return;
    ui.detailKey = key;
    fill($("detail"), [
      h("h2", {}, [kind.title.replace(/s$/, "") + ": " + row.name + " ", status(row.status)]),
      streams.length ? h("p", {}, ["Logs: "].concat(streams.map(function (s) {
        return h("a", { href: "#logs", "data-testid": "open-logs", onclick: function (e) { e.preventDefault(); openStream(s.group, s.stream); } }, s.stream + " ");
      }))) : null,
      kind.key === "pipelineExecutions" ? h("div", { id: "dag", "data-testid": "dag" }) : null,
      h("h2", {}, ["Describe ", h("small", {}, "as SageMaker answers it")]),
      h("pre", { "data-testid": "describe" }, JSON.stringify(row.describe, null, 2)),
    ]);
    if (kind.key === "pipelineExecutions") loadDag(row.arn);
  }
  async function loadDag(arn) {
    try { ui.dag = await get("dag?" + q({ arn: arn })); } catch (error) { ui.dag = { error: String(error.message) }; }
    var box = $("dag");
    if (box) renderDag(box, ui.dag);
  }
  function renderDag(box, dag) {
    if (dag.error) return fill(box, h("p", { class: "error" }, dag.error));
    var columns = [];
    dag.nodes.forEach(function (n) { (columns[n.level] = columns[n.level] || []).push(n); });
    fill(box, h("div", { class: "dag" }, columns.map(function (col) {
      return h("div", { class: "dag-col" }, col.map(function (n) {
        var step = n.step || {};
        return h("div", { class: "dag-node s-" + (step.StepStatus || "NotStarted"), "data-testid": "dag-step", "data-step": n.name }, [
          h("h3", {}, n.name), h("div", { class: "muted" }, n.type), status(step.StepStatus || "NotStarted"),
          n.after.length ? h("div", { class: "after" }, "after " + n.after.join(", ")) : null,
          step.StartTime ? h("div", { class: "muted" }, clockText(Date.parse(step.StartTime)) + (step.EndTime ? " – " + clockText(Date.parse(step.EndTime)) : " – running")) : null,
          step.FailureReason ? h("div", { class: "error" }, step.FailureReason) : null,
          step.Metadata && Object.keys(step.Metadata).length ? h("pre", {}, JSON.stringify(step.Metadata, null, 1)) : null,
        ].concat(n.links.map(function (arn) {
          var target = findByArn(arn);
          return target ? h("a", { href: "#resources", "data-testid": "dag-link", onclick: function (e) { e.preventDefault(); select(target.kind, arn); } }, "open " + target.name) : null;
        })));
      }));
    })));
  }
  $("filter").addEventListener("input", function () { if (ui.state) renderResources(); });

  // ---- the timeline ----------------------------------------------------------------------------
  var COLOURS = {
    Starting: "#93c5fd", Downloading: "#a5b4fc", Training: "#3b82f6", Uploading: "#818cf8", Processing: "#3b82f6",
    Transforming: "#3b82f6", Tuning: "#3b82f6", Executing: "#60a5fa", Creating: "#93c5fd", Updating: "#a5b4fc",
    InService: "#22c55e", Completed: "#16a34a", Succeeded: "#16a34a", Failed: "#dc2626", Stopping: "#f59e0b",
    Stopped: "#d97706", Interrupted: "#f97316", MaxRuntimeExceeded: "#d97706", MaxWaitTimeExceeded: "#d97706",
    Deleting: "#fca5a5", Earlier: "#d1d5db", Restarting: "#fbbf24", Pending: "#cbd5e1", Retrying: "#fbbf24",
  };
  function colour(phase) { return COLOURS[phase] || "#94a3b8"; }
  function renderTimeline() {
    var data = ui.timeline, box = $("timeline-chart");
    if (!data) return;
    if (data.bars.length === 0) return fill(box, h("p", { class: "muted" }, "No job, endpoint or pipeline execution yet."));
    var rows = [];
    data.bars.forEach(function (bar) {
      rows.push({ bar: bar, label: bar.name, parts: bar.phases.map(function (p) { return { phase: p.phase, start: p.start, end: p.end, message: p.message }; }) });
      (bar.steps || []).forEach(function (s) { rows.push({ step: s, bar: bar, label: "  " + s.name, parts: [{ phase: s.status, start: s.start, end: s.end }] }); });
    });
    var t0 = Math.min.apply(null, data.bars.map(function (b) { return b.start; }));
    var t1 = Math.max.apply(null, [data.now].concat(data.bars.map(function (b) { return b.end; })));
    var span = Math.max(1000, t1 - t0), pad = span * 0.03;
    t0 -= pad; t1 += pad;
    var width = Math.max(720, box.clientWidth || 1000), left = 230, right = 120, rowH = 26, top = 28;
    var height = top + rows.length * rowH + 10;
    var x = function (t) { return left + ((t - t0) / (t1 - t0)) * (width - left - right); };
    var parts = [];
    for (var i = 0; i <= 6; i++) {
      var t = t0 + ((t1 - t0) * i) / 6;
      parts.push(h("line", { x1: x(t), x2: x(t), y1: top - 6, y2: height, stroke: "#e5e7eb" }));
      parts.push(h("text", { class: "axis", x: x(t), y: 14, "text-anchor": "middle" }, clockText(t)));
    }
    rows.forEach(function (row, r) {
      var y = top + r * rowH;
      parts.push(h("text", { class: "bar-label", x: row.step ? 18 : 6, y: y + 16 }, (row.step ? "↳ " + row.step.name : row.label).slice(0, 34)));
      row.parts.forEach(function (p) {
        var w = Math.max(3, x(p.end) - x(p.start));
        parts.push(h("rect", {
          x: x(p.start), y: y + 4, width: w, height: row.step ? 14 : 18, rx: 2, fill: colour(p.phase),
          "data-testid": "phase", "data-bar": row.step ? row.bar.name + "/" + row.step.name : row.bar.name, "data-phase": p.phase,
          "data-start": iso(p.start), "data-end": iso(p.end),
        }, h("title", {}, (row.step ? row.step.name : row.bar.name) + ": " + p.phase + "\n" + iso(p.start) + " → " + iso(p.end) + " (" + seconds(p.end - p.start) + ")" + (p.message ? "\n" + p.message : ""))));
      });
      if (!row.step) {
        var end = row.parts.length ? row.parts[row.parts.length - 1].end : row.bar.end;
        parts.push(h("text", { class: "axis", x: x(end) + 6, y: y + 16 }, row.bar.status));
      }
    });
    parts.push(h("line", { x1: x(data.now), x2: x(data.now), y1: top - 8, y2: height, stroke: "#dc2626", "stroke-width": 2, "data-testid": "now-line", "data-now": iso(data.now) }));
    parts.push(h("text", { class: "axis", x: x(data.now) + 4, y: top - 2, fill: "#dc2626" }, "now"));
    fill(box, h("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "Timeline on the virtual clock" }, parts));
  }
  fill($("legend"), Object.keys(COLOURS).filter(function (k) { return ["Starting", "Downloading", "Training", "Uploading", "Completed", "Failed", "Stopped", "InService", "Executing", "Succeeded"].indexOf(k) >= 0; })
    .map(function (k) { return h("span", {}, [h("i", { style: "background:" + colour(k) }), k]); }));

  // ---- S3 --------------------------------------------------------------------------------------
  function openS3(bucket, prefix) { ui.s3 = bucket === undefined ? null : { bucket: bucket, prefix: prefix || "" }; fill($("s3-preview"), []); renderS3(); }
  async function renderS3() {
    var crumbs = [h("a", { href: "#s3", onclick: function (e) { e.preventDefault(); openS3(); } }, "Buckets")];
    if (!ui.s3) {
      fill($("s3-path"), h("div", { class: "crumbs" }, crumbs));
      return fill($("s3-list"), (ui.state.s3Buckets.length === 0 ? h("p", { class: "muted" }, "No bucket yet.") : h("table", {}, [
        h("tr", {}, [h("th", {}, "Bucket"), h("th", {}, "Objects"), h("th", {}, "Created")]),
      ].concat(ui.state.s3Buckets.map(function (b) {
        return h("tr", { class: "row", "data-testid": "bucket", onclick: function () { openS3(b.name, ""); } }, [h("td", {}, h("a", { href: "#s3" }, b.name)), h("td", {}, b.objects), h("td", {}, b.creationDate)]);
      })))));
    }
    var at = ui.s3, path = "";
    crumbs.push(" / ", h("a", { href: "#s3", onclick: function (e) { e.preventDefault(); openS3(at.bucket, ""); } }, at.bucket));
    at.prefix.split("/").filter(Boolean).forEach(function (part) {
      path += part + "/";
      var here = path;
      crumbs.push(" / ", h("a", { href: "#s3", onclick: function (e) { e.preventDefault(); openS3(at.bucket, here); } }, part));
    });
    fill($("s3-path"), h("div", { class: "crumbs" }, crumbs));
    var listing;
    try { listing = await get("s3?" + q({ bucket: at.bucket, prefix: at.prefix })); } catch (error) { return fill($("s3-list"), h("p", { class: "error" }, error.message)); }
    fill($("s3-list"), h("table", {}, [h("tr", {}, [h("th", {}, "Key"), h("th", {}, "Size"), h("th", {}, "Last modified"), h("th", {}, "")])]
      .concat(listing.prefixes.map(function (p) {
        return h("tr", { class: "row", "data-testid": "s3-prefix", onclick: function () { openS3(at.bucket, p); } }, [h("td", {}, h("a", { href: "#s3" }, p.slice(at.prefix.length))), h("td", {}, ""), h("td", {}, ""), h("td", {}, "")]);
      }))
      .concat(listing.objects.map(function (o) {
        var href = API + "object?" + q({ bucket: at.bucket, key: o.key, download: "1" });
        return h("tr", { class: "row", "data-testid": "s3-object", "data-key": o.key, onclick: function () { preview(at.bucket, o.key); } }, [
          h("td", {}, h("a", { href: "#s3" }, o.key.slice(at.prefix.length))), h("td", {}, o.size + " B"), h("td", {}, o.lastModified),
          h("td", {}, h("a", { href: href, download: o.key.split("/").pop(), "data-testid": "download", onclick: function (e) { e.stopPropagation(); } }, "download")),
        ]);
      }))));
  }
  async function preview(bucket, key) {
    var box = $("s3-preview"), p;
    try { p = await get("object?" + q({ bucket: bucket, key: key })); } catch (error) { return fill(box, h("p", { class: "error" }, error.message)); }
    var head = h("h2", {}, [key + " ", h("small", {}, p.contentType + ", " + p.size + " bytes" + (p.truncated ? ", first 64 KiB shown" : ""))]);
    var text = p.text, body;
    var binary = /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 2048)) || (text.match(/\uFFFD/g) || []).length > 8;
    if (binary) body = h("p", { class: "muted" }, "Binary content: download it to look inside.");
    else if (/json/.test(p.contentType) || /\.json$/i.test(key)) {
      try { body = h("pre", {}, JSON.stringify(JSON.parse(text), null, 2)); } catch (e) { body = h("pre", {}, text); }
    } else if (/csv/.test(p.contentType) || /\.csv$/i.test(key)) {
      var lines = text.split(/\r?\n/).filter(Boolean).slice(0, 50);
      body = h("table", { "data-testid": "csv" }, lines.map(function (line) { return h("tr", {}, line.split(",").map(function (cell) { return h("td", {}, cell); })); }));
    } else body = h("pre", {}, text);
    fill(box, [head, body]);
  }

  // ---- logs ------------------------------------------------------------------------------------
  function openStream(group, stream) { ui.stream = { group: group, stream: stream }; show("logs"); renderLogs(); }
  async function renderLogs() {
    fill($("log-streams"), ui.state.logGroups.length === 0 ? h("p", { class: "muted" }, "No log group yet.") : ui.state.logGroups.map(function (g) {
      return h("div", {}, [h("h2", {}, g.logGroupName), h("table", {}, [h("tr", {}, [h("th", {}, "Stream"), h("th", {}, "Events")])].concat(g.logStreams.map(function (s) {
        return h("tr", { class: "row", "data-testid": "log-stream", "data-stream": s.logStreamName, onclick: function () { openStream(g.logGroupName, s.logStreamName); } }, [h("td", {}, h("a", { href: "#logs" }, s.logStreamName)), h("td", {}, s.events)]);
      })))]);
    }));
    if (!ui.stream) return fill($("log-events"), []);
    var at = ui.stream, read;
    try { read = await get("logs?" + q({ group: at.group, stream: at.stream })); } catch (error) { return fill($("log-events"), h("p", { class: "error" }, error.message)); }
    fill($("log-events"), [h("h2", {}, [at.stream + " ", h("small", {}, at.group)])].concat(read.events.length === 0 ? [h("p", { class: "muted" }, "No events yet.")] : read.events.map(function (e) {
      return h("div", { class: "log-line", "data-testid": "log-line" }, [h("time", {}, iso(e.timestamp)), e.message]);
    })));
  }

  // ---- faults ----------------------------------------------------------------------------------
  function renderFaults() {
    fill($("faults-list"), ui.state.faults.length === 0 ? h("p", { class: "muted" }, "None: every request is answered as the service would.")
      : h("pre", { "data-testid": "faults-json" }, JSON.stringify(ui.state.faults, null, 2)));
    renderRules();
  }
  /** A pattern as GET /_sagerun/rules writes it: a string matches exactly, {regex, flags} as a RegExp. */
  function patternText(value) { return typeof value === "string" ? JSON.stringify(value) : "/" + value.regex + "/" + (value.flags || ""); }
  function ruleMatch(match) {
    var parts = [];
    ["name", "image"].forEach(function (key) { if (match[key] !== undefined) parts.push(key + " " + patternText(match[key])); });
    Object.keys(match.hyperParameters || {}).forEach(function (key) { parts.push("hyperParameters." + key + " " + patternText(match.hyperParameters[key])); });
    return parts.length ? parts.map(function (p) { return h("div", {}, p); }) : h("span", { class: "muted" }, "every resource");
  }
  function ruleOutcome(outcome) {
    // No outcome: the job completes (EmulatorRule.outcome).
    if (!outcome) return h("span", { class: "muted" }, "Completed (default)");
    return [status(outcome.status),
      outcome.failureReason !== undefined ? h("div", {}, outcome.failureReason) : null,
      outcome.afterSeconds !== undefined ? h("div", { class: "muted" }, "after " + outcome.afterSeconds + " s of the main phase") : null];
  }
  function pairs(object, text) {
    var keys = Object.keys(object || {});
    return keys.length ? keys.map(function (key) { return h("div", {}, text(key, object[key])); }) : h("span", { class: "muted" }, "default");
  }
  function renderRules() {
    var rules = ui.state.rules;
    fill($("rules-list"), rules.length === 0 ? h("p", { class: "muted" }, "None: each new resource gets the emulator's durations and completes.") : [
      h("table", { "data-testid": "rules" }, [h("tr", {}, ["#", "Match", "Durations", "Outcome", "Metrics"].map(function (t) { return h("th", {}, t); }))].concat(rules.map(function (rule, i) {
        return h("tr", { "data-testid": "rule", "data-index": i }, [
          h("td", {}, i + 1),
          h("td", { "data-cell": "match" }, ruleMatch(rule.match || {})),
          h("td", { "data-cell": "durations" }, pairs(rule.durations, function (phase, s) { return phase.replace(/Seconds$/, "") + " " + s + " s"; })),
          h("td", { "data-cell": "outcome" }, ruleOutcome(rule.outcome)),
          h("td", { "data-cell": "metrics" }, pairs(rule.metrics, function (metric, value) { return metric + " = " + value; })),
        ]);
      }))),
      h("details", {}, [h("summary", {}, "As JSON (the body of PUT /_sagerun/rules)"), h("pre", { "data-testid": "rules-json" }, JSON.stringify({ rules: rules }, null, 2))]),
    ]);
  }

  // ---- tabs and polling ------------------------------------------------------------------------
  function show(tab) {
    ui.tab = tab;
    if (location.hash !== "#" + tab) history.replaceState(null, "", "#" + tab);
    ["resources", "timeline", "s3", "logs", "faults"].forEach(function (t) { $("tab-" + t).hidden = t !== tab; });
    document.querySelectorAll("nav a").forEach(function (a) { a.classList.toggle("active", a.getAttribute("data-tab") === tab); });
    draw();
  }
  document.querySelectorAll("nav a").forEach(function (a) {
    a.addEventListener("click", function (e) { e.preventDefault(); show(a.getAttribute("data-tab")); });
  });
  function draw() {
    if (!ui.state) return;
    if (ui.tab === "resources") { renderResources(); renderDetail(); }
    if (ui.tab === "timeline") renderTimeline();
    if (ui.tab === "s3" && !$("s3-list").hasChildNodes()) renderS3();
    if (ui.tab === "logs") renderLogs();
    if (ui.tab === "faults") renderFaults();
  }
  var refreshing = null;
  async function refresh() {
    if (refreshing) return refreshing;
    refreshing = (async function () {
      try {
        var both = await Promise.all([get("state"), get("timeline")]);
        ui.state = both[0]; ui.timeline = both[1];
        renderClock(ui.state.clock);
        document.body.setAttribute("data-now", iso(ui.state.clock.now));
        draw();
      } catch (error) { $("clock-error").textContent = String(error.message || error); }
    })();
    try { await refreshing; } finally { refreshing = null; }
  }
  show((location.hash || "#resources").slice(1).split("/")[0] || "resources");
  refresh();
  setInterval(refresh, 1000);
})();
`;
