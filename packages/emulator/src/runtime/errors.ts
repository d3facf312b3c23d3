import type { ContainerError } from "../containers/contract.js";
import { RestJsonError } from "../wire/rest-json.js";

/**
 * The answers SageMaker Runtime refuses an invocation with, texts as the service writes them where
 * a public source shows one (docs/fidelity.md §11 lists each with its source and tag). Error shapes
 * and statuses: botocore's sagemaker-runtime model (ValidationError 400, ModelError 424).
 */

/** Where the caller is: the account and region an answer names. */
export interface RuntimeScope {
  readonly accountId: string;
  readonly region: string;
}

const validation = (message: string): RestJsonError => new RestJsonError("ValidationError", message, 400);

/** [OBS] aws/amazon-sagemaker-examples#293 and #559 (the exact text, for an unknown or deleted endpoint). */
export const endpointNotFound = (name: string, scope: RuntimeScope): RestJsonError =>
  validation(`Endpoint ${name} of account ${scope.accountId} not found.`);

/** [INF] the text: no public source shows what an endpoint that exists but cannot serve (Creating, Failed, …) answers. */
export const endpointNotInService = (name: string, status: string, scope: RuntimeScope): RestJsonError =>
  validation(`Endpoint ${name} of account ${scope.accountId} is not in service: its status is ${status}.`);

/** [INF] the text, in the shape of {@link endpointNotFound}. */
export const variantNotFound = (variant: string, endpoint: string, scope: RuntimeScope): RestJsonError =>
  validation(`Variant ${variant} of endpoint ${endpoint} of account ${scope.accountId} not found.`);

/** [INF] an endpoint whose every variant weighs 0 has nowhere to send a request without TargetVariant. */
export const noWeightedVariant = (endpoint: string, scope: RuntimeScope): RestJsonError =>
  validation(
    `Endpoint ${endpoint} of account ${scope.accountId} has no production variant with a weight greater than 0; ` +
      "name one with TargetVariant.",
  );

/** [OBS] aws/amazon-sagemaker-examples#1026 (the exact text); the emulator hosts no multi-model endpoints. */
export const notMultiModel = (endpoint: string): RestJsonError =>
  validation(`Endpoint ${endpoint} is not a multi-model endpoint and does not support target model header.`);

/** The model's BodyBlob `max` (botocore's sagemaker-runtime model): 6 MiB, "Maximum payload size 6 MB". */
export const MAX_BODY_BYTES = 6_291_456;

/**
 * [OBS] aws/sagemaker-python-sdk#171 and aws/amazon-sagemaker-examples#245: a body over the limit
 * is refused before the service reads it, with 413 and no error type (botocore shows
 * `An error occurred (413)`), under the 5 MB limit of 2018 as `HTTP content length exceeded 5246976
 * bytes.`; the number for today's 6 MB limit is [INF].
 */
export const bodyTooLarge = (): RestJsonError =>
  new RestJsonError(undefined, `HTTP content length exceeded ${MAX_BODY_BYTES} bytes.`, 413, {}, "message");

/**
 * The serving code failed: ModelError (424) carrying the container's status and text. Message, log
 * group ARN and `ErrorCode` as a whole answer body shows them, copied into a client's test
 * (opensearch-project/skills, `src/test/java/org/opensearch/agent/tools/PPLToolTests.java`); the
 * message also in aws/amazon-sagemaker-examples#1881, "server error (500)" in #407 and #4324.
 * "primary" names the container, whatever the variant. `ErrorCode` is unmodelled and seen only for
 * a 4xx, so a 5xx goes without it [INF]. LogStreamArn is the log group's ARN, not a stream's.
 */
export function modelError(error: ContainerError, endpoint: string, scope: RuntimeScope): RestJsonError {
  const { region, accountId } = scope;
  const status = error.statusCode;
  const group = `/aws/sagemaker/Endpoints/${endpoint}`;
  const kind = status >= 500 ? "server" : "client";
  const logsUrl = `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logEventViewer:group=${group}`;
  const message =
    `Received ${kind} error (${status}) from primary with message "${error.message}". ` +
    `See ${logsUrl} in account ${accountId} for more information.`;
  return new RestJsonError("ModelError", message, 424, {
    ...(status < 500 ? { ErrorCode: "CLIENT_ERROR_FROM_MODEL" } : {}),
    LogStreamArn: `arn:aws:logs:${region}:${accountId}:log-group:${group}`,
    OriginalMessage: error.message,
    OriginalStatusCode: status,
  });
}

/**
 * [INF] what the emulator answers for a runtime operation it lacks, in the words of its SageMaker
 * gaps (errors.ts, unimplementedOperation): 501 NotImplemented, as S3's gaps answer.
 */
export const runtimeNotImplemented = (operation: string): RestJsonError =>
  new RestJsonError(
    "NotImplemented",
    `${operation} is a SageMaker Runtime operation that the sagerun emulator does not implement yet. ` +
      "Your client and request are fine: this is a gap in the emulator. The operations it implements are " +
      'listed in the @sagerun/emulator README, "What it emulates".',
    501,
  );

/** [INF] a request that names no runtime operation (another path, another method). */
export const unknownRuntimeOperation = (method: string, path: string): RestJsonError =>
  new RestJsonError(
    "UnknownOperationException",
    `SageMaker Runtime has no operation ${method} ${path.slice(0, 200)}; InvokeEndpoint is POST /endpoints/{EndpointName}/invocations.`,
    404,
    {},
    "message",
  );
