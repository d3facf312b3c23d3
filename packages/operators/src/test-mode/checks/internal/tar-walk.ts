/**
 * A streaming walk over a gzip'd tar, enough to tell that a model.tar.gz unpacks: gunzip with the
 * platform's `DecompressionStream`, then the 512-byte headers of the POSIX ustar format (IEEE Std
 * 1003.1, "ustar Interchange Format"; GNU and pax archives share the layout), checking each header's
 * checksum and skipping the file data. Nothing is kept but counts, so a large model costs one chunk
 * of memory at a time.
 */

const BLOCK = 512;

/** What a walk found. */
export interface TarSummary {
  /** Regular files (type `0`, NUL or `7`); directories, links and pax or GNU extension headers are not counted. */
  readonly files: number;
  /** Their bytes, uncompressed. */
  readonly bytes: number;
}

/** The archive is not a well-formed gzip'd tar; the message says why. */
export class TarFormatError extends Error {
  override readonly name = "TarFormatError";
}

/** True when `err` means the bytes are not a gzip'd tar, rather than that reading them failed. */
export function isFormatError(err: unknown): boolean {
  // zlib's codes (Z_DATA_ERROR "incorrect header check", Z_BUF_ERROR "unexpected end of file").
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof TarFormatError || (typeof code === "string" && code.startsWith("Z_"));
}

/** Walks the gzip'd tar in `stream` to its end; throws {@link TarFormatError} or a zlib error when it is not one. */
export async function walkTarGz(stream: ReadableStream<Uint8Array>): Promise<TarSummary> {
  const reader = stream.pipeThrough(new DecompressionStream("gzip")).getReader();
  const header = new Uint8Array(BLOCK);
  let filled = 0;
  let skip = 0;
  let ended = false;
  let files = 0;
  let bytes = 0;
  let headers = 0;
  // Reading on past the end-of-archive block lets gunzip check the trailer's CRC and length.
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    const data = chunk.value;
    for (let at = 0; at < data.length && !ended; ) {
      if (skip > 0) {
        const n = Math.min(skip, data.length - at);
        skip -= n;
        at += n;
        continue;
      }
      const n = Math.min(BLOCK - filled, data.length - at);
      header.set(data.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled < BLOCK) continue;
      filled = 0;
      if (header.every((b) => b === 0)) {
        ended = true;
        continue;
      }
      const entry = readHeader(header, ++headers);
      if (entry.regular) {
        files++;
        bytes += entry.size;
      }
      skip = Math.ceil(entry.size / BLOCK) * BLOCK;
    }
  }
  if (headers === 0) throw new TarFormatError("the gunzipped bytes hold no tar header");
  // Python's tarfile and GNU tar accept an archive without its two zero blocks, not one cut inside an entry.
  if (!ended && (skip > 0 || filled > 0)) throw new TarFormatError(`the archive ends inside entry ${headers}`);
  return { files, bytes };
}

function readHeader(block: Uint8Array, index: number): { readonly size: number; readonly regular: boolean } {
  // The checksum is the byte sum of the header with its own 8-byte field read as spaces.
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  if (octal(block, 148, 8) !== sum) throw new TarFormatError(`header ${index} has a bad checksum (not a tar archive?)`);
  const type = block[156]!;
  return { size: sizeOf(block), regular: type === 0x30 || type === 0 || type === 0x37 };
}

function sizeOf(block: Uint8Array): number {
  // GNU tar writes sizes of 8 GiB and more as big-endian base-256, flagged by the top bit.
  if ((block[124]! & 0x80) === 0) return octal(block, 124, 12);
  let size = block[124]! & 0x7f;
  for (let i = 125; i < 136; i++) size = size * 256 + block[i]!;
  return size;
}

/** An octal field, ended by NUL or space; NaN when it holds anything else. */
function octal(block: Uint8Array, offset: number, width: number): number {
  let text = "";
  for (let i = offset; i < offset + width; i++) text += String.fromCharCode(block[i]!);
  const digits = text.replace(/[\0 ]+$/, "").replace(/^[ ]+/, "");
  return /^[0-7]+$/.test(digits) ? Number.parseInt(digits, 8) : Number.NaN;
}
