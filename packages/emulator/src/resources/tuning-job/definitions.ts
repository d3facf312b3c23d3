import type {
  CreateHyperParameterTuningJobRequest,
  HyperParameterTrainingJobDefinition,
  HyperParameterTuningJobObjective,
  ParameterRanges,
} from "@aws-sdk/client-sagemaker";
import { combinationCount } from "./sampling.js";

/**
 * Reading a CreateHyperParameterTuningJob request: which training-job definitions it has, and
 * for each the objective and ranges, which a definition may carry itself or inherit from
 * HyperParameterTuningJobConfig ([DOC] TrainingJobDefinitions: "TuningObjective" and
 * "HyperParameterRanges" per definition).
 */
export function definitionsOf(request: CreateHyperParameterTuningJobRequest): readonly HyperParameterTrainingJobDefinition[] {
  return request.TrainingJobDefinitions ?? (request.TrainingJobDefinition ? [request.TrainingJobDefinition] : []);
}

export function objectiveOf(
  definition: HyperParameterTrainingJobDefinition,
  request: CreateHyperParameterTuningJobRequest,
): HyperParameterTuningJobObjective | undefined {
  return definition.TuningObjective ?? request.HyperParameterTuningJobConfig?.HyperParameterTuningJobObjective;
}

export function rangesOf(
  definition: HyperParameterTrainingJobDefinition,
  request: CreateHyperParameterTuningJobRequest,
): ParameterRanges | undefined {
  return definition.HyperParameterRanges ?? request.HyperParameterTuningJobConfig?.ParameterRanges;
}

/** Distinct hyperparameter combinations over every definition; Infinity once a range is continuous. */
export function totalCombinations(request: CreateHyperParameterTuningJobRequest): number {
  return definitionsOf(request).reduce((sum, d) => sum + combinationCount(rangesOf(d, request)), 0);
}

/**
 * How many training jobs the tuner launches in all. [DOC] automatic-model-tuning-how-it-works
 * (Grid search): "You do not need to specify the MaxNumberOfTrainingJobs. The number of training
 * jobs created by the tuning job is automatically calculated to be the total number of distinct
 * categorical combinations possible." For the other strategies the model leaves it optional with
 * no documented default; [INF] 1, the SageMaker Python SDK's documented default (tuner.py
 * `max_jobs`: "the default value is 1 for all others strategies").
 */
export function maxTrainingJobs(request: CreateHyperParameterTuningJobRequest): number {
  const config = request.HyperParameterTuningJobConfig;
  const given = config?.ResourceLimits?.MaxNumberOfTrainingJobs;
  if (given !== undefined) return given;
  return config?.Strategy === "Grid" ? totalCombinations(request) : 1;
}
