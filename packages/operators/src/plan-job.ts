import type { EstimateOptions } from "./cost/estimate.js";
import { type PlanCost, planCost } from "./cost/plan-cost.js";
import { resolveJobRequest } from "./create/job-request.js";
import type { JobKind } from "./job-kinds/job-kind.js";
import { describeRequest } from "./test-mode/profile/describe-test-mode-run.js";
import type { TestModeOption, TestModeReport } from "./test-mode/profile/test-mode-option.js";

/** Options of {@link planJob}: the `testMode` option as the operators take it. */
export interface PlanJobOptions {
  /** As the operators' `testMode`: the plan shows the request it would shrink to, changes marked. @default false */
  readonly testMode?: TestModeOption;
  /** Prices and an assumed runtime for the worst cases (`estimateJobCost`'s options), as the operators' `costEstimate`. */
  readonly costEstimate?: EstimateOptions;
}

/** What {@link planJob} returns: the Create request an operator would send, and it in words. */
export interface JobPlan<Input> {
  /** The name in the config; the `onExists` policy may pick another at run time. */
  readonly jobName: string;
  /** The Create request as it would be submitted, before the `sagerun:run-id` tag a run adds. */
  readonly request: Input;
  /** A title line, the worst cases, then the request as JSON with sorted keys, each member test mode changed marked. */
  readonly text: string;
  /**
   * The worst case on AWS (`estimateJobCost`) in test mode (the option's profile, or the default
   * one when it is off) and without it; absent for a tuning job (no cost model) and for an instance
   * type the price table lacks (the text says so).
   */
  readonly cost?: PlanCost;
  /** What test mode changed; only with the `testMode` option. */
  readonly testMode?: TestModeReport;
}

/**
 * A dry run of an operator: the Create request it would submit for `config` with these options,
 * and that request as text for a terminal (`describeTestModeRun`'s rendering, test mode's changes
 * marked with what they were and why), after a line with its worst-case cost on AWS in test mode
 * and without it. Nothing is sent, so no client is needed. The same checks as
 * the operator throw first: a missing name, a bad `testMode`.
 *
 * A function of its own rather than a `dryRun` option of the operators, so that each returns one
 * type: an operator's result always describes a job that exists.
 *
 * @example
 * ```ts
 * const plan = planJob(trainingJob, config, { testMode: true });
 * console.log(plan.text); // "Dry run: training job nightly, as it would be submitted (test mode: 3 changes; nothing submitted)" …
 * plan.cost?.withoutTestMode.worstCaseUsd; // 44.256 for two ml.m5.4xlarge for a day
 * ```
 */
export function planJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  config: I,
  options: PlanJobOptions = {},
): JobPlan<I> {
  const { name, request, testMode } = resolveJobRequest(kind, config, options.testMode);
  const changes = testMode?.changes ?? [];
  const count = changes.length === 1 ? "1 change" : `${changes.length} changes`;
  const mode = testMode === undefined ? "test mode off" : `test mode: ${count}`;
  const { cost, line } = planCost(kind, config, options.testMode, options.costEstimate);
  const text = describeRequest(`Dry run: ${kind.label} ${name}, as it would be submitted (${mode}; nothing submitted)\n${line}`, config, {
    request,
    changes,
  });
  return {
    jobName: name,
    request,
    text,
    ...(cost !== undefined && { cost }),
    ...(testMode !== undefined && { testMode: { changes } }),
  };
}
