import { mulberry32 } from "../random.js";

/**
 * The random numbers a built-in algorithm draws (sampling, shuffling, initial weights), from the
 * job's seed: the same job trains the same model every time, on every machine.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  below(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** The emulator's mulberry32 (src/random.ts), with what sampling and initial weights need. */
export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  return {
    next,
    below: (n) => Math.floor(next() * n),
    normal: () => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** Shuffles in place (Fisher–Yates). */
export function shuffle<T>(items: T[], random: SeededRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * `m` distinct indices below `n`, in ascending order, drawn uniformly (a partial Fisher–Yates).
 * Ascending, so a sample keeps the records' order in the data, and ties broken by position stay
 * meaningful.
 */
export function sampleIndices(n: number, m: number, random: SeededRandom): number[] {
  if (m >= n) return Array.from({ length: n }, (_, i) => i);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + random.below(n - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, m).sort((a, b) => a - b);
}
