import { ServiceError, unimplementedOperationOf, type ServiceErrorCode } from "../errors.js";
import { bodyText, decodeJson, encodeJson } from "./json-codec.js";

/**
 * AWS JSON 1.1, the wire protocol of SageMaker and of CloudWatch Logs, in one place: every front door (the SDK's in-process
 * request handler, msw, the HTTP server and its admin routes) turns its request into a
 * {@link WireRequest} and writes back a {@link WireResponse}, and every error body any of them
 * sends comes from {@link errorResponse}. Facts: botocore's SageMaker model (`targetPrefix`
 * "SageMaker", `jsonVersion` 1.1, `requestUri` "/") and the Smithy awsJson1_1 protocol page
 * (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html); botocore's Logs model
 * (`targetPrefix` "Logs_20140328", `jsonVersion` 1.1).
 */
export interface WireRequest {
  /** The HTTP method. @default "POST" (AWS JSON serves only POST) */
  readonly method?: string;
  /**
   * The request target: origin-form `/path?query`, or an absolute URL (which also names the host).
   * REST protocols (S3) read their operation from it. @default "/"
   */
  readonly target?: string;
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Uint8Array | string | undefined;
}

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
  /**
   * The error this response answers, if it is one: a front door can act on it (the HTTP server
   * logs an operation the emulator lacks) without reading the body back.
   */
  readonly error?: ServiceError;
  /**
   * The body is a payload the SDK hands the caller as a stream (S3's GetObject `Body`): the
   * in-process front door then answers it as a Node stream, which is what the SDK's stream mixin takes.
   */
  readonly streamingBody?: boolean;
  /**
   * For an answer of a protocol without ServiceError (S3's NotImplemented): the request the
   * emulator does not implement yet, as `S3 <operation>`, so the HTTP server can log the gap.
   */
  readonly unimplemented?: string;
  /**
   * For an error answer of a protocol without ServiceError (S3's `NoSuchKey`, SageMaker Runtime's
   * `ModelError`): its code, which the request log records (a HEAD answer carries none on the wire).
   */
  readonly errorCode?: string;
  /** The operation the service read the request as, and its input: what the request log records. */
  readonly served?: ServedOperation;
}

/**
 * An operation as a service read it off the wire, for the emulator's request log: its name and its
 * decoded input (the JSON body of an AWS JSON service; the members a REST service reads cheaply).
 */
export interface ServedOperation {
  readonly operation: string;
  readonly input: Readonly<Record<string, unknown>>;
}

/** Runs one operation; throws ServiceError for anything the service would refuse. */
export type Dispatch = (operation: string, input: Record<string, unknown>) => object;

export const CONTENT_TYPE = "application/x-amz-json-1.1";

/** The `targetPrefix` of each AWS JSON service the emulator serves (botocore's models' metadata). */
export const TARGET_PREFIX = { sagemaker: "SageMaker", logs: "Logs_20140328" } as const;

/**
 * Answers one AWS JSON 1.1 request of the service whose operations are `<targetPrefix>.<Operation>`
 * (SageMaker's unless told; CloudWatch Logs' is `Logs_20140328`).
 */
export function serveWire(
  request: WireRequest,
  dispatch: Dispatch,
  requestId: string,
  targetPrefix: string = TARGET_PREFIX.sagemaker,
): WireResponse {
  let served: ServedOperation | undefined;
  try {
    const operation = operationOf(request, `${targetPrefix}.`);
    served = { operation, input: {} }; // a body that does not decode is still logged under its operation
    const input = decodeRequestBody(request.body);
    served = { operation, input };
    return { ...respond(200, encodeJson(dispatch(operation, input)), requestId), served };
  } catch (error) {
    const response = errorResponse(asServiceError(error), requestId);
    return served ? { ...response, served } : response;
  }
}

/**
 * The AWS-shaped answer to `error`: `{"__type", "message"|"Message"}` and `x-amzn-ErrorType`,
 * status from the error. The one place an error body is built, for every front door.
 */
export function errorResponse(error: ServiceError, requestId: string, extraHeaders: Record<string, string> = {}): WireResponse {
  const response = respond(error.statusCode, encodeJson(errorBody(error)), requestId, extraHeaders);
  // The JS SDK reads the code from this header first, botocore from the body's __type.
  response.headers["x-amzn-errortype"] = error.code;
  return { ...response, error };
}

/**
 * The request body as the input object. Empty means no parameters (boto3 sends `{}`, curl users
 * often nothing); anything but a JSON object is Coral's SerializationException, as is JSON nested
 * deeper than any SageMaker request (see MAX_NESTING_DEPTH).
 */
export function decodeRequestBody(body: Uint8Array | string | undefined): Record<string, unknown> {
  const text = bodyText(body);
  if (text.trim() === "") return {};
  const parsed = decodeJson(text);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ServiceError("SerializationException", "Start of structure or map found where not expected.");
  }
  return parsed as Record<string, unknown>;
}

/** Anything thrown that is not the service's own answer is an internal failure, never a crash. */
function asServiceError(error: unknown): ServiceError {
  return error instanceof ServiceError
    ? error
    : new ServiceError("InternalFailure", `The emulator failed to process the request: ${String(error)}`);
}

/**
 * Coral's framework errors travel with a namespaced `__type`
 * (`com.amazon.coral.service#SerializationException`, as in aws/aws-sdk-net#1536 and
 * mhart/kinesalite#101); SageMaker's modelled ones and ValidationException with the bare name.
 * Clients strip everything up to the last `#` (botocore parsers.py, smithy's sanitizeErrorCode).
 */
const CORAL_NAMESPACED: ReadonlySet<ServiceErrorCode> = new Set(["SerializationException", "UnknownOperationException"]);

/** SageMaker's modelled exceptions carry their text in the member `Message`; framework errors and CloudWatch Logs' exceptions in `message`. */
const MODELLED: ReadonlySet<ServiceErrorCode> = new Set([
  "ResourceNotFound",
  "ResourceInUse",
  "ResourceLimitExceeded",
  "ConflictException",
]);

function errorBody(error: ServiceError): Record<string, unknown> {
  const type = CORAL_NAMESPACED.has(error.code) ? `com.amazon.coral.service#${error.code}` : error.code;
  // The service answers a target it does not know with no message at all (aws/aws-sdk-net#1536);
  // only the emulator's own gaps (errors.ts, unimplementedOperation) explain themselves.
  if (error.code === "UnknownOperationException" && unimplementedOperationOf(error) === undefined) return { __type: type };
  return { __type: type, [MODELLED.has(error.code) ? "Message" : "message"]: error.message };
}

/** `X-Amz-Target: <prefix><Operation>` (`SageMaker.CreateTrainingJob`); anything else is Coral's UnknownOperationException. */
function operationOf(request: WireRequest, prefix: string): string {
  const target = header(request, "x-amz-target");
  if (!target?.startsWith(prefix) || target.length === prefix.length) {
    throw new ServiceError("UnknownOperationException", "");
  }
  return target.slice(prefix.length);
}

function respond(statusCode: number, body: Uint8Array, requestId: string, extraHeaders: Record<string, string> = {}): WireResponse {
  return {
    statusCode,
    headers: {
      ...extraHeaders,
      "content-type": CONTENT_TYPE,
      "content-length": String(body.byteLength),
      "x-amzn-requestid": requestId,
    },
    body,
  };
}

/** The first value of header `name` (lower case), whatever case the front door kept. */
export function header(request: WireRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() === name) return typeof value === "string" ? value : value?.[0];
  }
  return undefined;
}
