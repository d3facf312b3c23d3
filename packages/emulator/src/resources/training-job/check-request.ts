import type { CreateTrainingJobRequest, StoppingCondition } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import { nullMemberMessage } from "../operation.js";

/** [DOC] StoppingCondition.MaxRuntimeInSeconds: "The maximum value is 28 days." */
const MAX_RUNTIME_LIMIT_SECONDS = 28 * 86_400;

/**
 * Rules the model's shapes cannot express. The current model made AlgorithmSpecification and
 * ResourceConfig optional for serverless training (ServerlessJobConfig); classic jobs still need
 * them ([INF], docs/fidelity.md §5.1). Texts follow Coral's null-member form.
 * MaxRuntimeInSeconds has a documented ceiling the model lacks (checkMaxRuntime).
 */
export function checkTrainingRequest(input: CreateTrainingJobRequest): void {
  checkMaxRuntime(input.StoppingCondition, "stoppingCondition");
  const serverless = input.ServerlessJobConfig !== undefined;
  if (!serverless && !input.AlgorithmSpecification) throw validationError(nullMemberMessage("algorithmSpecification"));
  if (!serverless && !input.ResourceConfig) throw validationError(nullMemberMessage("resourceConfig"));
  const spec = input.AlgorithmSpecification;
  if (spec && (spec.TrainingImage === undefined) === (spec.AlgorithmName === undefined)) {
    // [DOC] AlgorithmSpecification: specify either TrainingImage or AlgorithmName, not both. Text [INF].
    throw validationError("Either TrainingImage or AlgorithmName must be specified in AlgorithmSpecification, but not both.");
  }
  const resources = input.ResourceConfig;
  if (resources && !resources.InstanceGroups?.length) {
    if (!resources.InstanceType) throw validationError(nullMemberMessage("resourceConfig.instanceType"));
    if ((resources.InstanceCount ?? 0) < 1) {
      throw validationError(
        `1 validation error detected: Value '${resources.InstanceCount ?? "null"}' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value greater than or equal to 1`,
      );
    }
  }
  const channels = (input.InputDataConfig ?? []).map((c) => c.ChannelName?.toLowerCase());
  const duplicate = channels.find((c, i) => channels.indexOf(c) !== i);
  if (duplicate !== undefined) throw validationError(`Channel names must be unique. Duplicate channel name: ${duplicate}`);
  if (input.EnableManagedSpotTraining) {
    const stopping = input.StoppingCondition;
    // [DOC] "MaxWaitTimeInSeconds must be equal to or greater than MaxRuntimeInSeconds" for spot training.
    if (stopping?.MaxWaitTimeInSeconds === undefined) {
      throw validationError("MaxWaitTimeInSeconds must be specified in StoppingCondition when EnableManagedSpotTraining is true.");
    }
    if (stopping.MaxWaitTimeInSeconds < (stopping.MaxRuntimeInSeconds ?? 86_400)) {
      throw validationError("MaxWaitTimeInSeconds must be equal to or greater than MaxRuntimeInSeconds.");
    }
  }
}

/**
 * The 28-day ceiling the model cannot express (it only says min 1), for a training job's
 * StoppingCondition at `path` (e.g. `stoppingCondition`). The text is [INF], in Coral's
 * constraint form (docs/fidelity.md §2.3).
 */
export function checkMaxRuntime(stopping: StoppingCondition | undefined, path: string): void {
  const seconds = stopping?.MaxRuntimeInSeconds;
  if (seconds !== undefined && seconds > MAX_RUNTIME_LIMIT_SECONDS) {
    throw validationError(
      `1 validation error detected: Value '${seconds}' at '${path}.maxRuntimeInSeconds' failed to satisfy constraint: Member must have value less than or equal to ${MAX_RUNTIME_LIMIT_SECONDS}`,
    );
  }
}
