/**
 * SageMaker's texts for a model that is missing or already there. Other resources that refer to
 * models (endpoint configs, endpoints, transform jobs) answer with the same "Could not find" text.
 */

/** [OBS] aws/sagemaker-python-sdk#2112 (CreateEndpoint); ACK generator.yaml prefix `Could not find model`. */
export const modelNotFound = (arn: string): string => `Could not find model "${arn}".`;

/** [OBS] astronomer/astronomer-providers#1055; the SageMaker SDK matches "Cannot create already existing model". */
export const modelAlreadyExists = (arn: string): string => `Cannot create already existing model "${arn}".`;
