import type { Backend } from "@sagerun/transport";
import type { JobKind } from "../job-kinds/job-kind.js";
import { checkBudget } from "./budget.js";
import { estimateJobCost, type EstimateOptions, type PricedJobKind } from "./estimate.js";

/** The kinds {@link estimateJobCost} has a cost model for, by descriptor. */
const PRICED_KINDS: ReadonlySet<string> = new Set(["trainingJob", "processingJob", "transformJob"]);

/** The kind as {@link estimateJobCost} takes it, or undefined for a kind without a cost model (tuning). */
export function pricedKind<I extends object, O extends object, S extends string>(kind: JobKind<I, O, S>): PricedJobKind | undefined {
  // The set holds exactly the PricedJobKind descriptors; each takes its own request type.
  return PRICED_KINDS.has(kind.exportName) ? (kind as unknown as PricedJobKind) : undefined;
}

/** What the operators' `budgetUsd` option needs besides the request. */
export interface JobBudget {
  readonly budgetUsd: number | undefined;
  readonly backend: Backend | undefined;
  readonly costEstimate: EstimateOptions | undefined;
}

/**
 * The operators' `budgetUsd` option: nothing without it; else the request's worst case
 * (`estimateJobCost`) goes through `checkBudget`, which also refuses a run against AWS from CI
 * nobody opted into. Throws before anything is created; a kind without a cost model is a TypeError.
 */
export function checkJobBudget<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  request: I,
  { budgetUsd, backend, costEstimate }: JobBudget,
): void {
  if (budgetUsd === undefined) return;
  const priced = pricedKind(kind);
  if (priced === undefined) {
    throw new TypeError(
      `Option budgetUsd cannot price a ${kind.label}: only training, processing and transform jobs have a cost model. Please leave budgetUsd out for it.`,
    );
  }
  const estimate = estimateJobCost(priced, request as never, costEstimate);
  const what = `${kind.label} '${String(request[kind.nameField])}'`;
  checkBudget(estimate, { budgetUsd, what, ...(backend !== undefined && { backend }) });
}
