import { createHash } from "node:crypto";
import { httpDate } from "./call.js";
import type { S3Object } from "./store.js";

/** What S3 stores when a PUT names no Content-Type. */
const DEFAULT_CONTENT_TYPE = "binary/octet-stream";
const META_PREFIX = "x-amz-meta-";

/** Content-Type and user metadata (`x-amz-meta-*`, names lower-cased) as a write request sets them. */
export function objectAttributes(headers: ReadonlyMap<string, string>): { contentType: string; metadata: Record<string, string> } {
  const metadata: Record<string, string> = {};
  for (const [name, value] of headers) {
    if (name.startsWith(META_PREFIX)) metadata[name.slice(META_PREFIX.length)] = value;
  }
  return { contentType: headers.get("content-type") ?? DEFAULT_CONTENT_TYPE, metadata };
}

/** The headers GetObject and HeadObject answer for `object`, its checksum too when `withChecksum`. */
export function objectHeaders(object: S3Object, withChecksum: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": object.contentType,
    etag: object.etag,
    "last-modified": httpDate(object.lastModified),
    "accept-ranges": "bytes",
  };
  for (const [name, value] of Object.entries(object.metadata)) headers[`${META_PREFIX}${name}`] = value;
  if (withChecksum && object.checksum) {
    headers[`x-amz-checksum-${object.checksum.algorithm}`] = object.checksum.value;
    headers["x-amz-checksum-type"] = "FULL_OBJECT";
  }
  return headers;
}

/** S3's ETag of a single-part object: the quoted hex MD5 of its bytes. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("md5").update(body).digest("hex")}"`;
}

/** S3's ETag of a multipart object: the MD5 of the parts' binary MD5s, then `-<number of parts>`. */
export function multipartEtag(partEtags: readonly string[]): string {
  const hash = createHash("md5");
  for (const etag of partEtags) hash.update(Buffer.from(etag.replaceAll('"', ""), "hex"));
  return `"${hash.digest("hex")}-${partEtags.length}"`;
}
