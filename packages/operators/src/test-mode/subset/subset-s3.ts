import type { AwsServiceClient } from "../../backend.js";
import { errorCode } from "../../internal/aws-errors.js";
import { readLines } from "./read-lines.js";
import { loadS3Commands, sendOptions, type S3Commands } from "./s3-commands.js";
import { folderOf, parseS3Uri, TEST_MODE_FOLDER, testModePrefix, type S3Location } from "./s3-location.js";
import { stratifiedSubset } from "./stratified-subset.js";
import { resolveSubsetOptions, type ResolvedSubsetOptions, type SubsetOptions } from "./subset-options.js";
import { MIN_PART_BYTES, writeLines } from "./write-lines.js";

/** Options of {@link subsetS3Object}: what to subset, where to, and how (see {@link SubsetOptions}). */
export interface SubsetS3ObjectOptions extends SubsetOptions {
  /** The CSV object to subset, `s3://bucket/key`. */
  readonly source: string;
  /** Where the subset goes. @default `s3://bucket/<source folder>/sagerun-test-mode/<seed>-<fraction>/<source name>` */
  readonly target?: string | undefined;
  /** Bytes of subset buffered per multipart part (at least 5 MiB, S3's smallest part). @default 8 MiB */
  readonly partBytes?: number | undefined;
  /** Cancels the S3 calls. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of {@link subsetS3Prefix}; `source` and `target` are folders there. */
export interface SubsetS3PrefixOptions extends Omit<SubsetS3ObjectOptions, "source" | "target"> {
  /** The folder of CSV objects to subset, `s3://bucket/prefix/` (a `/` is added if missing). */
  readonly source: string;
  /** The folder the subsets go in, each under its key relative to `source`. @default `<source>sagerun-test-mode/<seed>-<fraction>/` */
  readonly target?: string | undefined;
}

/** What {@link subsetS3Object} did for one object. */
export interface SubsetS3Result {
  readonly source: string;
  readonly target: string;
  /** The source's ETag the subset was cut from, recorded in the target's `x-amz-meta-sagerun-source-etag`. */
  readonly sourceETag: string;
  /** False when the target already held this subset of this version of the source, and was left alone. */
  readonly written: boolean;
  /** The lines written (the header included); undefined when nothing was written. */
  readonly rows: number | undefined;
}

const SOURCE_ETAG = "sagerun-source-etag";
const SUBSET_KEY = "sagerun-subset";
const DEFAULT_PART_BYTES = 8 * 1024 * 1024;

/**
 * Cuts a stratified subset ({@link stratifiedSubset}) of one CSV object into another, for test
 * mode: by default next to the source, in `sagerun-test-mode/<seed>-<fraction>/`. The object is
 * read as a stream and the subset written in multipart parts, so neither the input nor more than
 * one part of the output is held in memory beyond the subset the sampler keeps. The target records
 * the source's ETag and the options; a later run whose target already has both is skipped, so every
 * run with the same seed uses the same subset, and a changed source is cut again.
 *
 * @example
 * ```ts
 * const { s3 } = await createBackend();
 * const { target } = await subsetS3Object(await s3(), { source: "s3://data/train/all.csv", fraction: 0.01, seed: 42, header: true });
 * // target === "s3://data/train/sagerun-test-mode/42-0.01/all.csv"
 * ```
 */
export async function subsetS3Object(s3: AwsServiceClient, options: SubsetS3ObjectOptions): Promise<SubsetS3Result> {
  const resolved = resolveSubsetOptions(options);
  const source = parseS3Uri(options.source, "source");
  const name = source.key.slice(folderOf(source.key).length);
  if (name === "")
    throw new TypeError(
      `Subset option source [${options.source}] must name an object. Please pass s3://bucket/key, or use subsetS3Prefix for a folder.`,
    );
  const target =
    options.target === undefined
      ? { bucket: source.bucket, key: `${testModePrefix(folderOf(source.key), resolved.seed, resolved.fraction)}${name}` }
      : parseS3Uri(options.target, "target");
  return subsetOne(s3, await loadS3Commands(), source, target, resolved, ioOptions(options));
}

/**
 * {@link subsetS3Object} for every object under a folder (keys ending in `/` and anything already
 * in a `sagerun-test-mode` folder are passed over), one object at a time, each into the target
 * folder under its key relative to the source folder.
 *
 * @example
 * ```ts
 * await subsetS3Prefix(await backend.s3(), { source: "s3://data/train/", fraction: 0.01, seed: 42 });
 * // s3://data/train/a/part-0.csv → s3://data/train/sagerun-test-mode/42-0.01/a/part-0.csv
 * ```
 */
export async function subsetS3Prefix(s3: AwsServiceClient, options: SubsetS3PrefixOptions): Promise<SubsetS3Result[]> {
  const resolved = resolveSubsetOptions(options);
  const parsed = parseS3Uri(options.source, "source");
  const prefix = parsed.key === "" || parsed.key.endsWith("/") ? parsed.key : `${parsed.key}/`;
  const target =
    options.target === undefined
      ? { bucket: parsed.bucket, key: testModePrefix(prefix, resolved.seed, resolved.fraction) }
      : parseS3Uri(options.target, "target");
  const targetPrefix = target.key === "" || target.key.endsWith("/") ? target.key : `${target.key}/`;
  const io = ioOptions(options);
  const commands = await loadS3Commands();
  const results: SubsetS3Result[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new commands.ListObjectsV2Command({ Bucket: parsed.bucket, Prefix: prefix, ContinuationToken: token }),
      sendOptions(io.signal),
    );
    for (const { Key } of page.Contents ?? []) {
      const relative = Key?.slice(prefix.length);
      if (relative === undefined || relative === "" || relative.endsWith("/") || relative.split("/").includes(TEST_MODE_FOLDER)) continue;
      const into = { bucket: target.bucket, key: `${targetPrefix}${relative}` };
      results.push(await subsetOne(s3, commands, { bucket: parsed.bucket, key: Key! }, into, resolved, io));
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return results;
}

interface IoOptions {
  readonly partBytes: number;
  readonly signal: AbortSignal | undefined;
}

function ioOptions(options: Pick<SubsetS3ObjectOptions, "partBytes" | "signal">): IoOptions {
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  if (!Number.isInteger(partBytes) || partBytes < MIN_PART_BYTES) {
    throw new RangeError(
      `Subset option partBytes [${String(partBytes)}] must be a whole number of at least 5 MiB (${MIN_PART_BYTES}), S3's smallest part. Please pass e.g. 8388608.`,
    );
  }
  return { partBytes, signal: options.signal };
}

async function subsetOne(
  s3: AwsServiceClient,
  commands: S3Commands,
  source: S3Location,
  target: S3Location,
  options: ResolvedSubsetOptions,
  { partBytes, signal }: IoOptions,
): Promise<SubsetS3Result> {
  const uri = (at: S3Location) => `s3://${at.bucket}/${at.key}`;
  if (source.bucket === target.bucket && source.key === target.key) {
    throw new RangeError(`Subset option target [${uri(target)}] is the source itself. Please pass another key, or leave target out.`);
  }
  const head = await s3.send(new commands.HeadObjectCommand({ Bucket: source.bucket, Key: source.key }), sendOptions(signal));
  const sourceETag = unquote(head.ETag ?? "");
  const metadata = { [SOURCE_ETAG]: sourceETag, [SUBSET_KEY]: describeOptions(options) };
  const existing = await headOrUndefined(s3, commands, target, signal);
  const result = { source: uri(source), target: uri(target), sourceETag };
  if (existing?.[SOURCE_ETAG] === sourceETag && existing[SUBSET_KEY] === metadata[SUBSET_KEY]) {
    return { ...result, written: false, rows: undefined };
  }
  // IfMatch pins the version headed above: a source replaced in between fails (412) rather than mixing versions.
  const object = await s3.send(
    new commands.GetObjectCommand({ Bucket: source.bucket, Key: source.key, IfMatch: head.ETag }),
    sendOptions(signal),
  );
  const lines = stratifiedSubset(readLines(byteChunks(object.Body, uri(source))), options);
  const { rows } = await writeLines(s3, commands, { ...target, metadata, partBytes, signal }, lines);
  return { ...result, written: true, rows };
}

/** The target's user metadata, or undefined when there is no target yet. */
async function headOrUndefined(s3: AwsServiceClient, commands: S3Commands, at: S3Location, signal: AbortSignal | undefined) {
  try {
    return (await s3.send(new commands.HeadObjectCommand({ Bucket: at.bucket, Key: at.key }), sendOptions(signal))).Metadata ?? {};
  } catch (err) {
    // HeadObject has no body, so a missing key is a bare 404: the SDK names it "NotFound".
    if (errorCode(err) === "NotFound" || errorCode(err) === "NoSuchKey") return undefined;
    throw err;
  }
}

/** The options that shape the subset, as recorded on it: `fraction=0.01;seed=42;label-column=0;min-per-class=1;header=false`. */
function describeOptions({ fraction, seed, labelColumn, minPerClass, header }: ResolvedSubsetOptions): string {
  return `fraction=${fraction};seed=${seed};label-column=${labelColumn};min-per-class=${minPerClass};header=${header}`;
}

/** GetObject's Body as the bytes it streams: a Node Readable on Node, a web ReadableStream elsewhere. */
function byteChunks(body: unknown, uri: string): AsyncIterable<Uint8Array> {
  if (typeof body === "object" && body !== null && Symbol.asyncIterator in body) return body as AsyncIterable<Uint8Array>;
  throw new TypeError(`Failed to read ${uri}: the GetObject Body is not a stream of bytes. Please run on Node.js 20 or later.`);
}

function unquote(etag: string): string {
  return etag.replaceAll('"', "");
}
