import type {
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import type { processingJob } from "../job-kinds/processing.js";
import type { trainingJob } from "../job-kinds/training.js";
import type { transformJob } from "../job-kinds/transform.js";
import { estimateJobCost, type EstimateOptions, type JobCostEstimate } from "./estimate.js";

/** One step's cost inputs: the job it runs and its request; `assumedSeconds` as in {@link estimateJobCost}. */
export type PipelineCostStep = { readonly stepId: string; readonly assumedSeconds?: number } & (
  | { readonly kind: typeof trainingJob; readonly request: CreateTrainingJobCommandInput }
  | { readonly kind: typeof processingJob; readonly request: CreateProcessingJobCommandInput }
  | { readonly kind: typeof transformJob; readonly request: CreateTransformJobCommandInput }
);

/** A pipeline's worst case: each step's estimate and their sum. */
export interface PipelineCostEstimate {
  readonly steps: readonly { readonly stepId: string; readonly estimate: JobCostEstimate }[];
  /** Σ of the steps' worst cases, or `undefined` when one of them is unbounded. */
  readonly worstCaseUsd: number | undefined;
  /** The steps whose runtime nothing limits; give them `assumedSeconds`. */
  readonly unboundedSteps: readonly string[];
}

/**
 * Sums the worst cases of a pipeline's job steps, every step counted as if it ran (a step that is
 * skipped or resumed costs less). Steps declare their cost inputs here, apart from the pipeline's
 * definition, so the composer is unchanged.
 *
 * @example
 * ```ts
 * const e = estimatePipelineCost([
 *   { stepId: "train", kind: trainingJob, request: trainRequest },
 *   { stepId: "score", kind: transformJob, request: scoreRequest, assumedSeconds: 1800 },
 * ]);
 * checkBudget(e, { budgetUsd: 25 });
 * ```
 */
export function estimatePipelineCost(steps: readonly PipelineCostStep[], options: EstimateOptions = {}): PipelineCostEstimate {
  const estimates = steps.map((s) => {
    const stepOptions = s.assumedSeconds === undefined ? options : { ...options, assumedSeconds: s.assumedSeconds };
    // The union's members each pair a kind with its own request type.
    const estimate = estimateJobCost(s.kind as typeof trainingJob, s.request as CreateTrainingJobCommandInput, stepOptions);
    return { stepId: s.stepId, estimate };
  });
  const unboundedSteps = estimates.filter((s) => s.estimate.worstCaseUsd === undefined).map((s) => s.stepId);
  const worstCaseUsd = unboundedSteps.length > 0 ? undefined : estimates.reduce((sum, s) => sum + (s.estimate.worstCaseUsd ?? 0), 0);
  return { steps: estimates, worstCaseUsd, unboundedSteps };
}
