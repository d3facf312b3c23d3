import type { CreateHyperParameterTuningJobRequest } from "@aws-sdk/client-sagemaker";
import { ServiceError, validationError } from "../../errors.js";
import { nullMemberMessage } from "../operation.js";
import { checkMaxRuntime } from "../training-job/check-request.js";
import { definitionsOf, maxTrainingJobs, objectiveOf, rangesOf, totalCombinations } from "./definitions.js";
import { checkParameterRanges } from "./range-checks.js";

/** [INF] the "Maximum number of training jobs per hyperparameter tuning job" quota's default. */
const MAX_TRAINING_JOBS_QUOTA = 750;

/**
 * Rules for CreateHyperParameterTuningJob that the model's shapes cannot express. The model has
 * already checked required members, lengths, ranges and enums (and the 32-character name).
 */
export function checkTuningRequest(request: CreateHyperParameterTuningJobRequest): void {
  const config = request.HyperParameterTuningJobConfig!;
  // [DOC] CreateHyperParameterTuningJob takes TrainingJobDefinition or TrainingJobDefinitions; text [INF].
  if ((request.TrainingJobDefinition === undefined) === (request.TrainingJobDefinitions === undefined)) {
    throw validationError("Either TrainingJobDefinition or TrainingJobDefinitions must be specified, but not both.");
  }
  // [DOC] TrainingJobEarlyStoppingType: "TrainingJobEarlyStoppingType must be OFF to use Hyperband". Text [INF].
  if (config.Strategy === "Hyperband" && config.TrainingJobEarlyStoppingType === "Auto") {
    throw validationError("TrainingJobEarlyStoppingType must be OFF to use Hyperband.");
  }
  definitionsOf(request).forEach((definition, i) => {
    const path = request.TrainingJobDefinitions ? `trainingJobDefinitions.${i + 1}.member` : "trainingJobDefinition";
    const spec = definition.AlgorithmSpecification!;
    if ((spec.TrainingImage === undefined) === (spec.AlgorithmName === undefined)) {
      // [DOC] HyperParameterAlgorithmSpecification.AlgorithmName: "do not specify a value for TrainingImage". Text [INF].
      throw validationError("Either TrainingImage or AlgorithmName must be specified in AlgorithmSpecification, but not both.");
    }
    // [INF] the model leaves the objective optional, but every strategy ranks children by it.
    if (!objectiveOf(definition, request)) {
      throw validationError(
        nullMemberMessage(
          request.TrainingJobDefinitions ? `${path}.tuningObjective` : "hyperParameterTuningJobConfig.hyperParameterTuningJobObjective",
        ),
      );
    }
    // The children are training jobs: the same 28-day ceiling ([DOC] StoppingCondition).
    checkMaxRuntime(definition.StoppingCondition, `${path}.stoppingCondition`);
    checkParameterRanges(rangesOf(definition, request), config.Strategy);
  });
  checkJobCount(request);
}

function checkJobCount(request: CreateHyperParameterTuningJobRequest): void {
  const config = request.HyperParameterTuningJobConfig!;
  const combinations = totalCombinations(request);
  const given = config.ResourceLimits?.MaxNumberOfTrainingJobs;
  if (config.Strategy === "Grid" && given !== undefined && given !== combinations) {
    // [DOC] Grid search: "If specified, the value of MaxNumberOfTrainingJobs should equal the total
    // number of distinct categorical combinations possible." Text [INF].
    throw validationError(
      `The value of MaxNumberOfTrainingJobs, [${given}], must equal the total number of distinct categorical combinations, [${combinations}], for the Grid strategy.`,
    );
  }
  if (config.Strategy !== "Grid" && given !== undefined && given > combinations) {
    // [OBS] aws/amazon-sagemaker-operator-for-k8s#123 (text); syne-tune/syne-tune#415 (the
    // combinations are those of the integer and categorical ranges).
    throw validationError(
      `You don't have enough combinations of hyperparameter ranges. The total number of hyperparameter combinations for the provided ranges [${combinations.toFixed(1)}] must be equal or greater than the value of MaxNumberOfJobs, [${given}]. Provide additional ranges.`,
    );
  }
  const total = maxTrainingJobs(request);
  if (total > MAX_TRAINING_JOBS_QUOTA) {
    // The quota message family of docs/fidelity.md §2.2 ([OBS] for instance quotas); this quota's wording is [INF].
    throw new ServiceError(
      "ResourceLimitExceeded",
      `The account-level service limit 'Maximum number of training jobs per tuning job' is ${MAX_TRAINING_JOBS_QUOTA} Jobs, with current utilization of 0 Jobs and a request delta of ${total} Jobs. Please use AWS Service Quotas to request an increase for this quota. If AWS Service Quotas is not available, contact AWS support to request an increase for this quota.`,
    );
  }
}
