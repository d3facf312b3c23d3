import type { EmulatorContext } from "../../emulator-context.js";
import type { Outcome, RuleSubject } from "../../lifecycle/rules.js";
import { observableStoppingMs } from "../../lifecycle/timeline.js";

/**
 * Everything about a single-phase job's future (processing and transform jobs), fixed when it
 * is created: provisioning, then the container running, then the outcome. Nothing here changes
 * afterwards; a stop request is an event (see timeline.ts).
 */
export interface SimpleJobPlan {
  readonly createdAt: number;
  /** Instances launching; the job is InProgress but its container has not started. */
  readonly provisioningMs: number;
  /** The container running, from *StartTime to the outcome. */
  readonly runningMs: number;
  /** From a stop request (or the runtime limit) to Stopped; always ≥ 1 s so Stopping is observable. */
  readonly stoppingMs: number;
  /** Measured from the container's start; `Infinity` for kinds without a runtime limit. */
  readonly maxRuntimeMs: number;
  readonly outcome: Outcome;
  /** The FailureReason shown if the outcome is Failed (the rule's, else the kind's default). */
  readonly failureReason: string;
  /** Whether code is registered for the job's image: its container runs when it starts. */
  readonly runsCode?: boolean | undefined;
}

export interface SimpleJobPlanOptions {
  /** StoppingCondition.MaxRuntimeInSeconds, or undefined for no limit. */
  readonly maxRuntimeSeconds?: number | undefined;
  /** The kind's FailureReason when the matching rule gives none. */
  readonly defaultFailureReason: string;
  /** Whether the image has code to run (see SimpleJobPlan.runsCode). */
  readonly runsCode?: boolean | undefined;
}

/** Plans a job from the emulator's durations and the first rule matching `subject`. */
export function planSimpleJob(ctx: EmulatorContext, subject: RuleSubject, options: SimpleJobPlanOptions): SimpleJobPlan {
  const { durationsMs, rule } = ctx.planFor(subject);
  const outcome = rule?.outcome ?? { status: "Completed" };
  return {
    createdAt: ctx.clock.now(),
    provisioningMs: durationsMs.provisioningSeconds,
    runningMs: durationsMs.runningSeconds,
    stoppingMs: observableStoppingMs(durationsMs.stoppingSeconds),
    maxRuntimeMs: options.maxRuntimeSeconds === undefined ? Infinity : options.maxRuntimeSeconds * 1000,
    outcome,
    failureReason: (outcome.status === "Failed" ? outcome.failureReason : undefined) ?? options.defaultFailureReason,
    // A rule that fixes the outcome makes the job a lifecycle play: its code does not run.
    runsCode: options.runsCode === true && rule?.outcome === undefined,
  };
}
