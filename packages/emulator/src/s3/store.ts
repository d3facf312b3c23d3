import { compareKeys } from "./key-order.js";

/** One stored object: its bytes and what S3 keeps beside them. */
export interface S3Object {
  readonly key: string;
  readonly body: Uint8Array;
  /** Quoted, as S3 sends it: `"<md5 hex>"`, or `"<md5 of part md5s>-<parts>"` for a multipart upload. */
  readonly etag: string;
  /** Milliseconds on the emulator's clock. */
  readonly lastModified: number;
  readonly contentType: string;
  /** User metadata, names lower-cased without the `x-amz-meta-` prefix. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The checksum the upload carried (verified), which GetObject returns when asked. */
  readonly checksum?: StoredChecksum | undefined;
}

export interface StoredChecksum {
  /** Lower case, as in the header name: `crc32`, `crc32c`, `crc64nvme`, `sha1`, `sha256`. */
  readonly algorithm: string;
  /** Base64, as sent. */
  readonly value: string;
}

export interface UploadedPart {
  readonly etag: string;
  readonly body: Uint8Array;
}

/** A multipart upload in progress: what CreateMultipartUpload fixed, and the parts so far. */
export interface Upload {
  readonly id: string;
  readonly key: string;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly parts: Map<number, UploadedPart>;
}

export class Bucket {
  readonly objects = new Map<string, S3Object>();
  readonly uploads = new Map<string, Upload>();
  /** The keys in S3's listing order, rebuilt after a write (a listing page then costs a binary search). */
  #sortedKeys: string[] | undefined;

  constructor(
    readonly name: string,
    /** Milliseconds on the emulator's clock. */
    readonly created: number,
  ) {}

  put(object: S3Object): void {
    if (!this.objects.has(object.key)) this.#sortedKeys = undefined;
    this.objects.set(object.key, object);
  }

  delete(key: string): void {
    if (this.objects.delete(key)) this.#sortedKeys = undefined;
  }

  sortedKeys(): readonly string[] {
    this.#sortedKeys ??= [...this.objects.keys()].sort(compareKeys);
    return this.#sortedKeys;
  }
}

/**
 * The emulated S3's buckets. S3 is a service of its own, not a SageMaker resource kind: its
 * rows have no lifecycle, so it keeps no heap of due changes and no ARNs.
 */
export class S3Store {
  readonly buckets = new Map<string, Bucket>();

  bucket(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }

  clear(): void {
    this.buckets.clear();
  }

  /** Buckets with their objects' keys, sizes and ETags (never bodies), for Emulator.state(). */
  state(): { name: string; creationDate: string; objects: { key: string; size: number; etag: string; lastModified: string }[] }[] {
    return [...this.buckets.values()]
      .sort((a, b) => compareKeys(a.name, b.name))
      .map((bucket) => ({
        name: bucket.name,
        creationDate: new Date(bucket.created).toISOString(),
        objects: bucket.sortedKeys().map((key) => {
          const object = bucket.objects.get(key)!;
          return { key, size: object.body.byteLength, etag: object.etag, lastModified: new Date(object.lastModified).toISOString() };
        }),
      }));
  }
}
