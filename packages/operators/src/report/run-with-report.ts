import { causeText } from "../errors/format.js";
import type { PipelineEvent } from "../pipeline/pipeline-events.js";
import type { PipelineRun } from "../pipeline/pipeline-run.js";
import type { RunPipelineOptions } from "../pipeline/run-pipeline-options.js";
import { pipelineReport } from "./pipeline-report.js";
import type { PipelineReportOutcome } from "./report-outcome.js";
import { reportCostEstimate } from "./report-cost.js";

/**
 * `runPipeline`'s `report` option: runs `run` with an `onEvent` that records every event (then
 * hands it to the caller's own), and once the run has ended, whatever the outcome, writes its
 * {@link pipelineReport} to the path (parent directories created). The run's own outcome comes
 * first: when the run failed, its error is thrown as it is and a report that could not be written
 * is a process warning (`SAGERUN_REPORT_NOT_WRITTEN`) printed to stderr; when the run succeeded,
 * the write error rejects the call, since the file asked for is not there.
 */
export async function runWithReport<R extends PipelineRun>(
  pipelineName: string,
  options: RunPipelineOptions,
  run: (options: RunPipelineOptions) => Promise<R>,
): Promise<R> {
  const path = options.report;
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`Option report [${String(path)}] of pipeline '${pipelineName}' must be a file path. Please pass e.g. "run.html".`);
  }
  const events: PipelineEvent[] = [];
  const { onEvent } = options;
  // A non-function onEvent is passed on as it is, for runPipeline to refuse with its own message.
  const recording =
    onEvent === undefined || typeof onEvent === "function"
      ? (event: PipelineEvent): void => {
          events.push(event);
          onEvent?.(event);
        }
      : onEvent;
  const { report: _written, ...rest } = options;
  let outcome: PipelineReportOutcome;
  try {
    outcome = { run: await run({ ...rest, onEvent: recording }) };
  } catch (error) {
    outcome = { error };
  }
  const written = await writeReport(path, () =>
    pipelineReport(events, outcome, {
      ...optionalEstimate(options),
      ...(options.costEstimate === undefined ? {} : { prices: options.costEstimate }),
    }),
  );
  const runId = "run" in outcome ? outcome.run.runId : options.runId;
  const problem =
    written === undefined ? undefined : `The report of pipeline '${pipelineName}' run '${runId}' could not be written to ${path}`;
  if ("error" in outcome) {
    if (problem !== undefined) process.emitWarning(`${problem}: ${causeText(written)}`, { code: "SAGERUN_REPORT_NOT_WRITTEN" });
    throw outcome.error;
  }
  if (problem !== undefined) {
    throw new Error(`${problem} (the run itself succeeded): ${causeText(written)}. Please pass a path that can be written.`, {
      cause: written,
    });
  }
  return outcome.run as R;
}

function optionalEstimate(options: RunPipelineOptions) {
  const costEstimate = reportCostEstimate(options.costEstimate, options.testMode);
  return costEstimate === undefined ? {} : { costEstimate };
}

/** Renders and writes the report; answers what went wrong, or undefined. Rendering errors count as write errors. */
async function writeReport(path: string, render: () => string): Promise<unknown> {
  try {
    const { mkdir, writeFile } = await import("node:fs/promises");
    const { dirname } = await import("node:path");
    const text = render();
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, "utf8");
    return undefined;
  } catch (error) {
    return error ?? new Error("unknown error");
  }
}
