/** SageMaker's texts for endpoints (docs/fidelity.md §2.2). */

/** [OBS] DeleteEndpoint in aws/amazon-sagemaker-examples#2402; ACK prefix `Could not find endpoint`. */
export const endpointNotFound = (arn: string): string => `Could not find endpoint "${arn}".`;

/** [OBS] modernisation-platform-environments#9383, aws/sagemaker-python-sdk#101. */
export const endpointAlreadyExists = (arn: string): string => `Cannot create already existing endpoint "${arn}".`;

/**
 * [OBS] Update/UpdateWeights/Delete on an endpoint that is Creating or Updating: the SageMaker
 * operator for Kubernetes' `DeleteEndpointInProgressMessagePrefix`, several deployment scripts
 * (UpdateEndpointWeightsAndCapacities while Updating), and a botocore Stubber fixture with the
 * full text `Cannot update in-progress endpoint "arn:aws:sagemaker:…:endpoint/test-endpoint".`
 */
export const endpointInProgress = (arn: string): string => `Cannot update in-progress endpoint "${arn}".`;

/** [INF] Update of a Failed endpoint ("DeleteEndpoint is the only operation that can be performed on a failed endpoint" [DOC]). */
export const endpointFailed = (arn: string): string => `Cannot update failed endpoint "${arn}".`;

/**
 * [OBS] UpdateEndpoint to the config already deployed (the name; quoted in a deployment script's
 * comments as `…in use endpoint configuration "strands-decider-g6-config"`). Trailing period [INF].
 */
export const sameEndpointConfig = (configName: string): string =>
  `Cannot update endpoint with the currently in use endpoint configuration "${configName}".`;

/** [INF] moto's UpdateEndpointWeightsAndCapacities texts (moto/sagemaker/models.py). */
export const variantRepeated = (variant: string): string => `The variant name "${variant}" was non-unique within the request.`;
export const variantMissing = (variant: string, configName: string): string =>
  `The variant name(s) "${variant}" is/are not present within endpoint configuration "${configName}".`;

/**
 * The first sentence is the common real failure ([OBS] many deployment READMEs); the second
 * sentence [INF]. Used when a rule fails an endpoint without giving a reason.
 */
export const defaultFailureReason = (variant: string): string =>
  `The primary container for production variant ${variant} did not pass the ping health check. Please check CloudWatch logs for this endpoint.`;
