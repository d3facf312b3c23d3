import { loadPeer } from "../../internal/load-peer.js";

/** The commands the subset functions send, from the optional peer `@aws-sdk/client-s3`. */
export type S3Commands = Pick<
  typeof import("@aws-sdk/client-s3"),
  | "AbortMultipartUploadCommand"
  | "CompleteMultipartUploadCommand"
  | "CreateMultipartUploadCommand"
  | "GetObjectCommand"
  | "HeadObjectCommand"
  | "ListObjectsV2Command"
  | "PutObjectCommand"
  | "UploadPartCommand"
>;

/** Loads `@aws-sdk/client-s3` when a subset is first cut (`PackageNotInstalledError` when it is missing). */
export function loadS3Commands(): Promise<S3Commands> {
  return loadPeer("@aws-sdk/client-s3", "test-mode subsets on S3 (subsetS3Object, subsetS3Prefix)", () => import("@aws-sdk/client-s3"));
}

/** `send`'s options for an optional signal. */
export function sendOptions(signal: AbortSignal | undefined): { readonly abortSignal?: AbortSignal } {
  return signal === undefined ? {} : { abortSignal: signal };
}
