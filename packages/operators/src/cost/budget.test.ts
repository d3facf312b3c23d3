import { describe, expect, it } from "vitest";
import { AwsInCiRefusedError, BudgetExceededError, SagerunError } from "../errors/index.js";
import { checkBudget } from "./budget.js";

const local = { SAGERUN_BACKEND: "aws" };

describe(checkBudget.name, () => {
  it("passes a run whose worst case fits the budget, the budget itself included", () => {
    expect(() => checkBudget({ worstCaseUsd: 9.99 }, { budgetUsd: 10, env: local })).not.toThrow();
    expect(() => checkBudget({ worstCaseUsd: 10 }, { budgetUsd: 10, env: local })).not.toThrow();
  });

  it("refuses a run over the budget with both numbers", () => {
    const run = () => checkBudget({ worstCaseUsd: 11.04 }, { budgetUsd: 10, what: "training job 'nightly'", env: local });
    expect(run).toThrow(BudgetExceededError);
    expect(run).toThrow(
      "Refused to start training job 'nightly': its worst-case cost is $11.04, over the budget of $10.00. Please lower MaxRuntimeInSeconds",
    );
    try {
      run();
    } catch (err) {
      expect(SagerunError.is(err) && err.code === "BudgetExceeded" && err.worstCaseUsd === 11.04 && err.budgetUsd === 10).toBe(true);
    }
  });

  it("refuses an unbounded run when there is a budget, and says how to bound it", () => {
    expect(() => checkBudget({ worstCaseUsd: undefined }, { budgetUsd: 10, env: local })).toThrow(/unbounded.*assumedSeconds/);
    expect(() => checkBudget({ worstCaseUsd: undefined }, { env: local })).not.toThrow();
  });

  it("refuses a run against AWS while CI is set", () => {
    const run = () => checkBudget({ worstCaseUsd: 1 }, { budgetUsd: 10, env: { CI: "true" } });
    expect(run).toThrow(AwsInCiRefusedError);
    expect(run).toThrow(/opt in with allowAwsInCi: true or SAGERUN_ALLOW_AWS_IN_CI=1/);
  });

  it("checks CI before the budget, so nothing is created either way", () => {
    expect(() => checkBudget({ worstCaseUsd: 100 }, { budgetUsd: 10, env: { CI: "1" } })).toThrow(AwsInCiRefusedError);
  });

  it("accepts AWS in CI with allowAwsInCi or SAGERUN_ALLOW_AWS_IN_CI=1", () => {
    expect(() => checkBudget({ worstCaseUsd: 1 }, { allowAwsInCi: true, env: { CI: "true" } })).not.toThrow();
    expect(() => checkBudget({ worstCaseUsd: 1 }, { env: { CI: "true", SAGERUN_ALLOW_AWS_IN_CI: "1" } })).not.toThrow();
  });

  it("lets CI run on the emulator without opting in", () => {
    expect(() => checkBudget({ worstCaseUsd: 1 }, { env: { CI: "true", SAGERUN_BACKEND: "emulator" } })).not.toThrow();
    expect(() => checkBudget({ worstCaseUsd: 1 }, { backend: "emulator", env: { CI: "true" } })).not.toThrow();
  });

  it("refuses a budget that is not a number of USD", () => {
    expect(() => checkBudget({ worstCaseUsd: 1 }, { budgetUsd: -1, env: local })).toThrow(RangeError);
  });
});
