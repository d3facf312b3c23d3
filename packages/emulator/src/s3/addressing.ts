/**
 * Where a request names its bucket (https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html):
 * virtual-hosted style puts it in the host (`<bucket>.s3.<region>.amazonaws.com`, and on the local
 * server `<bucket>.localhost`), path style in the first path segment (`s3.<region>.amazonaws.com/<bucket>/<key>`,
 * `127.0.0.1:4566/<bucket>/<key>`).
 */
const VIRTUAL_HOST = [
  // `s3.`, `s3-fips.`, `s3.dualstack.`, the legacy `s3-<region>.`, `s3-external-1.`, China's `.com.cn`.
  /^(.+)\.s3(?:-fips)?(?:\.dualstack)?(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/,
  /^(.+)\.localhost$/,
];

/** Whether `host` is one of S3's own: a service host (`s3.…`) or a bucket's (`<bucket>.s3.…`, `<bucket>.localhost`). */
export function isS3Host(host: string): boolean {
  return /^s3[.-]/.test(host) || VIRTUAL_HOST.some((pattern) => pattern.test(host));
}

export interface Addressed {
  readonly bucket?: string;
  /** The decoded key; undefined when the request addresses the bucket (or the service). */
  readonly key?: string;
}

/** The bucket and key of a request to `host` with the (still encoded) `path`. */
export function addressOf(host: string | undefined, path: string): Addressed {
  const virtualBucket = host === undefined ? undefined : VIRTUAL_HOST.map((pattern) => pattern.exec(host)?.[1]).find(Boolean);
  const rest = path.replace(/^\//, "");
  if (virtualBucket !== undefined) return rest === "" ? { bucket: virtualBucket } : { bucket: virtualBucket, key: decode(rest) };
  if (rest === "") return {};
  const slash = rest.indexOf("/");
  if (slash < 0) return { bucket: decode(rest) };
  const key = rest.slice(slash + 1);
  return key === "" ? { bucket: decode(rest.slice(0, slash)) } : { bucket: decode(rest.slice(0, slash)), key: decode(key) };
}

/** Percent-decoding of a path segment; `+` stays a plus (it is a space only in a query). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
