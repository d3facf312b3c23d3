import { RestXmlError } from "../wire/rest-xml.js";

/**
 * The `aws-chunked` content encoding the AWS SDKs send for streamed bodies
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html): chunks of
 * `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`, a zero-size chunk, then trailing headers
 * (`x-amz-checksum-crc32:…`, `x-amz-trailer-signature:…`) and an empty line. The object is the
 * decoded bytes, `x-amz-decoded-content-length` long. Chunk signatures are not checked: the
 * emulator checks no signature at all.
 */
export interface DecodedBody {
  readonly body: Uint8Array;
  /** Trailing header names (lower case) and values. */
  readonly trailers: Map<string, string>;
}

export function isAwsChunked(headers: ReadonlyMap<string, string>): boolean {
  const encoding = headers.get("content-encoding") ?? "";
  return (
    encoding.split(",").some((part) => part.trim().toLowerCase() === "aws-chunked") ||
    /^STREAMING-/.test(headers.get("x-amz-content-sha256") ?? "")
  );
}

export function decodeAwsChunked(raw: Uint8Array, decodedLength: string | undefined): DecodedBody {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at);
    if (lineEnd < 0) throw incompleteBody();
    const size = Number.parseInt(bytes.toString("latin1", at, lineEnd).split(";")[0]!.trim(), 16);
    if (!Number.isSafeInteger(size) || size < 0) throw incompleteBody();
    at = lineEnd + 2;
    if (size === 0) break;
    if (at + size + 2 > bytes.byteLength) throw incompleteBody();
    chunks.push(bytes.subarray(at, at + size));
    at += size + 2;
  }
  const trailers = new Map<string, string>();
  for (const line of bytes.toString("latin1", at).split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = Buffer.concat(chunks);
  if (decodedLength !== undefined && Number(decodedLength) !== body.byteLength) throw incompleteBody();
  return { body, trailers };
}

const incompleteBody = (): RestXmlError =>
  new RestXmlError("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.", 400);
