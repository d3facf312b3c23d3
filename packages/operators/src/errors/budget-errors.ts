import { SagerunError } from "./sagerun-error.js";

const usd = (n: number): string => `$${n.toFixed(2)}`;

/**
 * A run's worst-case cost is over the budget given to `checkBudget`, or nothing bounds it
 * (a transform job or a processing job without StoppingCondition, with no `assumedSeconds`).
 * Thrown before anything is created.
 */
export class BudgetExceededError extends SagerunError {
  override readonly name = "BudgetExceededError";
  readonly code = "BudgetExceeded" as const;
  /** The worst case in USD; `undefined` when the run is unbounded. */
  readonly worstCaseUsd: number | undefined;
  readonly budgetUsd: number;

  constructor(init: { readonly what: string; readonly worstCaseUsd: number | undefined; readonly budgetUsd: number }) {
    super(
      init.worstCaseUsd === undefined
        ? `Refused to start ${init.what}: nothing limits its runtime, so its worst case is unbounded and cannot fit a budget of ` +
            `${usd(init.budgetUsd)}. Please set StoppingCondition.MaxRuntimeInSeconds where the job takes one, or pass assumedSeconds to the estimate.`
        : `Refused to start ${init.what}: its worst-case cost is ${usd(init.worstCaseUsd)}, over the budget of ${usd(init.budgetUsd)}. ` +
            "Please lower MaxRuntimeInSeconds, InstanceCount or the instance type, or raise budgetUsd.",
    );
    this.worstCaseUsd = init.worstCaseUsd;
    this.budgetUsd = init.budgetUsd;
  }
}

/** A run would reach real AWS from CI (`CI=true`) without an explicit opt-in. Thrown before anything is created. */
export class AwsInCiRefusedError extends SagerunError {
  override readonly name = "AwsInCiRefusedError";
  readonly code = "AwsInCiRefused" as const;

  constructor(what: string) {
    super(
      `Refused to start ${what} on AWS: CI is set, and a CI run against real AWS costs money unless someone meant it. ` +
        "Please run on the emulator (SAGERUN_BACKEND=emulator), or opt in with allowAwsInCi: true or SAGERUN_ALLOW_AWS_IN_CI=1.",
    );
  }
}
