import { estimatePipelineCost, type PipelineCostEstimate, type PipelineCostStep } from "../cost/pipeline-cost.js";
import type { trainingJob } from "../job-kinds/training.js";
import type { PipelineCostOptions } from "../pipeline/pipeline-budget.js";
import { resolveJobTestMode, runWideTestMode, type TestModeOption } from "../test-mode/profile/test-mode-option.js";

/**
 * The run's worst case for its report: the steps declared in `costEstimate`, as they are submitted
 * (shrunk when the run is in test mode), priced the way `budgetUsd` prices them. Undefined without
 * declared steps, or when they cannot be priced (the budget check names that problem itself).
 */
export function reportCostEstimate(
  costEstimate: PipelineCostOptions | undefined,
  testMode: TestModeOption | undefined,
): PipelineCostEstimate | undefined {
  if (!Array.isArray(costEstimate?.steps) || costEstimate.steps.length === 0) return undefined;
  const { steps, ...prices } = costEstimate;
  try {
    const runWide = testMode === undefined || testMode === false ? undefined : runWideTestMode(testMode);
    // Each member pairs a kind with its own request type; test mode keeps that pairing.
    const submitted = steps.map((s) => ({
      ...s,
      request: resolveJobTestMode(s.kind as typeof trainingJob, s.request as never, runWide)?.request ?? s.request,
    }));
    return estimatePipelineCost(submitted as PipelineCostStep[], prices);
  } catch {
    return undefined;
  }
}
