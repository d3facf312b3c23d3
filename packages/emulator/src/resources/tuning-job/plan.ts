import type {
  CreateHyperParameterTuningJobRequest,
  CreateTrainingJobRequest,
  HyperParameterTuningJobObjective,
  ParameterRanges,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { planTrainingJob, type TrainingPlan } from "../training-job/plan.js";
import { childTrainingRequest } from "./child-request.js";
import { definitionsOf, maxTrainingJobs, objectiveOf, rangesOf } from "./definitions.js";
import { combinationCount, gridPoint, sampleHyperParameters } from "./sampling.js";

/** One child training job, fixed at the tuning job's creation; only its launch time is left open. */
export interface TuningChildPlan {
  readonly name: string;
  readonly definitionName: string | undefined;
  readonly request: CreateTrainingJobRequest;
  /** The values chosen from the ranges (HyperParameterTrainingJobSummary.TunedHyperParameters). */
  readonly tuned: Readonly<Record<string, string>>;
  readonly objective: HyperParameterTuningJobObjective;
  /** Durations, outcome and metrics; `createdAt` is replaced by the launch time when scheduled. */
  readonly training: TrainingPlan;
}

/** Everything about a tuning job's future, fixed when it is created. */
export interface TuningPlan {
  readonly createdAt: number;
  readonly maxParallel: number;
  /** ResourceLimits.MaxRuntimeInSeconds, in ms, if given. */
  readonly maxRuntimeMs: number | undefined;
  /** MaxNumberOfTrainingJobs children, in launch order. */
  readonly children: readonly TuningChildPlan[];
}

/** [INF] a child spends at least this long Starting, so every child ends strictly after it launches. */
const MIN_CHILD_STARTING_MS = 1000;
/** Draws before a discrete space is taken as exhausted and a repeat is accepted. */
const DISTINCT_ATTEMPTS = 100;

/**
 * Plans every child up front from ctx.planFor (durations ← emulator options ← the first rule that
 * matches the CHILD's name, image and hyperparameters, so rules can single out one child and set
 * its `metrics`). The objective metric is always reported: from the rule, else seeded.
 */
export function planTuningJob(ctx: EmulatorContext, request: CreateHyperParameterTuningJobRequest): TuningPlan {
  const name = request.HyperParameterTuningJobName!;
  const limits = request.HyperParameterTuningJobConfig!.ResourceLimits!;
  const grid = request.HyperParameterTuningJobConfig!.Strategy === "Grid";
  const definitions = definitionsOf(request);
  const total = maxTrainingJobs(request);
  const seen = definitions.map(() => new Set<string>());
  let gridOffset = 0;
  let gridDefinition = 0;

  const children: TuningChildPlan[] = [];
  for (let index = 0; index < total; index++) {
    // Grid walks each definition's grid in turn; the other strategies take definitions round-robin.
    let d = index % definitions.length;
    if (grid) {
      while (index - gridOffset >= combinationCount(rangesOf(definitions[gridDefinition]!, request))) {
        gridOffset += combinationCount(rangesOf(definitions[gridDefinition]!, request));
        gridDefinition++;
      }
      d = gridDefinition;
    }
    const definition = definitions[d]!;
    const ranges = rangesOf(definition, request);
    // [DOC] the tuning job's name "is the prefix for the names of all training jobs that this
    // tuning job launches"; the -NNN-<8 hex> form is [OBS] (docs/fidelity.md §5.4).
    const childName = `${name}-${String(index + 1).padStart(3, "0")}-${ctx.random.hex(8)}`;
    const tuned = grid ? gridPoint(ranges, index - gridOffset) : distinctSample(ranges, seen[d]!, ctx);
    const objective = objectiveOf(definition, request)!;
    const childRequest = childTrainingRequest(childName, definition, tuned, objective.MetricName!);
    const training = planTrainingJob(ctx, childRequest);
    // Null prototype and hasOwn: an objective named `constructor`, `toString` or `__proto__` is
    // the child's own metric, not something inherited from Object.prototype.
    const metrics = Object.assign(Object.create(null) as Record<string, number>, training.metrics);
    if (!Object.hasOwn(metrics, objective.MetricName!)) metrics[objective.MetricName!] = Number(ctx.random.next().toFixed(6));
    children.push({
      name: childName,
      definitionName: definition.DefinitionName,
      request: childRequest,
      tuned,
      objective,
      training: { ...training, startingMs: Math.max(MIN_CHILD_STARTING_MS, training.startingMs), metrics },
    });
  }
  return {
    createdAt: ctx.clock.now(),
    maxParallel: limits.MaxParallelTrainingJobs!,
    maxRuntimeMs: limits.MaxRuntimeInSeconds !== undefined ? limits.MaxRuntimeInSeconds * 1000 : undefined,
    children,
  };
}

/**
 * Discrete spaces are searched without repeats: SageMaker refuses MaxNumberOfTrainingJobs above
 * the number of combinations (validate.ts), which only makes sense if a tuner never repeats one.
 */
function distinctSample(ranges: ParameterRanges | undefined, seen: Set<string>, ctx: EmulatorContext): Record<string, string> {
  let values = sampleHyperParameters(ranges, ctx.random);
  if (combinationCount(ranges) === Infinity) return values;
  for (let attempt = 1; seen.has(JSON.stringify(values)) && attempt < DISTINCT_ATTEMPTS; attempt++) {
    values = sampleHyperParameters(ranges, ctx.random);
  }
  seen.add(JSON.stringify(values));
  return values;
}
