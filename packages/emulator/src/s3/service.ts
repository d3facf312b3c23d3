import type { WireRequest, WireResponse } from "../wire/aws-json.js";
import { RestXmlError, restXmlErrorResponse } from "../wire/rest-xml.js";
import { readS3Request } from "./request.js";
import { routeOf } from "./routes.js";
import type { S3Store } from "./store.js";

/**
 * Answers one S3 request: read it (addressing, aws-chunked, checksums), route it to its operation,
 * run that at `now`, and answer any refusal in S3's XML error shape.
 */
export function serveS3(wire: WireRequest, store: S3Store, now: number, requestId: string, region: string): WireResponse {
  const method = (wire.method ?? "POST").toUpperCase();
  let operation: string | undefined;
  try {
    const request = readS3Request(wire, region);
    const route = routeOf(request);
    operation = route.name;
    return route.run({ request, store, now, requestId });
  } catch (error) {
    const refusal =
      error instanceof RestXmlError
        ? error
        : new RestXmlError("InternalError", `The emulator failed to process the request: ${String(error)}`, 500);
    const response = restXmlErrorResponse(refusal, requestId, method);
    return refusal.code === "NotImplemented" && operation !== undefined ? { ...response, unimplemented: `S3 ${operation}` } : response;
  }
}
