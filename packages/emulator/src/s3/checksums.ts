import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { badDigest, invalidDigest, invalidRequest } from "./errors.js";

/**
 * The checksums a request may carry (S3's flexible checksums,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html): each as
 * base64 of the big-endian digest, in a header or in an aws-chunked trailer. CRC64NVME is accepted
 * unverified (no node:crypto or node:zlib digest computes it).
 */
const DIGESTS: Record<string, { name: string; digest: (body: Uint8Array) => Uint8Array }> = {
  crc32: { name: "CRC32", digest: (body) => uint32(crc32(body)) },
  crc32c: { name: "CRC32C", digest: (body) => uint32(crc32c(body)) },
  sha1: { name: "SHA1", digest: (body) => createHash("sha1").update(body).digest() },
  sha256: { name: "SHA256", digest: (body) => createHash("sha256").update(body).digest() },
};

const CHECKSUM_HEADER = /^x-amz-checksum-([a-z0-9]+)$/;

/**
 * Verifies every checksum `fields` carries (request headers and trailers, names lower-cased) and
 * Content-MD5 against `body`: a mismatch is BadDigest, a Content-MD5 that is no MD5 InvalidDigest, a value that is not a digest of the
 * algorithm's size is InvalidRequest, as S3 answers them.
 */
export function verifyChecksums(fields: ReadonlyMap<string, string>, body: Uint8Array): void {
  const md5 = fields.get("content-md5");
  if (md5 !== undefined) {
    const expected = createHash("md5").update(body).digest("base64");
    if (Buffer.from(md5, "base64").byteLength !== 16) throw invalidDigest();
    if (md5 !== expected) throw badDigest("The Content-MD5 you specified did not match what was received.");
  }
  for (const [name, value] of fields) {
    const algorithm = CHECKSUM_HEADER.exec(name)?.[1];
    const spec = algorithm === undefined ? undefined : DIGESTS[algorithm];
    if (!spec) continue;
    const computed = Buffer.from(spec.digest(body));
    const sent = Buffer.from(value, "base64");
    if (sent.byteLength !== computed.byteLength || sent.toString("base64") !== value.trim()) {
      throw invalidRequest(`Value for ${name} header is invalid.`);
    }
    if (!sent.equals(computed)) throw badDigest(`The ${spec.name} you specified did not match the calculated checksum.`);
  }
}

/** The flexible checksum a request carries (header or trailer), if any: what S3 keeps with the object. */
export function sentChecksum(fields: ReadonlyMap<string, string>): { algorithm: string; value: string } | undefined {
  for (const algorithm of ["crc32", "crc32c", "crc64nvme", "sha1", "sha256"]) {
    const value = fields.get(`x-amz-checksum-${algorithm}`);
    if (value !== undefined) return { algorithm, value: value.trim() };
  }
  return undefined;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0);
  return bytes;
}

/** CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), which node does not compute. */
const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32c(body: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
