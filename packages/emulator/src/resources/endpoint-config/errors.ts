/** SageMaker's texts for endpoint configs, shared with the endpoint operations that name a config. */

/** [OBS] aws/amazon-sagemaker-examples#2339/#2340; ACK prefix `Could not find endpoint configuration`. */
export const endpointConfigNotFound = (arn: string): string => `Could not find endpoint configuration "${arn}".`;

/** [OBS] awslabs/spot-tagging-bot-for-digital-assets#2. */
export const endpointConfigAlreadyExists = (arn: string): string => `Cannot create already existing endpoint configuration "${arn}".`;
