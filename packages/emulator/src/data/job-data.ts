import { etagOf } from "../s3/object-headers.js";
import type { S3Object, S3Store } from "../s3/store.js";
import type { InputFile } from "../containers/contract.js";
import { parseS3Uri, s3Uri } from "./s3-uri.js";

/**
 * How SageMaker's jobs reach the emulated S3: what an input data source names, and writing
 * outputs. Reads see the store as it is at the moment the job reads (its Downloading or
 * container start, observed lazily); writes are dated by the job's own virtual time.
 */

/** The S3 data source of an input, as the three job kinds spell it. */
export interface DataSource {
  readonly S3Uri?: string | undefined;
  readonly S3DataType?: string | undefined;
}

/** The objects a data source names, each with its path relative to the prefix (the file name the container sees). */
export function objectsOf(store: S3Store, source: DataSource): { object: S3Object; file: InputFile; uri: string }[] {
  const location = parseS3Uri(source.S3Uri ?? "");
  if (!location) return [];
  const bucket = store.bucket(location.bucket);
  if (!bucket) return [];
  if (source.S3DataType === "ManifestFile") return manifestObjects(store, bucket.objects.get(location.key));
  // [DOC] S3DataSource.S3Uri with S3Prefix: "identifies a key name prefix. SageMaker uses all objects that match the specified key name prefix".
  // AugmentedManifestFile and S3Object name one object here too (S3Object only for models, it is harmless).
  if (source.S3DataType === "S3Object") {
    const object = bucket.objects.get(location.key);
    return object ? [entry(location.bucket, object, basename(object.key))] : [];
  }
  const prefix = location.key;
  // The channel's directory holds each object under its key minus the prefix up to its last slash.
  const base = prefix.slice(0, prefix.lastIndexOf("/") + 1);
  return bucket
    .sortedKeys()
    .filter((key) => key.startsWith(prefix) && !key.endsWith("/"))
    .map((key) => entry(location.bucket, bucket.objects.get(key)!, key.slice(base.length)));
}

/**
 * [DOC] S3DataSource ManifestFile: "a manifest file containing a list of object keys": a JSON array
 * whose first element is `{"prefix": "s3://bucket/prefix/"}` and the rest keys relative to it.
 * A manifest that is missing, malformed, or lists missing objects yields what it can.
 */
function manifestObjects(store: S3Store, manifest: S3Object | undefined): ReturnType<typeof objectsOf> {
  if (!manifest) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(Buffer.from(manifest.body).toString("utf8"));
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  const prefix = (entries[0] as { prefix?: unknown } | undefined)?.prefix;
  const location = typeof prefix === "string" ? parseS3Uri(prefix) : undefined;
  const bucket = location && store.bucket(location.bucket);
  if (!location || !bucket) return [];
  return entries.slice(1).flatMap((relative) => {
    if (typeof relative !== "string") return [];
    const object = bucket.objects.get(location.key + relative);
    return object ? [entry(location.bucket, object, relative)] : [];
  });
}

function entry(bucket: string, object: S3Object, path: string) {
  return { object, file: { path, body: object.body }, uri: s3Uri({ bucket, key: object.key }) };
}

function basename(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

/** Writes one object as a job's upload does, dated `at` on the virtual clock; false when its bucket is gone. */
export function writeObject(store: S3Store, uri: string, body: Uint8Array, at: number, contentType = "application/octet-stream"): boolean {
  const location = parseS3Uri(uri);
  const bucket = location && store.bucket(location.bucket);
  if (!location || !bucket) return false;
  bucket.put({ key: location.key, body, etag: etagOf(body), lastModified: at, contentType, metadata: {} });
  return true;
}
