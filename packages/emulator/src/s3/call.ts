import type { WireResponse } from "../wire/aws-json.js";
import type { S3Request } from "./request.js";
import type { Bucket, S3Store } from "./store.js";
import { noSuchBucket } from "./errors.js";

/** What an S3 operation is given: the request, the store, the one instant it runs at, its request id. */
export interface S3Call {
  readonly request: S3Request;
  readonly store: S3Store;
  /** Milliseconds on the emulator's clock, read once for the request. */
  readonly now: number;
  readonly requestId: string;
}

export type S3Operation = (call: S3Call) => WireResponse;

/** The bucket the request names, or NoSuchBucket. */
export function bucketOf(call: S3Call): Bucket {
  const name = call.request.bucket!;
  const bucket = call.store.bucket(name);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/** An HTTP-date (RFC 9110 §5.6.7), as S3 sends Last-Modified. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** ISO 8601 with milliseconds, as S3's XML carries timestamps (`2009-10-12T17:50:30.000Z`). */
export function xmlDate(ms: number): string {
  return new Date(ms).toISOString();
}

/** The canonical user the emulator's account is (the example ID of S3's documentation). */
export const OWNER = [
  ["ID", "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"],
  ["DisplayName", "sagerun"],
] as const;
