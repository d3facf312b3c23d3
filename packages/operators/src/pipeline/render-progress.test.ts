import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { emulatorHarness } from "../../test/fixtures.js";
import { fastTraining, trainStep } from "../../test/pipeline-fixtures.js";
import { definePipeline } from "./define-pipeline.js";
import type { PipelineEvent } from "./pipeline-events.js";
import { formatDuration } from "./progress-model.js";
import { renderProgress } from "./render-progress.js";
import { runPipeline } from "./run-pipeline.js";
import { step } from "./step.js";

function output(
  isTTY: boolean,
  columns?: number,
): { readonly text: () => string; write(chunk: string): void; isTTY: boolean; columns?: number } {
  const chunks: string[] = [];
  return { isTTY, ...(columns === undefined ? {} : { columns }), write: (chunk) => void chunks.push(chunk), text: () => chunks.join("") };
}

const T0 = Date.UTC(2026, 0, 1);
const at = (s: number, wallMs = s * 10) => ({ time: T0 + s * 1000, wallTime: 1_000_000 + wallMs });

/** A failed run told by hand: `a` succeeds, `b` fails, `c` (after b) is skipped, one teardown fails. */
const EVENTS: PipelineEvent[] = [
  {
    type: "pipeline-started",
    pipelineName: "nightly",
    runId: "r1",
    logicalDate: "2026-01-01T00:00:00.000Z",
    steps: [
      { id: "a", dependsOn: [] },
      { id: "bb", dependsOn: [] },
      { id: "c", dependsOn: ["bb"] },
    ],
    concurrency: 4,
    ...at(0),
  },
  { type: "step-started", stepId: "a", ...at(0) },
  { type: "step-started", stepId: "bb", ...at(0) },
  { type: "job-status", stepId: "a", jobName: "nightly-r1-a", status: "InProgress", secondaryStatus: "Training", ...at(60) },
  {
    type: "job-log",
    stepId: "a",
    line: { stream: "nightly-r1-a/algo-1-1767225600", timestamp: T0, message: "epoch 1 loss 0.3" },
    ...at(61),
  },
  { type: "step-failed", stepId: "bb", error: new Error("boom"), virtualMs: 90_000, wallMs: 900, ...at(90) },
  { type: "step-skipped", stepId: "c", because: "bb", ...at(90) },
  { type: "step-succeeded", stepId: "a", virtualMs: 200_000, wallMs: 2000, ...at(200) },
  { type: "teardown", stepId: "a", label: "delete endpoint", state: "failed", error: new Error("busy"), ...at(200) },
  { type: "pipeline-finished", pipelineName: "nightly", runId: "r1", outcome: "failed", virtualMs: 200_000, wallMs: 2000, ...at(200) },
];

describe(renderProgress.name, () => {
  it("writes one plain line per event when the output is not a terminal", () => {
    const out = output(false);
    const onEvent = renderProgress(out, { env: {} });
    for (const event of EVENTS) onEvent(event);
    expect(out.text()).toBe(
      [
        "nightly · run r1: 3 steps, at most 4 at once",
        "a   started",
        "bb  started",
        "a   nightly-r1-a: InProgress (Training)",
        "a   | epoch 1 loss 0.3",
        "bb  failed after 1m30s virtual, 0.9s wall: Error: boom",
        "c   skipped: bb failed",
        "a   succeeded in 3m20s virtual, 2.0s wall",
        "a   teardown 'delete endpoint' failed: Error: busy",
        "nightly · run r1 failed in 3m20s virtual, 2.0s wall: 1 succeeded, 1 failed, 1 skipped",
        "",
      ].join("\n"),
    );
  });

  it("writes plain lines in CI even on a terminal, and leaves log lines out with logs: false", () => {
    const out = output(true);
    const onEvent = renderProgress(out, { env: { CI: "true" }, logs: false });
    for (const event of EVENTS) onEvent(event);
    expect(out.text()).not.toContain("\x1b[");
    expect(out.text()).not.toContain("epoch 1");
    expect(out.text()).toContain("c   skipped: bb failed\n");
  });

  it("redraws a frame of every step in place on a terminal, log lines above it, errors in full at the end", () => {
    const out = output(true, 80);
    const onEvent = renderProgress(out, { env: { NO_COLOR: "1" } });
    for (const event of EVENTS) onEvent(event);
    const text = out.text();
    expect(text).toContain("\x1b[4A\r\x1b[J"); // back up over the 4-line frame (header + 3 steps), erase, redraw
    const lastFrame = text.slice(text.lastIndexOf("\x1b[J") + 3);
    expect(lastFrame).toBe(
      [
        "nightly · run r1 · failed · 3m20s virtual, 2.0s wall",
        "  ✓ a   succeeded    3m20s virtual   2.0s wall",
        "  ✗ bb  failed       1m30s virtual   0.9s wall  Error: boom",
        "  ↷ c   skipped                                 bb failed",
        "bb: Error: boom",
        "",
      ].join("\n"),
    );
    expect(text).toContain("a | epoch 1 loss 0.3\n");
    expect(text).toContain("a: teardown 'delete endpoint' failed: Error: busy\n");
    expect(text.split("\n").every((line) => stripVTControlCharacters(line).length < 80)).toBe(true);
  });

  it("draws a real run's steps as plain lines off a terminal", async () => {
    const h = emulatorHarness(fastTraining);
    const train = trainStep("train");
    const report = step({ id: "report", dependsOn: [train], run: () => "ok" });
    const out = output(false);
    await runPipeline(definePipeline({ name: "nightly", steps: [train, report] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      onEvent: renderProgress(out, { env: {} }),
    });
    expect(out.text().replace(/\d+\.\ds wall/g, "<wall>")).toBe(
      [
        "nightly · run r1: 2 steps, at most 4 at once",
        "train   started",
        "train   nightly-r1-train: InProgress (Starting)",
        "train   nightly-r1-train: InProgress (Downloading)",
        "train   nightly-r1-train: InProgress (Training)",
        "train   nightly-r1-train: InProgress (Uploading)",
        "train   nightly-r1-train: Completed",
        "train   succeeded in 2m30s virtual, <wall>",
        "report  started",
        "report  succeeded in 0.0s virtual, <wall>",
        "nightly · run r1 succeeded in 2m30s virtual, <wall>: 2 succeeded",
        "",
      ].join("\n"),
    );
  });
});

describe(formatDuration.name, () => {
  it("shows tenths under a minute, then minutes and seconds, then hours and minutes", () => {
    expect([0, 450, 12_340, 200_000, 3_600_000, 7_500_000].map(formatDuration)).toEqual([
      "0.0s",
      "0.5s",
      "12.3s",
      "3m20s",
      "1h00m",
      "2h05m",
    ]);
  });
});
