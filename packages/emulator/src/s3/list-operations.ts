import { xmlDocument, xmlResponse, type XmlNode } from "../wire/rest-xml.js";
import { bucketOf, OWNER, xmlDate, type S3Call } from "./call.js";
import { invalidArgument } from "./errors.js";
import { listPage, type ListPage } from "./listing.js";
import type { Bucket } from "./store.js";

const DEFAULT_MAX_KEYS = 1000;

/**
 * ListObjectsV2 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html): prefix,
 * delimiter, max-keys (at most 1000 a page), start-after, and an opaque continuation token, which
 * wins over start-after. `encoding-type=url` percent-encodes the keys and prefixes in the answer,
 * as boto3 asks by default and decodes.
 */
export function listObjectsV2(call: S3Call) {
  const bucket = bucketOf(call);
  const query = call.request.query;
  const token = query.get("continuation-token") ?? undefined;
  const startAfter = query.get("start-after") ?? "";
  const after = token !== undefined ? decodeToken(token) : startAfter;
  const { page, request } = pageOf(bucket, call, after);
  const encode = encoderOf(call);
  const body = xmlDocument("ListBucketResult", [
    ["Name", bucket.name],
    ["Prefix", encode(request.prefix)],
    query.has("delimiter") ? ["Delimiter", encode(request.delimiter)] : undefined,
    ["MaxKeys", request.maxKeys],
    query.has("encoding-type") ? ["EncodingType", "url"] : undefined,
    ["KeyCount", page.keys.length + page.commonPrefixes.length],
    ["IsTruncated", page.isTruncated],
    token !== undefined ? ["ContinuationToken", token] : undefined,
    page.isTruncated ? ["NextContinuationToken", encodeToken(page.last!)] : undefined,
    query.has("start-after") ? ["StartAfter", encode(startAfter)] : undefined,
    ...contents(bucket, page, encode, false),
  ]);
  return xmlResponse(200, body, call.requestId);
}

/**
 * ListObjects, version 1 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html):
 * marker instead of a token; NextMarker only when a delimiter is given (without one, clients go on
 * from the last key); Contents carry their Owner.
 */
export function listObjects(call: S3Call) {
  const bucket = bucketOf(call);
  const query = call.request.query;
  const marker = query.get("marker") ?? "";
  const { page, request } = pageOf(bucket, call, marker);
  const encode = encoderOf(call);
  const body = xmlDocument("ListBucketResult", [
    ["Name", bucket.name],
    ["Prefix", encode(request.prefix)],
    ["Marker", encode(marker)],
    page.isTruncated && request.delimiter !== "" ? ["NextMarker", encode(page.last!)] : undefined,
    ["MaxKeys", request.maxKeys],
    query.has("delimiter") ? ["Delimiter", encode(request.delimiter)] : undefined,
    query.has("encoding-type") ? ["EncodingType", "url"] : undefined,
    ["IsTruncated", page.isTruncated],
    ...contents(bucket, page, encode, true),
  ]);
  return xmlResponse(200, body, call.requestId);
}

function pageOf(bucket: Bucket, call: S3Call, after: string) {
  const query = call.request.query;
  const maxKeysText = query.get("max-keys");
  const maxKeys = maxKeysText === null ? DEFAULT_MAX_KEYS : Number(maxKeysText);
  if (!/^\d+$/.test(maxKeysText ?? "0")) {
    throw invalidArgument("Provided max-keys not an integer or within integer range", "max-keys", maxKeysText!);
  }
  const request = {
    prefix: query.get("prefix") ?? "",
    delimiter: query.get("delimiter") ?? "",
    after,
    maxKeys: Math.min(maxKeys, DEFAULT_MAX_KEYS),
  };
  // max-keys=0 asks for nothing: an empty, complete page [INF].
  const page: ListPage =
    request.maxKeys === 0 ? { keys: [], commonPrefixes: [], isTruncated: false, last: undefined } : listPage(bucket.sortedKeys(), request);
  return { page, request };
}

function contents(bucket: Bucket, page: ListPage, encode: (text: string) => string, withOwner: boolean): XmlNode[] {
  const objects = page.keys.map((key): XmlNode => {
    const object = bucket.objects.get(key)!;
    return [
      "Contents",
      [
        ["Key", encode(key)],
        ["LastModified", xmlDate(object.lastModified)],
        ["ETag", object.etag],
        ["Size", object.body.byteLength],
        withOwner ? ["Owner", OWNER] : undefined,
        ["StorageClass", "STANDARD"],
      ],
    ];
  });
  const prefixes = page.commonPrefixes.map((prefix): XmlNode => ["CommonPrefixes", [["Prefix", encode(prefix)]]]);
  return [...objects, ...prefixes];
}

function encoderOf(call: S3Call): (text: string) => string {
  return call.request.query.get("encoding-type") === "url" ? encodeURIComponent : (text) => text;
}

/** The token is opaque to clients; here it is the last entry listed, base64url-encoded. */
function encodeToken(last: string): string {
  return Buffer.from(last, "utf8").toString("base64url");
}

function decodeToken(token: string): string {
  return Buffer.from(token, "base64url").toString("utf8");
}
