import type { Emulator } from "../emulator.js";
import { TARGET_PREFIX } from "../wire/aws-json.js";

/**
 * What the dashboard reads of S3 objects and log events, which `Emulator.state()` leaves out (it
 * lists keys and streams, not bytes or events): asked of the emulator's own S3 and CloudWatch
 * Logs APIs, as any client asks, so the dashboard sees exactly what a client would. Like any
 * client's, these reads appear in the request log.
 */

/** How much of an object the preview shows. */
const PREVIEW_BYTES = 64 * 1024;

export interface ObjectRead {
  readonly status: number;
  readonly contentType: string;
  readonly body: Uint8Array;
}

/** GetObject of `bucket`/`key`, path style on S3's service host (`<name>.localhost` would name a bucket), so the router sends it to S3. */
export async function getObject(emulator: Emulator, bucket: string, key: string): Promise<ObjectRead> {
  const path = `/${encodeURIComponent(bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const answer = await emulator.respond({ method: "GET", target: path, headers: { host: "s3.amazonaws.com" }, body: undefined });
  return { status: answer.statusCode, contentType: answer.headers["content-type"] ?? "application/octet-stream", body: answer.body };
}

/** The object's first {@link PREVIEW_BYTES} as text, and whether there was more. */
export async function previewObject(
  emulator: Emulator,
  bucket: string,
  key: string,
): Promise<{ status: number; contentType: string; size: number; text: string; truncated: boolean }> {
  const read = await getObject(emulator, bucket, key);
  const shown = read.body.subarray(0, PREVIEW_BYTES);
  return {
    status: read.status,
    contentType: read.contentType,
    size: read.body.byteLength,
    text: new TextDecoder("utf-8", { fatal: false }).decode(shown),
    truncated: read.body.byteLength > shown.byteLength,
  };
}

export interface LogLine {
  readonly timestamp: number;
  readonly message: string;
}

/** Every event of a log stream, from the head, as GetLogEvents pages it (until the forward token repeats). */
export async function logEvents(
  emulator: Emulator,
  group: string,
  stream: string,
): Promise<{ status: number; events: LogLine[]; error?: string }> {
  const events: LogLine[] = [];
  let token: string | undefined;
  for (;;) {
    const body = JSON.stringify({
      logGroupName: group,
      logStreamName: stream,
      startFromHead: true,
      ...(token ? { nextToken: token } : {}),
    });
    const answer = await emulator.respond({
      method: "POST",
      target: "/",
      headers: { "x-amz-target": `${TARGET_PREFIX.logs}.GetLogEvents`, "content-type": "application/x-amz-json-1.1" },
      body,
    });
    const page = JSON.parse(new TextDecoder().decode(answer.body)) as { events?: LogLine[]; nextForwardToken?: string; message?: string };
    if (answer.statusCode !== 200) return { status: answer.statusCode, events, error: page.message ?? "GetLogEvents failed" };
    events.push(...(page.events ?? []).map((e) => ({ timestamp: e.timestamp, message: e.message })));
    if (page.nextForwardToken === undefined || page.nextForwardToken === token) return { status: 200, events };
    token = page.nextForwardToken;
  }
}

/** A bucket's objects under `prefix`, grouped at the next `/` as the S3 console does: sub-prefixes, then objects. */
export function browseBucket(
  buckets: readonly { name: string; objects: readonly { key: string; size: number; lastModified: string }[] }[],
  bucket: string,
  prefix: string,
): { prefixes: string[]; objects: { key: string; size: number; lastModified: string }[] } | undefined {
  const found = buckets.find((b) => b.name === bucket);
  if (!found) return undefined;
  const prefixes = new Set<string>();
  const objects: { key: string; size: number; lastModified: string }[] = [];
  for (const object of found.objects) {
    if (!object.key.startsWith(prefix)) continue;
    const slash = object.key.indexOf("/", prefix.length);
    if (slash >= 0) prefixes.add(object.key.slice(0, slash + 1));
    else objects.push(object);
  }
  return { prefixes: [...prefixes], objects };
}
