import type { PipelineCostEstimate } from "../cost/pipeline-cost.js";
import type { PriceOptions } from "../cost/prices.js";
import type { PipelineRun } from "../pipeline/pipeline-run.js";

/**
 * How the run ended, for {@link pipelineReport}: the run `runPipeline` resolved with, or what it
 * rejected with (a `PipelineFailedError` carries its run; any other error is shown as the reason
 * the run did not finish).
 */
export type PipelineReportOutcome = { readonly run: PipelineRun } | { readonly error: unknown };

/** Options of `pipelineReport`. */
export interface PipelineReportOptions {
  /** The run's worst-case estimate (`estimatePipelineCost`), shown with each step's share. */
  readonly costEstimate?: PipelineCostEstimate;
  /** The price table the finished jobs' actual cost is computed with (`actualJobCost`). @default US_EAST_1_PRICES */
  readonly prices?: PriceOptions;
  /** How many of a failed step's last log lines to show when its error carries no `logTail`. @default 20 */
  readonly logTailLines?: number;
}
