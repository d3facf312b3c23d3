import type { Backend } from "@sagerun/transport";
import { checkBudget } from "../cost/budget.js";
import type { EstimateOptions } from "../cost/estimate.js";
import { estimatePipelineCost, type PipelineCostStep } from "../cost/pipeline-cost.js";
import type { trainingJob } from "../job-kinds/training.js";
import { resolveJobTestMode, runWideTestMode, type TestModeOption } from "../test-mode/profile/test-mode-option.js";
import type { Pipeline } from "./define-pipeline.js";

/** `runPipeline`'s `costEstimate` option: what its `budgetUsd` prices. */
export type PipelineCostOptions = EstimateOptions & {
  /** Each job step's kind and Create request (only the instances and runtime limit are read), as `estimatePipelineCost` takes them. */
  readonly steps: readonly PipelineCostStep[];
};

/** What {@link checkPipelineBudget} reads of `runPipeline`'s options. */
export interface PipelineBudget {
  readonly runId: string;
  readonly budgetUsd: number | undefined;
  readonly costEstimate: PipelineCostOptions | undefined;
  readonly testMode: TestModeOption | undefined;
  readonly backend: Backend | undefined;
}

/**
 * The declared steps as the operators will submit them, the way the budget and the report price
 * them: each request shrunk by the run's test mode (run-wide), unchanged without one.
 */
export function submittedCostSteps(steps: readonly PipelineCostStep[], testMode: TestModeOption | undefined): PipelineCostStep[] {
  const runWide = testMode === undefined ? undefined : runWideTestMode(testMode);
  // Each member pairs a kind with its own request type; test mode keeps that pairing.
  return steps.map((s) => ({
    ...s,
    request: resolveJobTestMode(s.kind as typeof trainingJob, s.request as never, runWide)?.request ?? s.request,
  })) as PipelineCostStep[];
}

const usd = (n: number | undefined): string => (n === undefined ? "unbounded" : `$${n.toFixed(4)}`);

/**
 * `runPipeline`'s `budgetUsd`, before any step starts: the declared steps' requests as they will
 * be submitted (after `testMode`), summed by `estimatePipelineCost`, go through `checkBudget`,
 * which throws `BudgetExceededError` naming each step's worst case when the sum is over the budget
 * or unbounded, and `AwsInCiRefusedError` for a run against AWS from CI nobody opted into.
 * Nothing without a budget; a budget without `costEstimate.steps`, or a step id the pipeline does
 * not have, is a TypeError.
 */
export function checkPipelineBudget(pipeline: Pipeline, options: PipelineBudget): void {
  const { budgetUsd, costEstimate, testMode } = options;
  if (budgetUsd === undefined) return;
  const problem = (fix: string): never => {
    throw new TypeError(`Option budgetUsd of pipeline '${pipeline.name}' ${fix}`);
  };
  if (!Array.isArray(costEstimate?.steps) || costEstimate.steps.length === 0) {
    problem(
      "prices the job steps declared in costEstimate.steps, and there are none. Please pass costEstimate: { steps: [{ stepId, kind, request }, …] }.",
    );
  }
  const ids = new Set(pipeline.steps.map((s) => s.id));
  const { steps, ...prices } = costEstimate as PipelineCostOptions;
  const unknown = steps.filter((s) => !ids.has(s.stepId)).map((s) => s.stepId);
  if (unknown.length > 0) {
    problem(`prices steps the pipeline does not have (${unknown.join(", ")}). Please use ids of its steps: ${[...ids].join(", ")}.`);
  }
  const estimate = estimatePipelineCost(submittedCostSteps(steps, testMode), prices);
  const each = estimate.steps.map((s) => `${s.stepId} ${usd(s.estimate.worstCaseUsd)}`).join(", ");
  const what = `pipeline '${pipeline.name}' run '${options.runId}' (worst case per step: ${each})`;
  checkBudget(estimate, { budgetUsd, what, ...(options.backend !== undefined && { backend: options.backend }) });
}
