import { describe, expect, it } from "vitest";
import { SagerunError } from "../errors/index.js";
import { PipelineFailedError } from "./pipeline-failed-error.js";
import type { PipelineRun } from "./pipeline-run.js";

function runOf(outcome: PipelineRun["outcome"], steps: PipelineRun["steps"]): PipelineRun {
  const time = "2026-01-01T00:00:00.000Z";
  return {
    pipelineName: "p",
    runId: "r1",
    logicalDate: time,
    outcome,
    steps,
    teardowns: [],
    startTime: time,
    endTime: time,
    virtualMs: 0,
    wallMs: 0,
  };
}

const times = { virtualMs: 0, wallMs: 0 };

describe(PipelineFailedError.name, () => {
  it("names the first failed step, the other failures and what was skipped, then the cause in its own words", () => {
    const run = runOf("failed", {
      a: { state: "failed", error: new Error("first"), ...times },
      b: { state: "failed", error: new Error("second"), ...times },
      c: { state: "skipped", because: "a", ...times },
    });
    const err = new PipelineFailedError({ run, failedSteps: ["a", "b"], cause: new Error("first") });
    expect(err.message).toBe("Pipeline 'p' run 'r1' failed at step 'a' (also failed: b; skipped: c): Error: first");
    expect(err).toMatchObject({ name: "PipelineFailedError", code: "PipelineFailed", outcome: "failed", failedSteps: ["a", "b"], run });
    expect(SagerunError.is(err) && err.code === "PipelineFailed").toBe(true);
  });

  it("says a cancelled run was cancelled, with the failures that came before and the signal's reason", () => {
    const run = runOf("cancelled", {
      a: { state: "failed", error: new Error("boom"), ...times },
      b: { state: "cancelled", ...times },
    });
    const reason = new DOMException("The process received SIGINT", "AbortError");
    const err = new PipelineFailedError({ run, failedSteps: ["a"], cause: reason });
    expect(err.message).toBe("Pipeline 'p' run 'r1' was cancelled (failed: a; cancelled: b): AbortError: The process received SIGINT");
    expect(err).toMatchObject({ outcome: "cancelled", cause: reason });
  });
});
