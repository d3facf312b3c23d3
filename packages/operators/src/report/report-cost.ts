import { estimatePipelineCost, type PipelineCostEstimate } from "../cost/pipeline-cost.js";
import { type PipelineCostOptions, submittedCostSteps } from "../pipeline/pipeline-budget.js";
import type { TestModeOption } from "../test-mode/profile/test-mode-option.js";

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
    return estimatePipelineCost(submittedCostSteps(steps, testMode), prices);
  } catch {
    return undefined;
  }
}
