import { resourceInUse, validationError, type ServiceError } from "../../errors.js";

/** How a kind names itself in SageMaker's messages. */
export interface JobKindWords {
  /** Sentence-initial: "Processing job". */
  readonly title: string;
  /** Mid-sentence: "processing job". */
  readonly noun: string;
}

export const PROCESSING_JOB: JobKindWords = { title: "Processing job", noun: "processing job" };
export const TRANSFORM_JOB: JobKindWords = { title: "Transform job", noun: "transform job" };

/**
 * Describe* (and Stop/Delete) of a job that does not exist. The model lists ResourceNotFound; the
 * service answers ValidationException starting "Could not find requested job" ([OBS]
 * aws-controllers-k8s/sagemaker-controller generator.yaml); the " with name <name>" tail is [INF].
 */
export function jobNotFound(name: string): ServiceError {
  return validationError(`Could not find requested job with name ${name}`);
}

/**
 * A second job with a name in use (names compare case-insensitively, docs/fidelity.md §3). The wording is the
 * training job's ([OBS] aws/amazon-sagemaker-examples#3108, no trailing period) with the kind
 * swapped in: [INF] by analogy, docs/fidelity.md §2.2.
 */
export function duplicateJob(kind: JobKindWords, existingArn: string): ServiceError {
  return resourceInUse(
    `${kind.title} names must be unique within an AWS account and region, and a ${kind.noun} with this name already exists (${existingArn})`,
  );
}
