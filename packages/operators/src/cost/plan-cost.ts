import type { JobKind } from "../job-kinds/job-kind.js";
import { resolveJobTestMode, type TestModeOption } from "../test-mode/profile/test-mode-option.js";
import { estimateJobCost, type EstimateOptions, type JobCostEstimate } from "./estimate.js";
import { pricedKind } from "./job-budget.js";

/** A dry run's worst cases: the job in test mode and as written. */
export interface PlanCost {
  /** In test mode: the option's profile, or the default one when the option is off. */
  readonly testMode: JobCostEstimate;
  /** The config as written. */
  readonly withoutTestMode: JobCostEstimate;
}

/**
 * `planJob`'s cost: the worst case (`estimateJobCost`) of the job in test mode and without it, and
 * a line saying both. No `cost` for a kind without a cost model, nor when the price table lacks an
 * instance type: a dry run still shows the request, and the line says why it is not priced.
 */
export function planCost<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  config: I,
  option: TestModeOption | undefined,
  options: EstimateOptions | undefined,
): { readonly cost?: PlanCost; readonly line: string } {
  const priced = pricedKind(kind);
  if (priced === undefined) return { line: `Worst case on AWS: not priced (no cost model for a ${kind.label})` };
  // The operator's own profile when test mode is on; otherwise the default, to show what it would save.
  const shrunk = resolveJobTestMode(kind, config, option === undefined || option === false ? true : option)?.request ?? config;
  let cost: PlanCost;
  try {
    cost = {
      testMode: estimateJobCost(priced, shrunk as never, options),
      withoutTestMode: estimateJobCost(priced, config as never, options),
    };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return { line: `Worst case on AWS: not priced (${err.message})` };
  }
  const { region, asOf } = cost.withoutTestMode.priceSource;
  return {
    cost,
    line: `Worst case on AWS: ${worstCase(cost.testMode)} in test mode, ${worstCase(cost.withoutTestMode)} without (${region} on-demand prices as of ${asOf})`,
  };
}

/** "$0.0192 (1 × ml.m5.large for 600 s)", or "unbounded (…)" when nothing limits the runtime. */
function worstCase(estimate: JobCostEstimate): string {
  const instances = estimate.instances.map((line) => `${line.instanceCount} × ${line.instanceType}`).join(" + ");
  if (estimate.worstCaseUsd === undefined) return `unbounded (${instances}, no runtime limit; costEstimate.assumedSeconds bounds it)`;
  const seconds = `${estimate.seconds} s${estimate.assumed ? ", assumed" : ""}`;
  return `$${estimate.worstCaseUsd.toFixed(4)} (${instances} for ${seconds})`;
}
