import { describe, expect, it } from "vitest";
import { estimatePipelineCost } from "../src/cost/pipeline-cost.js";
import { trainingJob } from "../src/job-kinds/training.js";
import { PipelineFailedError } from "../src/pipeline/pipeline-failed-error.js";
import { pipelineReport } from "../src/report/pipeline-report.js";
import { trainingJobRequest } from "./fixtures.js";
import { byClass, byId, elements, textOf } from "./report-html.js";
import { PLAIN, scenario } from "./report-scenario.js";

const attrs = (html: string, name: string, keys: readonly string[]) => byClass(html, name).map((e) => keys.map((k) => e.attrs[k]));

describe("pipelineReport", () => {
  const { events, outcome, lines } = scenario();
  const page = pipelineReport(events, outcome);

  it("is one page with its style inline, and nothing to fetch or run", () => {
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    const tags = elements(page);
    expect(tags.filter((e) => e.tag === "script" || e.tag === "link" || e.tag === "img" || e.tag === "iframe")).toEqual([]);
    expect(tags.filter((e) => e.attrs.src !== undefined || (e.attrs.href !== undefined && !e.attrs.href.startsWith("#")))).toEqual([]);
    expect(tags.find((e) => e.tag === "meta" && e.attrs["http-equiv"] === "Content-Security-Policy")?.attrs.content).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(tags.filter((e) => e.tag === "style")).toHaveLength(1);
    expect(byId(page, "outcome")?.attrs.class).toBe("badge outcome-failed");
    expect(textOf(byId(page, "pipeline-name"))).toBe("nightly");
  });

  it("draws every step of the DAG with its outcome, laid out by depth, and an edge per dependency", () => {
    const nodes = byClass(page, "node");
    expect(nodes.map((n) => [n.attrs["data-step"], n.attrs["data-state"], n.attrs.class])).toEqual([
      ["prepare", "succeeded", "node state-succeeded"],
      ["train", "failed", "node state-failed"],
      ["model", "skipped", "node state-skipped"],
      ["side", "succeeded", "node state-succeeded"],
    ]);
    const x = Object.fromEntries(nodes.map((n) => [n.attrs["data-step"], Number(/translate\((\d+),/.exec(n.attrs.transform!)![1])]));
    expect(x.prepare).toBe(x.side);
    expect(x.prepare).toBeLessThan(x.train!);
    expect(x.train).toBeLessThan(x.model!);
    expect(attrs(page, "edge", ["data-from", "data-to"])).toEqual([
      ["prepare", "train"],
      ["train", "model"],
    ]);
  });

  it("puts each job phase on the timeline at its virtual offset from the run's start, the terminal status a tick", () => {
    expect(attrs(page, "phase", ["data-job", "data-phase", "data-from-ms", "data-to-ms"])).toEqual([
      ["nightly-r1-train", "Starting", "1000", "31000"],
      ["nightly-r1-train", "Downloading", "31000", "61000"],
      ["nightly-r1-train", "Training", "61000", "121000"],
      ["nightly-r1-train", "Failed", "121000", "121000"],
    ]);
    // In the pipeline's order; model never started, so it has no bar.
    expect(attrs(page, "step-bar", ["data-step", "data-from-ms", "data-to-ms"])).toEqual([
      ["prepare", "0", "1000"],
      ["train", "1000", "126000"],
      ["side", "0", "2000"],
    ]);
    // Bars are placed in proportion: Training (60 s) is twice as wide as Downloading (30 s).
    const width = (phase: string) => Number(byClass(page, "phase").find((e) => e.attrs["data-phase"] === phase)!.attrs.width);
    expect(width("Training") / width("Downloading")).toBeCloseTo(2, 1);
  });

  it("names the failed step, its reason, SageMaker's FailureReason and the job's last log lines", () => {
    const [failure, ...others] = byClass(page, "failure");
    expect(others).toEqual([]);
    expect(failure!.attrs["data-step"]).toBe("train");
    const inner = failure!.inner;
    expect(textOf(byClass(inner, "failed-step")[0])).toBe("train");
    expect(textOf(byClass(inner, "failure-reason")[0])).toBe("FailureReason: AlgorithmError: boom");
    expect(textOf(byClass(inner, "reason")[0])).toMatch(
      /^JobFailedError: Training job 'nightly-r1-train' failed \(status Failed\): AlgorithmError: boom\./,
    );
    expect(byClass(inner, "log-line").map((l) => textOf(l))).toEqual(
      lines.map((l) => `${new Date(l.timestamp).toISOString()} ${l.message}`),
    );
  });

  it("shows test mode's changes, the output checks with what they found, the metrics and what the finished jobs cost", () => {
    expect(
      byClass(page, "change").map((r) => [
        r.attrs["data-step"],
        ...elements(r.inner)
          .filter((e) => e.tag === "td")
          .map(textOf),
      ]),
    ).toEqual([
      ["side", "side", "ResourceConfig.InstanceType", '"ml.m5.4xlarge"', '"ml.m5.large"', "the smallest size of its family in test mode"],
    ]);
    expect(byClass(page, "check").map((r) => [r.attrs["data-ok"], textOf(byClass(r.inner, "found")[0])])).toEqual([["true", "0.93"]]);
    expect(byClass(page, "metric").map((r) => [r.attrs["data-step"], r.attrs["data-metric"], textOf(byClass(r.inner, "num")[0])])).toEqual([
      ["side", "validation:auc", "0.93"],
    ]);
    // us-east-1 on-demand: ml.m5.large $0.115/h × 120 s; ml.m5.xlarge $0.23/h × 2 × 600 s.
    expect(byClass(page, "actual").map((r) => r.attrs["data-step"])).toEqual(["train", "side"]);
    expect(textOf(byId(page, "actual-total"))).toBe(`$${(0.115 * (120 / 3600) + 0.23 * 2 * (600 / 3600)).toFixed(4)}`);
  });

  it("shows the run's estimate when it has one, step by step, with its total", () => {
    const estimate = estimatePipelineCost([
      { stepId: "train", kind: trainingJob, request: trainingJobRequest({ StoppingCondition: { MaxRuntimeInSeconds: 3600 } }) },
    ]);
    const withCost = pipelineReport(events, outcome, { costEstimate: estimate });
    expect(byClass(withCost, "estimate").map((r) => r.attrs["data-step"])).toEqual(["train"]);
    expect(textOf(byId(withCost, "estimate-total"))).toBe(`$${estimate.worstCaseUsd!.toFixed(4)}`);
    expect(byId(page, "estimate-total")).toBeUndefined();
  });

  it("takes the step's last job-log events as its log tail when its error has none (a SageMaker Pipelines step), up to logTailLines", () => {
    const bare = scenario();
    const error = new Error("SageMaker Pipelines step 'train' ended Failed: AlgorithmError: boom");
    const run = {
      ...(bare.outcome as { error: PipelineFailedError }).error.run,
      steps: {
        ...(bare.outcome as { error: PipelineFailedError }).error.run.steps,
        train: { state: "failed" as const, error, virtualMs: 1, wallMs: 1 },
      },
    };
    const report = pipelineReport(
      bare.events,
      { error: new PipelineFailedError({ run, failedSteps: ["train"], cause: error }) },
      { logTailLines: 2 },
    );
    const failure = byClass(report, "failure")[0]!;
    expect(textOf(byClass(failure.inner, "reason")[0])).toBe(`Error: ${error.message}`);
    expect(byClass(failure.inner, "failure-reason")).toEqual([]);
    expect(byClass(failure.inner, "log-line").map((l) => textOf(l).split(" ").slice(1).join(" "))).toEqual(PLAIN.logLines.slice(-2));
  });

  it("reports a succeeded run without a failure section, every step succeeded", () => {
    const ok = scenario(PLAIN, { failed: false });
    const report = pipelineReport(ok.events, ok.outcome);
    expect(byId(report, "outcome")?.attrs.class).toBe("badge outcome-succeeded");
    expect(byId(report, "failure")).toBeUndefined();
    expect(byClass(report, "node").map((n) => n.attrs["data-state"])).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(attrs(report, "phase", ["data-phase", "data-from-ms", "data-to-ms"]).at(-1)).toEqual(["Completed", "121000", "121000"]);
  });

  it("says why a run that never got to its steps did not finish (an error before any event)", () => {
    const report = pipelineReport([], { error: new TypeError("Option runId [] of pipeline 'nightly' must be 1 to 128 letters") });
    expect(byId(report, "outcome")?.attrs.class).toBe("badge outcome-incomplete");
    expect(textOf(byClass(report, "run-error")[0])).toBe("TypeError: Option runId [] of pipeline 'nightly' must be 1 to 128 letters");
    expect(byId(report, "dag")).toBeUndefined();
    expect(byId(report, "timeline")).toBeUndefined();
  });

  it("says a cancelled run was cancelled, with the signal's reason", () => {
    const { events: all, outcome: failedOutcome } = scenario();
    const run = { ...(failedOutcome as { error: PipelineFailedError }).error.run, outcome: "cancelled" as const };
    const reason = new DOMException("SIGTERM", "AbortError");
    const report = pipelineReport(all, { error: new PipelineFailedError({ run, failedSteps: [], cause: reason }) });
    expect(byId(report, "outcome")?.attrs.class).toBe("badge outcome-cancelled");
    expect(textOf(elements(byId(report, "failure")!.inner).find((e) => e.tag === "h2"))).toBe("Cancelled");
    expect(textOf(byClass(report, "run-error")[0])).toBe("AbortError: SIGTERM");
  });
});
