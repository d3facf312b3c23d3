import { credentialScope, hostOf, pathOf, queryOf } from "../service-router.js";
import type { WireRequest } from "../wire/aws-json.js";
import { addressOf } from "./addressing.js";
import { decodeAwsChunked, isAwsChunked } from "./aws-chunked.js";
import { sentChecksum, verifyChecksums } from "./checksums.js";
import type { StoredChecksum } from "./store.js";

/** An S3 request as the operations read it: addressed, headers lower-cased, body decoded and verified. */
export interface S3Request {
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly query: URLSearchParams;
  readonly headers: ReadonlyMap<string, string>;
  /** The payload: aws-chunked framing removed, every checksum it carried verified. */
  readonly body: Uint8Array;
  /** The region the request is signed for, else the emulator's. */
  readonly region: string;
  /** The host the client addressed, for the Location S3 answers. */
  readonly host: string | undefined;
  /** The flexible checksum the request carried, verified against the body. */
  readonly checksum: StoredChecksum | undefined;
}

export function readS3Request(wire: WireRequest, defaultRegion: string): S3Request {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(wire.headers)) {
    if (value !== undefined) headers.set(name.toLowerCase(), typeof value === "string" ? value : value.join(","));
  }
  const method = (wire.method ?? "POST").toUpperCase();
  const query = queryOf(wire);
  const host = hostOf(wire);
  const raw = bodyBytes(wire.body);
  let body = raw;
  const fields = new Map(headers);
  if (isAwsChunked(headers)) {
    const decoded = decodeAwsChunked(raw, headers.get("x-amz-decoded-content-length"));
    body = decoded.body;
    for (const [name, value] of decoded.trailers) fields.set(name, value);
  }
  // CompleteMultipartUpload's checksum headers are the whole object's, not its XML body's.
  if (!(method === "POST" && query.has("uploadId"))) verifyChecksums(fields, body);
  return {
    method,
    ...addressOf(host, pathOf(wire)),
    query,
    headers,
    body,
    region: credentialScope(wire)?.region ?? defaultRegion,
    host,
    checksum: sentChecksum(fields),
  };
}

function bodyBytes(body: Uint8Array | string | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array();
  return typeof body === "string" ? new TextEncoder().encode(body) : body;
}
