import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import type { Outcome } from "../../lifecycle/rules.js";
import { observableStoppingMs } from "../../lifecycle/timeline.js";
import "../../faults/context.js";
import type { SpotPlan } from "../../faults/spot-life.js";

/** [DOC] StoppingCondition.MaxRuntimeInSeconds: "The default value is 1 day." */
export const DEFAULT_MAX_RUNTIME_SECONDS = 86_400;

/** Everything about a training job's future, fixed when it is created. */
export interface TrainingPlan {
  readonly createdAt: number;
  readonly startingMs: number;
  /** 0 when the job streams its input (Pipe/FastFile) and so never shows Downloading. */
  readonly downloadingMs: number;
  readonly trainingMs: number;
  readonly uploadingMs: number;
  readonly stoppingMs: number;
  readonly maxRuntimeMs: number;
  /** Managed spot training only: StoppingCondition.MaxWaitTimeInSeconds, measured from creation. */
  readonly maxWaitMs?: number | undefined;
  readonly outcome: Outcome;
  /** Final metric values, reported at Completed (FinalMetricDataList). */
  readonly metrics: Readonly<Record<string, number>>;
  /** The metrics a rule sets: they win over what the job's container computes. */
  readonly ruleMetrics?: Readonly<Record<string, number>> | undefined;
  /** Whether code is registered for the image (built-in or the user's): the container runs at the Training phase. */
  readonly runsCode?: boolean | undefined;
  /** The planned failure comes while instances are provisioned (an injected CapacityError, src/faults/). */
  readonly failsWhileStarting?: true | undefined;
  /** Managed spot interruptions an injected fault planned (src/faults/spot-life.ts). */
  readonly spot?: SpotPlan | undefined;
}

export function planTrainingJob(ctx: EmulatorContext, request: CreateTrainingJobRequest): TrainingPlan {
  const { durationsMs, rule } = ctx.planFor({
    name: request.TrainingJobName!,
    image: request.AlgorithmSpecification?.TrainingImage ?? request.AlgorithmSpecification?.AlgorithmName,
    hyperParameters: request.HyperParameters,
  });
  const inputMode = request.AlgorithmSpecification?.TrainingInputMode ?? "File";
  // A metric the job defines but no rule sets gets a seeded value, so tuning has something to rank.
  // Metric names are the user's strings: a null-prototype object keeps `__proto__` as a metric
  // (on a plain object, assigning it would set the prototype and drop the value).
  const metrics = Object.create(null) as Record<string, number>;
  for (const definition of request.AlgorithmSpecification?.MetricDefinitions ?? []) {
    if (definition.Name) metrics[definition.Name] = Number(ctx.random.next().toFixed(6));
  }
  for (const [name, value] of Object.entries(rule?.metrics ?? {})) metrics[name] = value;
  // Injected job faults: a failure or spot interruptions (src/faults/job-faults.ts).
  const faults = ctx.faults?.planTrainingJob(request, ctx.clock.now());
  const outcome = faults?.outcome ?? rule?.outcome;
  return {
    createdAt: ctx.clock.now(),
    startingMs: durationsMs.startingSeconds,
    // [DOC] SecondaryStatus Downloading: "An optional stage for algorithms that support File training input mode."
    downloadingMs: inputMode === "File" ? durationsMs.downloadingSeconds : 0,
    trainingMs: durationsMs.trainingSeconds,
    uploadingMs: durationsMs.uploadingSeconds,
    stoppingMs: observableStoppingMs(durationsMs.stoppingSeconds),
    maxRuntimeMs: (request.StoppingCondition?.MaxRuntimeInSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS) * 1000,
    maxWaitMs:
      request.EnableManagedSpotTraining && request.StoppingCondition?.MaxWaitTimeInSeconds !== undefined
        ? request.StoppingCondition.MaxWaitTimeInSeconds * 1000
        : undefined,
    outcome: outcome ?? { status: "Completed" },
    metrics,
    ruleMetrics: rule?.metrics,
    // A rule that fixes the outcome makes the job a lifecycle play: its code does not run.
    runsCode: outcome === undefined && ctx.data.containers.codeFor(request.AlgorithmSpecification?.TrainingImage)?.train !== undefined,
    failsWhileStarting: faults?.failsWhileStarting,
    spot: faults?.spot,
  };
}
