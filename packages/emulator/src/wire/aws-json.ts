import { ServiceError } from "../errors.js";

/**
 * AWS JSON 1.1, SageMaker's wire protocol, in one place: every front door (the SDK's in-process
 * request handler, msw, the HTTP server) turns its request into a {@link WireRequest} and writes
 * back the {@link WireResponse}. Facts: sagemaker-semantics.md §1 (botocore model: targetPrefix
 * "SageMaker", jsonVersion 1.1, requestUri "/").
 */
export interface WireRequest {
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Uint8Array | string | undefined;
}

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** Runs one operation; throws ServiceError for anything the service would refuse. */
export type Dispatch = (operation: string, input: Record<string, unknown>) => object;

export const CONTENT_TYPE = "application/x-amz-json-1.1";
const TARGET_PREFIX = "SageMaker.";

export function serveWire(request: WireRequest, dispatch: Dispatch, requestId: string): WireResponse {
  try {
    const operation = operationOf(request);
    const input = parseBody(request.body);
    return respond(200, dispatch(operation, input), requestId);
  } catch (error) {
    const failure =
      error instanceof ServiceError
        ? error
        : new ServiceError("InternalFailure", `The emulator failed to process the request: ${String(error)}`);
    return respond(failure.statusCode, failure.toBody(), requestId, failure.code);
  }
}

/** `X-Amz-Target: SageMaker.<Operation>`; anything else is Coral's UnknownOperationException (§1.2). */
function operationOf(request: WireRequest): string {
  const target = header(request, "x-amz-target");
  if (!target?.startsWith(TARGET_PREFIX) || target.length === TARGET_PREFIX.length) {
    throw new ServiceError("UnknownOperationException", "");
  }
  return target.slice(TARGET_PREFIX.length);
}

/** The body is a JSON object; boto3 sends `{}` for no parameters, some clients send nothing. */
function parseBody(body: Uint8Array | string | undefined): Record<string, unknown> {
  const text = typeof body === "string" ? body : body ? new TextDecoder().decode(body) : "";
  if (text.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ServiceError("SerializationException", "Unable to parse the request body as JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ServiceError("SerializationException", "Start of structure or map found where not expected.");
  }
  return parsed as Record<string, unknown>;
}

function respond(statusCode: number, payload: object, requestId: string, errorType?: string): WireResponse {
  const headers: Record<string, string> = { "content-type": CONTENT_TYPE, "x-amzn-requestid": requestId };
  // The JS SDK reads the error code from this header first, botocore from the body's __type (§1.1).
  if (errorType) headers["x-amzn-errortype"] = errorType;
  const body = new TextEncoder().encode(JSON.stringify(payload, encodeTimestamps));
  headers["content-length"] = String(body.byteLength);
  return { statusCode, headers, body };
}

/** Timestamps go out as epoch seconds with fractional milliseconds, e.g. 1529870369.986 (§1). */
function encodeTimestamps(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

function header(request: WireRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : (value as string | undefined);
  }
  return undefined;
}
