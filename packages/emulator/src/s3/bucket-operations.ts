import { childText, parseXml, rawResponse, xmlDocument, xmlResponse, type XmlNode } from "../wire/rest-xml.js";
import { checkBucketName } from "./bucket-name.js";
import { bucketOf, OWNER, xmlDate, type S3Call } from "./call.js";
import { bucketAlreadyOwnedByYou, bucketNotEmpty } from "./errors.js";
import { Bucket } from "./store.js";

/**
 * CreateBucket (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html): a name
 * S3 refuses is InvalidBucketName; re-creating a bucket you own is BucketAlreadyOwnedByYou (409),
 * except in us-east-1, where S3 answers 200 and leaves the bucket as it is.
 */
export function createBucket(call: S3Call) {
  const name = call.request.bucket!;
  checkBucketName(name);
  if (call.request.body.byteLength > 0) {
    // Read for well-formedness only: one emulator serves every region.
    childText(parseXml(new TextDecoder().decode(call.request.body)), "LocationConstraint");
  }
  if (call.store.bucket(name)) {
    if (call.request.region !== "us-east-1") throw bucketAlreadyOwnedByYou(name);
  } else {
    call.store.buckets.set(name, new Bucket(name, call.now));
  }
  return rawResponse(200, new Uint8Array(), call.requestId, { location: `/${name}` });
}

export function headBucket(call: S3Call) {
  bucketOf(call);
  return rawResponse(200, new Uint8Array(), call.requestId, { "x-amz-bucket-region": call.request.region });
}

/** DeleteBucket: only an empty bucket goes (BucketNotEmpty, 409); 204 when it does. */
export function deleteBucket(call: S3Call) {
  const bucket = bucketOf(call);
  if (bucket.objects.size > 0) throw bucketNotEmpty(bucket.name);
  call.store.buckets.delete(bucket.name);
  return rawResponse(204, new Uint8Array(), call.requestId);
}

export function listBuckets(call: S3Call) {
  const buckets = [...call.store.buckets.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(
      (bucket): XmlNode => [
        "Bucket",
        [
          ["Name", bucket.name],
          ["CreationDate", xmlDate(bucket.created)],
        ],
      ],
    );
  const body = xmlDocument("ListAllMyBucketsResult", [
    ["Owner", OWNER],
    ["Buckets", buckets],
  ]);
  return xmlResponse(200, body, call.requestId);
}

/** GetBucketLocation: empty for us-east-1, as S3 answers it. */
export function getBucketLocation(call: S3Call) {
  bucketOf(call);
  const region = call.request.region === "us-east-1" ? "" : call.request.region;
  return xmlResponse(200, xmlDocument("LocationConstraint", region), call.requestId);
}
