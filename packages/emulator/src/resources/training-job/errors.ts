import { resourceInUse, type ServiceError } from "../../errors.js";

/** [OBS] aws/aws-sdk#165, boto/boto3#2808: the model says ResourceNotFound, the service says this. */
export const TRAINING_JOB_NOT_FOUND = "Requested resource not found.";

/** [OBS] aws/amazon-sagemaker-examples#3108: no trailing period. */
export function duplicateTrainingJob(existingArn: string): ServiceError {
  return resourceInUse(
    `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${existingArn})`,
  );
}
