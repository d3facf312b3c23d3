/**
 * A seeded pseudo-random source (mulberry32): every "random" thing the emulator does (request ids,
 * name suffixes, image digests, metric values, duration jitter) comes from here, so a seed
 * replays a run exactly.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  uuid(): string;
}

/** mulberry32: uniform numbers in [0, 1) from a 32-bit state; tiny, and good enough for what it draws. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const hex = (length: number): string => {
    let out = "";
    while (out.length < length) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  return {
    next,
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(next() * 4)).toString(16)}${hex(3)}-${hex(12)}`,
  };
}
