import { childText, malformedXml, parseXml, rawResponse, xmlDocument, xmlResponse } from "../wire/rest-xml.js";
import { bucketOf, type S3Call } from "./call.js";
import { entityTooSmall, invalidArgument, invalidPart, invalidPartOrder, MIN_PART_BYTES, noSuchUpload } from "./errors.js";
import { checkKeyLength } from "./key-length.js";
import { etagOf, multipartEtag, objectAttributes } from "./object-headers.js";
import type { Upload } from "./store.js";

/**
 * Multipart upload (https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html), what
 * `@aws-sdk/lib-storage`'s Upload and boto3's `upload_file` use for large files: parts numbered
 * 1–10,000, each but the last at least 5 MiB, completed in ascending order with their ETags.
 */
export function createMultipartUpload(call: S3Call) {
  const bucket = bucketOf(call);
  checkKeyLength(call.request.key!);
  // The request id is unique and drawn from the emulator's seeded stream: a seed replays the same ids.
  const upload: Upload = {
    id: call.requestId.replaceAll("-", ""),
    key: call.request.key!,
    ...objectAttributes(call.request.headers),
    parts: new Map(),
  };
  bucket.uploads.set(upload.id, upload);
  const body = xmlDocument("InitiateMultipartUploadResult", [
    ["Bucket", bucket.name],
    ["Key", upload.key],
    ["UploadId", upload.id],
  ]);
  return xmlResponse(200, body, call.requestId);
}

export function uploadPart(call: S3Call) {
  const upload = uploadOf(call);
  const numberText = call.request.query.get("partNumber")!;
  const partNumber = Number(numberText);
  if (!/^\d+$/.test(numberText) || partNumber < 1 || partNumber > 10_000) {
    throw invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", numberText);
  }
  const etag = etagOf(call.request.body);
  upload.parts.set(partNumber, { etag, body: call.request.body });
  return rawResponse(200, new Uint8Array(), call.requestId, { etag });
}

/** CompleteMultipartUpload: the object is the listed parts joined; its ETag the MD5 of their MD5s plus `-N`. */
export function completeMultipartUpload(call: S3Call) {
  const bucket = bucketOf(call);
  const upload = uploadOf(call);
  const root = parseXml(new TextDecoder().decode(call.request.body));
  const listed = root.children
    .filter((child) => child.name === "Part")
    .map((part) => ({ number: Number(childText(part, "PartNumber")), etag: childText(part, "ETag") ?? "" }));
  if (root.name !== "CompleteMultipartUpload" || listed.length === 0 || listed.some((part) => !Number.isInteger(part.number))) {
    throw malformedXml();
  }
  const parts = listed.map((part, i) => {
    if (i > 0 && part.number <= listed[i - 1]!.number) throw invalidPartOrder();
    const uploaded = upload.parts.get(part.number);
    if (!uploaded || unquote(uploaded.etag) !== unquote(part.etag)) throw invalidPart(part.number, part.etag);
    return uploaded;
  });
  parts.forEach((part, i) => {
    if (i < parts.length - 1 && part.body.byteLength < MIN_PART_BYTES) throw entityTooSmall(part.body.byteLength);
  });
  const etag = multipartEtag(parts.map((part) => part.etag));
  bucket.put({
    key: upload.key,
    body: Buffer.concat(parts.map((part) => part.body)),
    etag,
    lastModified: call.now,
    contentType: upload.contentType,
    metadata: upload.metadata,
  });
  bucket.uploads.delete(upload.id);
  const location = `https://${bucket.name}.s3.${call.request.region}.amazonaws.com/${encodeURIComponent(upload.key).replaceAll("%2F", "/")}`;
  const body = xmlDocument("CompleteMultipartUploadResult", [
    ["Location", location],
    ["Bucket", bucket.name],
    ["Key", upload.key],
    ["ETag", etag],
  ]);
  return xmlResponse(200, body, call.requestId);
}

export function abortMultipartUpload(call: S3Call) {
  const upload = uploadOf(call);
  bucketOf(call).uploads.delete(upload.id);
  return rawResponse(204, new Uint8Array(), call.requestId);
}

/** The upload the request's uploadId names, for its key in its bucket; else NoSuchUpload. */
function uploadOf(call: S3Call): Upload {
  const id = call.request.query.get("uploadId")!;
  const upload = bucketOf(call).uploads.get(id);
  if (!upload || upload.key !== call.request.key) throw noSuchUpload(id);
  return upload;
}

function unquote(etag: string): string {
  return etag.trim().replaceAll('"', "");
}
