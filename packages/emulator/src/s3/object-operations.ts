import { childText, malformedXml, parseXml, rawResponse, xmlDocument, xmlResponse, type XmlNode } from "../wire/rest-xml.js";
import { bucketOf, xmlDate, type S3Call } from "./call.js";
import { invalidRequest, noSuchBucket, noSuchKey } from "./errors.js";
import { etagOf, objectAttributes, objectHeaders } from "./object-headers.js";
import { notModifiedHeaders, readConditions, writeConditions } from "./conditions.js";
import { checkKeyLength } from "./key-length.js";
import { rangeOf } from "./range.js";
import type { S3Object } from "./store.js";

export function putObject(call: S3Call) {
  const bucket = bucketOf(call);
  checkKeyLength(call.request.key!);
  writeConditions(call.request.headers, call.request.key!, bucket.objects.get(call.request.key!));
  const object: S3Object = {
    key: call.request.key!,
    body: call.request.body,
    etag: etagOf(call.request.body),
    lastModified: call.now,
    ...objectAttributes(call.request.headers),
    checksum: call.request.checksum,
  };
  bucket.put(object);
  return rawResponse(200, new Uint8Array(), call.requestId, { etag: object.etag });
}

/**
 * What GetObject and HeadObject share: the object, a 304 when a read condition says so, the byte
 * range asked for, and the object's headers (its checksum only for a whole object, when asked).
 */
function readObject(call: S3Call) {
  const object = objectOf(call);
  if (readConditions(call.request.headers, object) === "not-modified") {
    return { notModified: rawResponse(304, new Uint8Array(), call.requestId, notModifiedHeaders(object)) } as const;
  }
  const size = object.body.byteLength;
  const range = rangeOf(call.request.headers.get("range"), size);
  const headers = objectHeaders(object, checksumAsked(call) && !range);
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  return { object, range, headers } as const;
}

/** GetObject, whole or one byte range (206 with Content-Range). */
export function getObject(call: S3Call) {
  const read = readObject(call);
  if ("notModified" in read) return read.notModified;
  const { object, range, headers } = read;
  const body = range ? object.body.subarray(range.start, range.end + 1) : object.body;
  return { ...rawResponse(range ? 206 : 200, body, call.requestId, headers), streamingBody: true };
}

/** HeadObject: GetObject's headers (its Content-Length too), no body. */
export function headObject(call: S3Call) {
  const read = readObject(call);
  if ("notModified" in read) return read.notModified;
  const { object, range, headers } = read;
  const response = rawResponse(range ? 206 : 200, new Uint8Array(), call.requestId, headers);
  response.headers["content-length"] = String(range ? range.end - range.start + 1 : object.body.byteLength);
  return response;
}

/** DeleteObject: 204 whether or not the key existed, as S3 answers on an unversioned bucket. */
export function deleteObject(call: S3Call) {
  bucketOf(call).delete(call.request.key!);
  return rawResponse(204, new Uint8Array(), call.requestId);
}

/** DeleteObjects: at most 1000 keys; each listed as Deleted unless the request asks for Quiet. */
export function deleteObjects(call: S3Call) {
  const bucket = bucketOf(call);
  const root = parseXml(new TextDecoder().decode(call.request.body));
  const keys = root.children.filter((child) => child.name === "Object").map((object) => childText(object, "Key"));
  if (root.name !== "Delete" || keys.length === 0 || keys.length > 1000 || keys.some((key) => key === undefined)) throw malformedXml();
  const quiet = childText(root, "Quiet")?.trim() === "true";
  for (const key of keys) bucket.delete(key!);
  const deleted = quiet ? [] : keys.map((key): XmlNode => ["Deleted", [["Key", key!]]]);
  return xmlResponse(200, xmlDocument("DeleteResult", deleted), call.requestId);
}

/**
 * CopyObject (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html): the source is
 * `x-amz-copy-source` (`[/]bucket/key`, URL-encoded); metadata and Content-Type are copied unless
 * `x-amz-metadata-directive: REPLACE`; copying an object onto itself must change something.
 */
export function copyObject(call: S3Call) {
  const target = bucketOf(call);
  checkKeyLength(call.request.key!);
  const source = copySource(call.request.headers.get("x-amz-copy-source")!);
  const sourceBucket = call.store.bucket(source.bucket);
  if (!sourceBucket) throw noSuchBucket(source.bucket);
  const original = sourceBucket.objects.get(source.key);
  if (!original) throw noSuchKey(source.key);
  const replace = call.request.headers.get("x-amz-metadata-directive")?.toUpperCase() === "REPLACE";
  if (!replace && sourceBucket === target && source.key === call.request.key) {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const attributes = replace ? objectAttributes(call.request.headers) : { contentType: original.contentType, metadata: original.metadata };
  const copy: S3Object = { ...original, ...attributes, key: call.request.key!, lastModified: call.now };
  target.put(copy);
  const body = xmlDocument("CopyObjectResult", [
    ["ETag", copy.etag],
    ["LastModified", xmlDate(copy.lastModified)],
  ]);
  return xmlResponse(200, body, call.requestId);
}

function copySource(header: string): { bucket: string; key: string } {
  const path = header.replace(/^\//, "").replace(/\?versionId=.*$/s, "");
  const slash = path.indexOf("/");
  if (slash <= 0 || slash === path.length - 1) {
    throw invalidRequest("Invalid copy source object key");
  }
  return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
}

/**
 * `x-amz-checksum-mode: ENABLED` asks for the stored checksum; S3 sends it for a whole object, not
 * for a range (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html, ChecksumMode).
 */
function checksumAsked(call: S3Call): boolean {
  return call.request.headers.get("x-amz-checksum-mode")?.toUpperCase() === "ENABLED";
}

function objectOf(call: S3Call): S3Object {
  const object = bucketOf(call).objects.get(call.request.key!);
  if (!object) throw noSuchKey(call.request.key!);
  return object;
}
