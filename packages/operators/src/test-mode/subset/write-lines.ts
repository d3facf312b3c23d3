import type { AwsServiceClient } from "../../backend.js";
import { sendOptions, type S3Commands } from "./s3-commands.js";
import type { S3Location } from "./s3-location.js";

/** S3's smallest part but the last (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

export interface WriteLinesTarget extends S3Location {
  readonly metadata: Record<string, string>;
  /** Bytes buffered before a part goes out; at least 5 MiB. */
  readonly partBytes: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Writes `lines`, each ended by `\n`, to one S3 object while holding at most one part in memory:
 * a single PutObject when everything fits in one part, else a multipart upload of `partBytes`
 * parts, aborted if anything fails so no parts are left behind to bill for.
 */
export async function writeLines(
  s3: AwsServiceClient,
  commands: S3Commands,
  target: WriteLinesTarget,
  lines: AsyncIterable<string>,
): Promise<{ readonly rows: number; readonly bytes: number }> {
  const { bucket, key, metadata, partBytes, signal } = target;
  const options = sendOptions(signal);
  const encoder = new TextEncoder();
  let chunks: Uint8Array[] = [];
  let buffered = 0;
  let rows = 0;
  let bytes = 0;
  let uploadId: string | undefined;
  const parts: { PartNumber: number; ETag: string | undefined }[] = [];
  const flushPart = async () => {
    uploadId ??= (
      await s3.send(
        new commands.CreateMultipartUploadCommand({ Bucket: bucket, Key: key, Metadata: metadata, ContentType: "text/csv" }),
        options,
      )
    ).UploadId;
    const PartNumber = parts.length + 1;
    const { ETag } = await s3.send(
      new commands.UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber, Body: concat(chunks, buffered) }),
      options,
    );
    parts.push({ PartNumber, ETag });
    chunks = [];
    buffered = 0;
  };
  try {
    for await (const line of lines) {
      const chunk = encoder.encode(`${line}\n`);
      chunks.push(chunk);
      buffered += chunk.byteLength;
      bytes += chunk.byteLength;
      rows++;
      if (buffered >= partBytes) await flushPart();
    }
    if (uploadId === undefined) {
      await s3.send(
        new commands.PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Metadata: metadata,
          ContentType: "text/csv",
          Body: concat(chunks, buffered),
        }),
        options,
      );
      return { rows, bytes };
    }
    if (buffered > 0) await flushPart();
    await s3.send(
      new commands.CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
      options,
    );
    return { rows, bytes };
  } catch (err) {
    if (uploadId !== undefined) {
      // Best effort: the failure that got us here is the one to report.
      await s3.send(new commands.AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
    }
    throw err;
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
