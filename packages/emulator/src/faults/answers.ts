import { ServiceError } from "../errors.js";
import type { ServiceName } from "../service-router.js";
import { errorResponse, type ServedOperation, type WireRequest, type WireResponse } from "../wire/aws-json.js";
import { RestJsonError, restJsonErrorResponse } from "../wire/rest-json.js";
import { RestXmlError, restXmlErrorResponse } from "../wire/rest-xml.js";

/** The two request faults that replace the answer. */
export type RefusalFault = "throttling" | "internalFailure";

/**
 * The answer each service gives when it throttles or fails, in its own protocol, through its own
 * error encoder (docs/fidelity.md §13):
 * - SageMaker and CloudWatch Logs (AWS JSON 1.1): 400 `ThrottlingException` "Rate exceeded"
 *   ([OBS] aws/sagemaker-python-sdk#645, #2293) and 500 `InternalFailure` ([DOC] CommonErrors);
 * - S3 (REST-XML): 503 `SlowDown` "Please reduce your request rate." and 500 `InternalError`
 *   "We encountered an internal error. Please try again." ([DOC] S3 ErrorResponses);
 * - SageMaker Runtime (REST-JSON): 400 `ThrottlingException` ([DOC] CommonErrors) and the
 *   model's 500 `InternalFailure` ([MODEL] sagemaker-runtime InvokeEndpoint errors).
 * Every code is one the SDK v3 and botocore retry on (their throttling codes, or a 5xx status).
 */
export function refusalAnswer(
  fault: RefusalFault,
  service: ServiceName,
  request: WireRequest,
  requestId: string,
  served: ServedOperation | undefined,
): WireResponse {
  const response = answerOf(fault, service, request, requestId);
  return served === undefined ? response : { ...response, served };
}

function answerOf(fault: RefusalFault, service: ServiceName, request: WireRequest, requestId: string): WireResponse {
  const throttled = fault === "throttling";
  if (service === "s3") {
    const error = throttled
      ? new RestXmlError("SlowDown", "Please reduce your request rate.", 503)
      : new RestXmlError("InternalError", "We encountered an internal error. Please try again.", 500);
    return restXmlErrorResponse(error, requestId, (request.method ?? "POST").toUpperCase());
  }
  if (service === "runtime") {
    const error = throttled
      ? new RestJsonError("ThrottlingException", THROTTLED_MESSAGE, 400, {}, "message")
      : new RestJsonError("InternalFailure", INTERNAL_FAILURE_MESSAGE, 500, {}, "message");
    return restJsonErrorResponse(error, requestId);
  }
  return errorResponse(
    throttled ? new ServiceError("ThrottlingException", THROTTLED_MESSAGE) : new ServiceError("InternalFailure", INTERNAL_FAILURE_MESSAGE),
    requestId,
  );
}

/** [OBS] "An error occurred (ThrottlingException) when calling the CreateTrainingJob operation …: Rate exceeded" (aws/sagemaker-python-sdk#645). */
const THROTTLED_MESSAGE = "Rate exceeded";
/** [INF] the text: CommonErrors documents the code and its meaning, not a message. */
const INTERNAL_FAILURE_MESSAGE = "The request processing has failed because of an unknown error, exception or failure.";
