import type { WireResponse } from "./aws-json.js";
import { encodeJson } from "./json-codec.js";

/**
 * REST-JSON, the wire protocol of SageMaker Runtime, in one place: the operation is the method and
 * the path, members travel in the path, in headers and (for a blob payload) as the raw body, and an
 * error is its status, an `x-amzn-ErrorType` header naming its shape and a JSON body of the
 * shape's members. Facts: the Smithy restJson1 protocol page
 * (https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html); botocore's sagemaker-runtime
 * model (`protocol` "rest-json"); docs/fidelity.md §11.
 *
 * How clients read an error, which is what this module must satisfy: the JS SDK
 * (`loadRestJsonErrorCode` in @smithy/core, then `AwsRestJsonProtocol.handleError` in @aws-sdk/core)
 * takes the code from `x-amzn-ErrorType`, else the body's `code`, else its `__type`, keeps what
 * precedes a `:` and follows a `#`, takes the text from the body's `message` or `Message`, and each
 * modelled member from the body key of its name; botocore (`RestJSONParser._do_error_parse`)
 * reads the same header first, the same two message keys, and falls back to the status code
 * (`An error occurred (413)`) when neither header nor body names a code.
 */

/** An error a REST-JSON service answers: its code (none for an untyped answer), status, text and modelled members. */
export class RestJsonError extends Error {
  override readonly name = "RestJsonError";
  constructor(
    /** The error shape's name, sent as `x-amzn-ErrorType`; undefined sends no type at all. */
    readonly code: string | undefined,
    message: string,
    readonly statusCode: number,
    /** The shape's other members, written into the body beside the message. */
    readonly members: Readonly<Record<string, unknown>> = {},
    /** The body key of the text: a modelled `Message` member, or a framework's lower-case `message`. */
    readonly messageKey: "Message" | "message" = "Message",
  ) {
    super(message);
  }
}

const REST_JSON_CONTENT_TYPE = "application/json";

/** A successful answer whose body is the raw payload (a blob `httpPayload`), with the members bound to headers. */
export function payloadResponse(body: Uint8Array, requestId: string, headers: Record<string, string>): WireResponse {
  return { statusCode: 200, headers: { ...headers, ...commonHeaders(body, requestId) }, body };
}

/** The REST-JSON answer to `error`: status, `x-amzn-ErrorType` (when typed), and `{Message, ...members}`. */
export function restJsonErrorResponse(error: RestJsonError, requestId: string): WireResponse {
  const body = encodeJson({ [error.messageKey]: error.message, ...error.members });
  const headers: Record<string, string> = { "content-type": REST_JSON_CONTENT_TYPE, ...commonHeaders(body, requestId) };
  if (error.code === undefined) return { statusCode: error.statusCode, headers, body };
  headers["x-amzn-errortype"] = error.code;
  return { statusCode: error.statusCode, headers, body, errorCode: error.code };
}

/** Anything thrown that is not the service's own answer is its InternalFailure (500), never a crash. */
export function asRestJsonError(error: unknown): RestJsonError {
  return error instanceof RestJsonError
    ? error
    : new RestJsonError("InternalFailure", `The emulator failed to process the request: ${String(error)}`, 500);
}

function commonHeaders(body: Uint8Array, requestId: string): Record<string, string> {
  return { "content-length": String(body.byteLength), "x-amzn-requestid": requestId };
}
