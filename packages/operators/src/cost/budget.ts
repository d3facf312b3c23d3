import { resolveBackend, type Backend } from "@sagerun/transport";
import { AwsInCiRefusedError, BudgetExceededError } from "../errors/budget-errors.js";

/** The environment variable that allows runs against AWS from CI: `1` or `true`. */
const ALLOW_ENV_VAR = "SAGERUN_ALLOW_AWS_IN_CI";

/** Options of {@link checkBudget}. */
export interface CheckBudgetOptions {
  /** The most the run may cost in USD, worst case. Without it only the CI guard applies. */
  readonly budgetUsd?: number;
  /** Where the run goes; the CI guard only concerns `"aws"`. @default SAGERUN_BACKEND, else "aws" */
  readonly backend?: Backend;
  /** Allow a run against AWS while `CI` is set (or set `SAGERUN_ALLOW_AWS_IN_CI=1`). @default false */
  readonly allowAwsInCi?: boolean;
  /** Words for the messages: what is being started. @default "this run" */
  readonly what?: string;
  /** Where to read `CI`, `SAGERUN_BACKEND` and `SAGERUN_ALLOW_AWS_IN_CI`. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const isSet = (value: string | undefined): boolean => ["1", "true", "yes"].includes(value?.trim().toLowerCase() ?? "");

/**
 * Refuses a run before anything is created: with `AwsInCiRefusedError` when it would reach real
 * AWS while `CI` is set and nobody opted in, then with `BudgetExceededError` when its worst case
 * (an estimate from `estimateJobCost` or `estimatePipelineCost`) is over `budgetUsd` or unbounded.
 *
 * @example
 * ```ts
 * checkBudget(estimateJobCost(trainingJob, request), { budgetUsd: 10, what: "training job 'nightly'" });
 * await runJob(trainingJob, request, { client });
 * ```
 */
export function checkBudget(estimate: { readonly worstCaseUsd: number | undefined }, options: CheckBudgetOptions = {}): void {
  const env = options.env ?? process.env;
  const what = options.what ?? "this run";
  const { budgetUsd } = options;
  if (budgetUsd !== undefined && !(Number.isFinite(budgetUsd) && budgetUsd >= 0)) {
    throw new RangeError(`Failed to check the budget: budgetUsd [${budgetUsd}] must be a finite number of USD, 0 or more.`);
  }
  const onAws = resolveBackend(options.backend, env) === "aws";
  if (onAws && isSet(env.CI) && options.allowAwsInCi !== true && !isSet(env[ALLOW_ENV_VAR])) throw new AwsInCiRefusedError(what);
  if (budgetUsd === undefined) return;
  const { worstCaseUsd } = estimate;
  if (worstCaseUsd === undefined || worstCaseUsd > budgetUsd) throw new BudgetExceededError({ what, worstCaseUsd, budgetUsd });
}
