import type { GetObjectCommandOutput, HeadObjectCommandOutput, ListObjectsV2CommandOutput } from "@aws-sdk/client-s3";
import { errorCode } from "../../../internal/aws-errors.js";
import { loadPeer } from "../../../internal/load-peer.js";
import type { CheckClient } from "../output-check.js";

/** A bucket and a key (or key prefix). */
export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** `s3://bucket/key` → its parts; undefined for anything else. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return match === null ? undefined : { bucket: match[1]!, key: match[2]! };
}

type S3Commands = Pick<typeof import("@aws-sdk/client-s3"), "GetObjectCommand" | "HeadObjectCommand" | "ListObjectsV2Command">;

/** The three S3 calls the checks make, through the client's own `send` (serializers, retries, error classes). */
export interface S3Reader {
  /** The object's size in bytes, or undefined when there is no such object (or bucket). */
  size(at: S3Location): Promise<number | undefined>;
  /** The object's body as a web stream. */
  open(at: S3Location): Promise<ReadableStream<Uint8Array>>;
  /**
   * Every key under the prefix, in S3's order, all pages; with `since` (epoch ms), only the objects
   * last modified at or after it, compared to the second (S3 lists LastModified in whole seconds).
   */
  list(at: S3Location, since?: number): Promise<string[]>;
}

export async function s3Reader(client: CheckClient): Promise<S3Reader> {
  const { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } = await loadPeer<S3Commands>(
    "@aws-sdk/client-s3",
    "the output checks that read S3",
    () => import("@aws-sdk/client-s3"),
  );
  const send = <T>(command: object): Promise<T> => client.send(command as never) as Promise<T>;
  return {
    async size({ bucket, key }) {
      try {
        const head = await send<HeadObjectCommandOutput>(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (err) {
        // HeadObject has no body, so a missing key is the bare 404 `NotFound`; GetObject says NoSuchKey.
        if (["NotFound", "NoSuchKey", "NoSuchBucket"].includes(errorCode(err) ?? "")) return undefined;
        throw err;
      }
    },
    async open({ bucket, key }) {
      const object = await send<GetObjectCommandOutput>(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (object.Body === undefined) return new Blob([]).stream();
      return object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
    },
    async list({ bucket, key }, since) {
      const keys: string[] = [];
      const from = since === undefined ? undefined : Math.floor(since / 1000) * 1000;
      const recent = (modified: Date | undefined) => from === undefined || (modified !== undefined && modified.getTime() >= from);
      let token: string | undefined;
      do {
        const page = await send<ListObjectsV2CommandOutput>(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: key, ...(token !== undefined && { ContinuationToken: token }) }),
        );
        for (const object of page.Contents ?? []) if (object.Key !== undefined && recent(object.LastModified)) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      return keys;
    },
  };
}
