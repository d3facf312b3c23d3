import { causeText } from "../errors/format.js";
import { SagerunError } from "../errors/sagerun-error.js";
import type { PipelineRun } from "./pipeline-run.js";

/**
 * A pipeline run that did not succeed: a step failed (`outcome: "failed"`; `cause` is the first
 * failed step's error) or the run was cancelled (`outcome: "cancelled"`; `cause` is the signal's
 * reason). `run` is the full report, the same `runPipeline` resolves with on success: every step's
 * state, result or error, durations and teardowns.
 *
 * @example
 * ```ts
 * try { await runPipeline(pipeline, { client, clock, runId }); }
 * catch (err) {
 *   if (!(err instanceof PipelineFailedError)) throw err;
 *   for (const id of err.failedSteps) console.error(id, err.run.steps[id]);
 * }
 * ```
 */
export class PipelineFailedError extends SagerunError {
  override readonly name = "PipelineFailedError";
  readonly code = "PipelineFailed" as const;
  readonly pipelineName: string;
  readonly runId: string;
  readonly outcome: "failed" | "cancelled";
  /** The steps that failed, in the order they did. */
  readonly failedSteps: readonly string[];
  readonly run: PipelineRun;

  constructor(init: { readonly run: PipelineRun; readonly failedSteps: readonly string[]; readonly cause: unknown }) {
    const { run, failedSteps, cause } = init;
    const outcome = run.outcome === "cancelled" ? "cancelled" : "failed";
    super(message(run, failedSteps, cause), { cause });
    this.pipelineName = run.pipelineName;
    this.runId = run.runId;
    this.outcome = outcome;
    this.failedSteps = failedSteps;
    this.run = run;
  }
}

/**
 * "Pipeline 'nightly' run 'r1' failed at step 'train' (skipped: report): JobFailedError: …", or
 * "… was cancelled (cancelled: train, report): AbortError: …": the cause last, in its own words.
 */
function message(run: PipelineRun, failedSteps: readonly string[], cause: unknown): string {
  const subject = `Pipeline '${run.pipelineName}' run '${run.runId}'`;
  const [first, ...rest] = failedSteps;
  const what = run.outcome === "cancelled" || first === undefined ? "was cancelled" : `failed at step '${first}'`;
  const ids = (state: string): string[] => Object.entries(run.steps).flatMap(([id, report]) => (report.state === state ? [id] : []));
  const lists: [string, readonly string[]][] = [
    what === "was cancelled" ? ["failed", failedSteps] : ["also failed", rest],
    ["skipped", ids("skipped")],
    ["cancelled", ids("cancelled")],
  ];
  const others = lists.flatMap(([label, list]) => (list.length === 0 ? [] : [`${label}: ${list.join(", ")}`]));
  return `${subject} ${what}${others.length === 0 ? "" : ` (${others.join("; ")})`}: ${causeText(cause)}`;
}
