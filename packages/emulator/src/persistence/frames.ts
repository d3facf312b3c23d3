/**
 * The bytes of a state file: a magic line, then frames `[u32 length][u32 crc32][payload]`
 * (little-endian), the first frame being the header. A frame is whole or it is not there: a
 * crash mid-append leaves a torn last frame, which {@link scanFrames} tells apart from damage
 * further in (a bad frame with whole frames after it), which it refuses.
 */
import { crc32 } from "node:zlib";

/** Every state file starts with these bytes, so a stray file is never read as a state. */
export const MAGIC = new TextEncoder().encode("sagerun-state\n");

const FRAME_HEAD = 8;

/** A state file that cannot be read as one: not a state, another format version, damaged inside. */
export class StateFileError extends Error {
  override readonly name = "StateFileError";
}

/** One frame around `payload`. */
export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(FRAME_HEAD + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32(payload), true);
  out.set(payload, FRAME_HEAD);
  return out;
}

/** What a scan found: the whole frames' payloads, where the last whole frame ends, and any torn tail. */
export interface Scanned {
  readonly payloads: Uint8Array[];
  /** The offset just past the last whole frame: where the next append belongs. */
  readonly end: number;
  /** A torn last frame that was dropped: where it began and why it is not whole. */
  readonly torn?: { readonly offset: number; readonly reason: string };
}

/**
 * Reads the frames of `bytes` from `start` (just past {@link MAGIC}). A frame that is cut short,
 * or whose checksum fails with nothing after it, or a zero-filled tail (a file extended but not
 * yet written), is a torn tail: dropped and reported. A frame whose checksum fails with further
 * bytes after it is damage in the middle: refused, since dropping it would drop what follows.
 */
export function scanFrames(bytes: Uint8Array, start: number, file: string): Scanned {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloads: Uint8Array[] = [];
  let at = start;
  while (at < bytes.byteLength) {
    const torn = (reason: string): Scanned => ({ payloads, end: at, torn: { offset: at, reason } });
    if (bytes.byteLength - at < FRAME_HEAD) return torn(`${bytes.byteLength - at} bytes, less than a frame header`);
    const length = view.getUint32(at, true);
    const next = at + FRAME_HEAD + length;
    if (next > bytes.byteLength) return torn(`a frame of ${length} bytes with ${bytes.byteLength - at - FRAME_HEAD} written`);
    const payload = bytes.subarray(at + FRAME_HEAD, next);
    if (length === 0 || crc32(payload) !== view.getUint32(at + 4, true)) {
      if (next === bytes.byteLength || allZero(bytes, at)) return torn("a checksum mismatch in the last frame");
      throw new StateFileError(
        `${file} is damaged at byte ${at}: a frame fails its checksum and ${bytes.byteLength - next} bytes follow it, so it is not a torn last write. ` +
          "Refusing to read past it; restore the state dir from a copy or start with an empty one.",
      );
    }
    payloads.push(payload);
    at = next;
  }
  return { payloads, end: at };
}

/** Whether `bytes` from `from` on are all zero: space a crash left allocated but unwritten. */
function allZero(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.byteLength; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Whether `bytes` starts with {@link MAGIC}. */
export function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.byteLength < MAGIC.byteLength) return false;
  return MAGIC.every((byte, i) => bytes[i] === byte);
}
