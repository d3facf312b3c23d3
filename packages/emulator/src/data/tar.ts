import { gunzipSync, gzipSync } from "node:zlib";

/**
 * model.tar.gz and output.tar.gz as SageMaker writes them: a gzip'd POSIX ustar archive of a
 * directory (the ustar layout is POSIX.1-2001's `pax` base format, IEEE Std 1003.1 "ustar
 * Interchange Format"). Only regular files are written; reading accepts regular files and skips
 * directories and pax headers, enough for archives that `tar czf` or Python's tarfile make.
 */

const BLOCK = 512;

/** A gzip'd tar of `files` (path → bytes), in the order given. */
export function tarGzip(files: ReadonlyMap<string, Uint8Array>, mtimeMs: number): Uint8Array {
  return gzipSync(tar(files, mtimeMs));
}

/** The files of a gzip'd tar (or a plain tar, if it is not gzip'd), by path. */
export function untarGzip(archive: Uint8Array): Map<string, Uint8Array> {
  const isGzip = archive[0] === 0x1f && archive[1] === 0x8b;
  return untar(isGzip ? gunzipSync(archive) : archive);
}

function tar(files: ReadonlyMap<string, Uint8Array>, mtimeMs: number): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const [path, body] of files) {
    blocks.push(header(path, body.byteLength, Math.floor(mtimeMs / 1000)));
    blocks.push(body);
    const pad = (BLOCK - (body.byteLength % BLOCK)) % BLOCK;
    if (pad > 0) blocks.push(new Uint8Array(pad));
  }
  // Two zero blocks end the archive.
  blocks.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(blocks);
}

function header(path: string, size: number, mtimeSeconds: number): Uint8Array {
  const block = Buffer.alloc(BLOCK);
  const name = Buffer.from(path);
  let prefix = Buffer.alloc(0);
  let rest = name;
  if (name.byteLength > 100) {
    // ustar splits a long path at a slash: up to 155 bytes of prefix, up to 100 of name.
    const cut = path.lastIndexOf("/", 155);
    if (cut < 0 || Buffer.byteLength(path.slice(cut + 1)) > 100) throw new RangeError(`path too long for a ustar archive: ${path}`);
    prefix = Buffer.from(path.slice(0, cut));
    rest = Buffer.from(path.slice(cut + 1));
  }
  rest.copy(block, 0);
  block.write(octal(0o644, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(mtimeSeconds, 12), 136, "ascii");
  block.write("        ", 148, "ascii");
  block.write("0", 156, "ascii");
  block.write("ustar\u000000", 257, "ascii");
  prefix.copy(block, 345);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148, "ascii");
  return block;
}

/** A zero-padded octal field of `width` bytes, NUL-terminated. */
function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\u0000`;
}

function untar(archive: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const bytes = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  let at = 0;
  let longName: string | undefined;
  while (at + BLOCK <= bytes.byteLength) {
    const block = bytes.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) break;
    const size = Number.parseInt(text(block, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(block[156]!);
    const magic = text(block, 257, 5);
    const prefix = magic === "ustar" ? text(block, 345, 155) : "";
    const name = longName ?? (prefix ? `${prefix}/${text(block, 0, 100)}` : text(block, 0, 100));
    longName = undefined;
    const body = bytes.subarray(at + BLOCK, at + BLOCK + size);
    if (type === "L") longName = text(body, 0, size);
    else if (type === "x") longName = paxPath(body.toString("utf8"));
    else if (type === "0" || type === "\u0000") files.set(name.replace(/^\.\//, ""), new Uint8Array(body));
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** A NUL-terminated string field. */
function text(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.byteLength : end).toString("utf8");
}

/** The `path` record of a pax extended header (`<len> path=<value>\n`), if it has one. */
function paxPath(records: string): string | undefined {
  return /(?:^|\n)\d+ path=([^\n]*)\n/.exec(records)?.[1];
}
