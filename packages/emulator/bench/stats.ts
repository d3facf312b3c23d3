/**
 * How the benches measure: medians of repeated runs, and comparisons whose arms take turns in the
 * same run (A, B, then B, A, ...), so a neighbour's load on a shared machine falls on both arms.
 */
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall milliseconds `fn` takes, awaited. */
export async function elapsedMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Milliseconds per call of `fn` over `calls` calls, each awaited. */
export async function msPerCall(calls: number, fn: (i: number) => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn(i);
  return (performance.now() - start) / calls;
}

/** The same, for a synchronous `fn`: no await between calls, so no microtask hop in the figure. */
export function msPerSyncCall(calls: number, fn: (i: number) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) fn(i);
  return (performance.now() - start) / calls;
}

/**
 * Runs every arm once per round, the order rotating from round to round, and returns each arm's
 * samples (whatever its run resolves with: a time, a rate).
 */
export async function interleaved<K extends string, V>(
  rounds: number,
  arms: Record<K, (round: number) => V | Promise<V>>,
): Promise<Record<K, V[]>> {
  const names = Object.keys(arms) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as V[]])) as Record<K, V[]>;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      samples[name].push(await arms[name](round));
    }
  }
  return samples;
}
