import { describe, expect, it } from "vitest";
import { decodeAwsChunked, isAwsChunked } from "./aws-chunked.js";
import { verifyChecksums } from "./checksums.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("aws-chunked bodies", () => {
  it("decodes signed chunks (SigV4 streaming) and keeps the trailers", () => {
    const sig = "chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
    const body = bytes(
      `5;${sig}\r\nhello\r\n6;${sig}\r\n world\r\n0;${sig}\r\nx-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:abc\r\n\r\n`,
    );
    const decoded = decodeAwsChunked(body, "11");
    expect(new TextDecoder().decode(decoded.body)).toBe("hello world");
    expect(Object.fromEntries(decoded.trailers)).toEqual({ "x-amz-checksum-crc32": "DUoRhQ==", "x-amz-trailer-signature": "abc" });
    // The trailer's CRC32 is the decoded body's.
    expect(() => verifyChecksums(decoded.trailers, decoded.body)).not.toThrow();
  });

  it("refuses a body shorter than its chunk sizes or than x-amz-decoded-content-length as IncompleteBody", () => {
    expect(() => decodeAwsChunked(bytes("a\r\nshort\r\n0\r\n\r\n"), undefined)).toThrow(
      expect.objectContaining({ code: "IncompleteBody" }),
    );
    expect(() => decodeAwsChunked(bytes("2\r\nab\r\n0\r\n\r\n"), "3")).toThrow(expect.objectContaining({ code: "IncompleteBody" }));
    expect(() => decodeAwsChunked(bytes("zz\r\n"), undefined)).toThrow(expect.objectContaining({ code: "IncompleteBody" }));
  });

  it("is recognised by Content-Encoding or by a STREAMING- payload hash", () => {
    expect(isAwsChunked(new Map([["content-encoding", "gzip, aws-chunked"]]))).toBe(true);
    expect(isAwsChunked(new Map([["x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"]]))).toBe(true);
    expect(isAwsChunked(new Map([["content-encoding", "gzip"]]))).toBe(false);
  });
});

describe("checksums", () => {
  // The check values of the CRC catalogue (https://reveng.sourceforge.io/crc-catalogue/17plus.htm): "123456789".
  it("computes CRC32 (0xCBF43926) and CRC32C (0xE3069283) as S3 does, base64 of the big-endian value", () => {
    const body = bytes("123456789");
    const b64 = (value: number) => Buffer.from([value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]).toString("base64");
    expect(() => verifyChecksums(new Map([["x-amz-checksum-crc32", b64(0xcbf43926)]]), body)).not.toThrow();
    expect(() => verifyChecksums(new Map([["x-amz-checksum-crc32c", b64(0xe3069283)]]), body)).not.toThrow();
    expect(() => verifyChecksums(new Map([["x-amz-checksum-crc32c", b64(0xcbf43926)]]), body)).toThrow(
      expect.objectContaining({ code: "BadDigest", message: "The CRC32C you specified did not match the calculated checksum." }),
    );
  });

  it("answers a value that is no digest of the algorithm's size as InvalidRequest, and a Content-MD5 that is no MD5 as InvalidDigest", () => {
    expect(() => verifyChecksums(new Map([["x-amz-checksum-sha256", "AAAA"]]), bytes("x"))).toThrow(
      expect.objectContaining({ code: "InvalidRequest", message: "Value for x-amz-checksum-sha256 header is invalid." }),
    );
    expect(() => verifyChecksums(new Map([["content-md5", "AAAA"]]), bytes("x"))).toThrow(
      expect.objectContaining({ code: "InvalidDigest" }),
    );
  });
});
