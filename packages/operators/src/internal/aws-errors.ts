/**
 * Recognising AWS SDK errors by their wire code. The SDK materialises modelled exceptions as
 * classes (`ResourceInUse`) and unmodelled ones (SageMaker's `ValidationException`) as a
 * `SageMakerServiceException` whose `name` is the code, so `name` is the one check that works for
 * both and across duplicate SDK copies.
 */

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** The error's wire code (`name` on SDK errors; `code` on Node's network errors). */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const { name, code } = err as ErrorShape;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return code;
  return typeof name === "string" ? name : undefined;
}

/** The error's message, whatever its shape. */
export function messageOf(err: unknown): string {
  const message = typeof err === "object" && err !== null ? (err as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : (errorCode(err) ?? String(err));
}

/**
 * SageMaker answers "no such job" on Describe/Stop with `ValidationException` ("Requested resource
 * not found."), not the modelled `ResourceNotFound` (boto/boto3#2808, aws/aws-sdk#165),
 * and "already terminal" on Stop likewise ("The request was rejected because the training job is
 * in status Completed."). Airflow's `_get_unique_name` reads it the same way.
 */
export function isValidationException(err: unknown): boolean {
  return errorCode(err) === "ValidationException";
}

/** A duplicate name on Create ("…a training job with this name already exists", aws/amazon-sagemaker-examples#3108). */
export function isResourceInUse(err: unknown): boolean {
  return errorCode(err) === "ResourceInUse";
}

// The codes smithy's retry strategy treats as throttling (@smithy/core
// retry/service-error-classification/constants.ts, THROTTLING_ERROR_CODES): the service refused the
// request before acting on it. Airflow's waiter loop retries the same family without spending
// attempts (the Amazon provider's `utils/waiter_with_logging.py`).
const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);

// Timeouts, 5xx codes and dropped connections (smithy's TRANSIENT_ERROR_CODES and its Node.js
// timeout and network codes): the request may or may not have been acted on.
const UNKNOWN_OUTCOME_CODES: ReadonlySet<string> = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "InternalFailure",
  "InternalError",
  "InternalServerError",
  "ServiceUnavailable",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** Throttling: the service refused the request without acting on it, and asks to be asked later. */
export function isThrottlingError(err: unknown): boolean {
  const code = errorCode(err);
  if (code !== undefined && THROTTLING_CODES.has(code)) return true;
  if (typeof err !== "object" || err === null) return false;
  const { $retryable, $metadata } = err as ErrorShape & { $retryable?: { throttling?: unknown } };
  return $metadata?.httpStatusCode === 429 || $retryable?.throttling === true;
}

/** Throttling, a 5xx or a dropped connection: worth asking again, not a verdict on the job. */
export function isTransientError(err: unknown): boolean {
  if (isThrottlingError(err)) return true;
  const code = errorCode(err);
  if (code !== undefined && UNKNOWN_OUTCOME_CODES.has(code)) return true;
  if (typeof err !== "object" || err === null) return false;
  const { $retryable, $metadata, message } = err as ErrorShape & { message?: unknown };
  if ($retryable !== undefined && $retryable !== null) return true;
  // Node's http client: "socket hang up" when the server closed the connection mid-answer. It
  // carries ECONNRESET, but a wrapper that copies only the message loses the code.
  if (typeof message === "string" && /socket hang up/i.test(message)) return true;
  const status = $metadata?.httpStatusCode;
  return typeof status === "number" && status >= 500;
}
