import type { S3Operation } from "./call.js";
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from "./bucket-operations.js";
import { methodNotAllowed, notImplemented } from "./errors.js";
import { listObjects, listObjectsV2 } from "./list-operations.js";
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, uploadPart } from "./multipart-operations.js";
import { copyObject, deleteObject, deleteObjects, getObject, headObject, putObject } from "./object-operations.js";
import type { S3Request } from "./request.js";

/**
 * The operation a REST request names by its method, whether it addresses the service, a bucket or
 * a key, its subresource query parameters and a header or two (botocore's s3 model, each
 * operation's `http.method` and `requestUri`, e.g. `POST /{Bucket}/{Key+}?uploads`).
 */
export function routeOf(request: S3Request): { name: string; run: S3Operation } {
  const { method, bucket, key, query, headers } = request;
  const has = (name: string) => query.has(name);
  const gap = (name: string) => ({ name, run: refuse(notImplemented(name)) });
  // A method S3 has no operation for on this resource; S3 answers MethodNotAllowed (405).
  const wrongMethod = (resource: string) => ({ name: "MethodNotAllowed", run: refuse(methodNotAllowed(method, resource)) });
  if (bucket === undefined) return method === "GET" ? { name: "ListBuckets", run: listBuckets } : wrongMethod("SERVICE");
  if (!S3_METHODS.has(method)) return wrongMethod(key === undefined ? "BUCKET" : "OBJECT");
  const subresource = [...query.keys()].find((name) => SUBRESOURCES.has(name));
  if (key === undefined) {
    if (subresource === "location" && method === "GET") return { name: "GetBucketLocation", run: getBucketLocation };
    if (subresource === "delete" && method === "POST") return { name: "DeleteObjects", run: deleteObjects };
    if (subresource !== undefined) return gap(`${method} /{Bucket}?${subresource}`);
    if (method === "PUT") return { name: "CreateBucket", run: createBucket };
    if (method === "HEAD") return { name: "HeadBucket", run: headBucket };
    if (method === "DELETE") return { name: "DeleteBucket", run: deleteBucket };
    if (method === "GET") {
      return query.get("list-type") === "2" ? { name: "ListObjectsV2", run: listObjectsV2 } : { name: "ListObjects", run: listObjects };
    }
    // POST /{Bucket} is a browser's form upload (PostObject).
    return gap("POST /{Bucket} (a browser-form upload)");
  }
  if (method === "POST" && has("uploads")) return { name: "CreateMultipartUpload", run: createMultipartUpload };
  if (method === "POST" && has("uploadId")) return { name: "CompleteMultipartUpload", run: completeMultipartUpload };
  if (method === "DELETE" && has("uploadId")) return { name: "AbortMultipartUpload", run: abortMultipartUpload };
  if (method === "PUT" && has("uploadId") && has("partNumber")) {
    return headers.has("x-amz-copy-source") ? gap("UploadPartCopy") : { name: "UploadPart", run: uploadPart };
  }
  if (subresource !== undefined) return gap(`${method} /{Bucket}/{Key}?${subresource}`);
  if (method === "PUT")
    return headers.has("x-amz-copy-source") ? { name: "CopyObject", run: copyObject } : { name: "PutObject", run: putObject };
  if (method === "GET") return { name: "GetObject", run: getObject };
  if (method === "HEAD") return { name: "HeadObject", run: headObject };
  if (method === "DELETE") return { name: "DeleteObject", run: deleteObject };
  return wrongMethod("OBJECT");
}

const S3_METHODS = new Set(["GET", "PUT", "POST", "DELETE", "HEAD"]);

/** Query parameters that name a subresource (another operation) rather than a member of the request. */
const SUBRESOURCES = new Set([
  "accelerate",
  "acl",
  "analytics",
  "attributes",
  "cors",
  "delete",
  "encryption",
  "intelligent-tiering",
  "inventory",
  "legal-hold",
  "lifecycle",
  "location",
  "logging",
  "metadataTable",
  "metrics",
  "notification",
  "object-lock",
  "ownershipControls",
  "policy",
  "policyStatus",
  "publicAccessBlock",
  "renameObject",
  "replication",
  "requestPayment",
  "restore",
  "retention",
  "select",
  "session",
  "tagging",
  "torrent",
  "uploads",
  "uploadId",
  "versioning",
  "versions",
  "website",
]);

function refuse(error: Error): S3Operation {
  return () => {
    throw error;
  };
}
