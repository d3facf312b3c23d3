import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from "@aws-sdk/client-s3";

/**
 * Makes sure `bucket` exists (HeadBucket). A missing one is created only when `create` is set:
 * on AWS a bucket is a decision (its region, its owner, what it costs), not a side effect.
 */
export async function ensureBucket(s3: S3Client, bucket: string, create: boolean): Promise<void> {
  if (await bucketExists(s3, bucket)) return;
  if (!create) {
    throw new Error(`Bucket '${bucket}' does not exist. Please create it, or pass --create-bucket to let the example create it.`);
  }
  const region = await s3.config.region();
  // Outside us-east-1, S3 wants the bucket's region named (API reference, CreateBucket).
  const location = region === "us-east-1" ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } };
  await s3.send(new CreateBucketCommand({ Bucket: bucket, ...location }));
}

async function bucketExists(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (error) {
    // HeadBucket answers without a body, so a missing bucket is told by its status alone.
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

/** Writes `text` (CSV) to `s3://bucket/key`. */
export async function putText(s3: S3Client, bucket: string, key: string, text: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: "text/csv" }));
}

/** Every object under `s3://bucket/prefix` whose key ends with `suffix`, as text, by key, in key order. */
export async function readTexts(s3: S3Client, bucket: string, prefix: string, suffix = ""): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const { Key } of page.Contents ?? []) {
      if (Key === undefined || !Key.endsWith(suffix)) continue;
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
      texts.set(Key, (await object.Body?.transformToString()) ?? "");
    }
  }
  return texts;
}
