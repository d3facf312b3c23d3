import type { ServedOperation, WireRequest, WireResponse } from "../wire/aws-json.js";
import { RestXmlError, restXmlErrorResponse } from "../wire/rest-xml.js";
import { readS3Request, type S3Request } from "./request.js";
import { routeOf } from "./routes.js";
import type { S3Store } from "./store.js";

/**
 * Answers one S3 request: read it (addressing, aws-chunked, checksums), route it to its operation,
 * run that at `now`, and answer any refusal in S3's XML error shape. The answer names the
 * operation and its input for the request log.
 */
export function serveS3(wire: WireRequest, store: S3Store, now: number, requestId: string, region: string): WireResponse {
  const method = (wire.method ?? "POST").toUpperCase();
  let served: ServedOperation | undefined;
  try {
    const request = readS3Request(wire, region);
    const route = routeOf(request);
    served = { operation: route.name, input: inputOf(request) };
    return { ...route.run({ request, store, now, requestId }), served };
  } catch (error) {
    const refusal =
      error instanceof RestXmlError
        ? error
        : new RestXmlError("InternalError", `The emulator failed to process the request: ${String(error)}`, 500);
    const response = restXmlErrorResponse(refusal, requestId, method);
    if (served === undefined) return response;
    return refusal.code === "NotImplemented" ? { ...response, served, unimplemented: `S3 ${served.operation}` } : { ...response, served };
  }
}

/**
 * The query parameters that carry members of the operations the emulator serves, by their wire
 * names (botocore's s3 model, each member's `locationName` under `location: querystring`), with
 * how to read the value as the member's type. Parameters that name a subresource carry none.
 */
const QUERY_MEMBERS: Readonly<Record<string, readonly [member: string, read: (value: string) => unknown]>> = {
  prefix: ["Prefix", String],
  delimiter: ["Delimiter", String],
  marker: ["Marker", String],
  "max-keys": ["MaxKeys", Number],
  "continuation-token": ["ContinuationToken", String],
  "start-after": ["StartAfter", String],
  "fetch-owner": ["FetchOwner", (value) => value === "true"],
  "encoding-type": ["EncodingType", String],
  uploadId: ["UploadId", String],
  partNumber: ["PartNumber", Number],
  versionId: ["VersionId", String],
};

/** `{ Bucket, Key }` and the query's members, as the SDK's input names them: what the request log records of an S3 request. */
function inputOf(request: S3Request): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (request.bucket !== undefined) input.Bucket = request.bucket;
  if (request.key !== undefined) input.Key = request.key;
  for (const [name, value] of request.query) {
    const known = Object.hasOwn(QUERY_MEMBERS, name) ? QUERY_MEMBERS[name] : undefined;
    if (known) input[known[0]] = known[1](value);
  }
  return input;
}
