import { RestXmlError } from "../wire/rest-xml.js";
import { noSuchKey } from "./errors.js";
import type { S3Object } from "./store.js";

/**
 * Conditional requests, as S3 applies them (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html,
 * "If-Match"…; RFC 9110 §13.2.2 for the order): a failed If-Match or If-Unmodified-Since is
 * PreconditionFailed (412), a matching If-None-Match or an unchanged If-Modified-Since is 304 Not
 * Modified; If-Match that holds overrides If-Unmodified-Since, and If-None-Match overrides
 * If-Modified-Since. Dates compare at whole seconds, as Last-Modified is sent.
 */
export function readConditions(headers: ReadonlyMap<string, string>, object: S3Object): "ok" | "not-modified" {
  const ifMatch = headers.get("if-match");
  const ifNoneMatch = headers.get("if-none-match");
  const modified = Math.floor(object.lastModified / 1000) * 1000;
  if (ifMatch !== undefined) {
    if (!etagListHas(ifMatch, object.etag)) throw preconditionFailed("If-Match");
  } else if (isBefore(headers.get("if-unmodified-since"), modified)) {
    throw preconditionFailed("If-Unmodified-Since");
  }
  if (ifNoneMatch !== undefined) return etagListHas(ifNoneMatch, object.etag) ? "not-modified" : "ok";
  const since = dateOf(headers.get("if-modified-since"));
  return since !== undefined && modified <= since ? "not-modified" : "ok";
}

/**
 * Conditional writes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html):
 * `If-None-Match: *` refuses to overwrite an existing key, `If-Match` to write over anything but that
 * ETag (NoSuchKey when there is no object), both with PreconditionFailed (412).
 */
export function writeConditions(headers: ReadonlyMap<string, string>, key: string, existing: S3Object | undefined): void {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch?.trim() === "*" && existing) throw preconditionFailed("If-None-Match");
  const ifMatch = headers.get("if-match");
  if (ifMatch === undefined) return;
  if (!existing) throw noSuchKey(key);
  if (!etagListHas(ifMatch, existing.etag)) throw preconditionFailed("If-Match");
}

/** The 304 headers S3 sends in place of the object. */
export function notModifiedHeaders(object: S3Object): Record<string, string> {
  return { etag: object.etag, "last-modified": new Date(object.lastModified).toUTCString() };
}

function etagListHas(list: string, etag: string): boolean {
  return list.split(",").some((item) => {
    const tag = item.trim().replace(/^W\//, "");
    return tag === "*" || tag.replaceAll('"', "") === etag.replaceAll('"', "");
  });
}

function isBefore(header: string | undefined, modified: number): boolean {
  const date = dateOf(header);
  return date !== undefined && modified > date;
}

function dateOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const ms = Date.parse(header);
  return Number.isNaN(ms) ? undefined : ms;
}

const preconditionFailed = (condition: string): RestXmlError =>
  new RestXmlError("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412, { Condition: condition });
