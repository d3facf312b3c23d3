import { invalidRange } from "./errors.js";

/**
 * A single byte range of a `Range` header (RFC 9110 §14.1.2: `bytes=a-b`, `bytes=a-`, `bytes=-n`),
 * as S3 serves it (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html): one range
 * only; a header that does not parse, or names several ranges, is ignored and the whole object
 * served; a range starting at or past the end is InvalidRange (416).
 */
export function rangeOf(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw invalidRange(header!, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return undefined;
  if (start >= size) throw invalidRange(header!, size);
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}
