import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines.js";
import { stratifiedSubset } from "./stratified-subset.js";

const TOTAL_BYTES = 200 * 1024 * 1024;
const PAD = "x".repeat(100);

/** About 200 MB of CSV in 64 KiB chunks, made as it is read: never held whole. Calls `tick` every 16 chunks. */
async function* generatedCsv(tick: () => void): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let n = 0;
  let chunks = 0;
  for (let sent = 0; sent < TOTAL_BYTES; ) {
    let text = "";
    while (text.length < 64 * 1024) text += `${n % 10 === 0 ? "rare" : n % 2 ? "cat" : "dog"},${n++},${PAD}\n`;
    const chunk = encoder.encode(text);
    sent += chunk.byteLength;
    if (++chunks % 16 === 0) tick();
    yield chunk;
  }
}

describe(stratifiedSubset.name, () => {
  it("subsets 200 MB of generated CSV with heap growth bounded by the subset, not the input", { timeout: 30_000 }, async () => {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const tick = () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    let kept = 0;
    let bytes = 0;
    for await (const line of stratifiedSubset(readLines(generatedCsv(tick)), { fraction: 0.001, seed: 1 })) {
      kept++;
      bytes += line.length + 1;
    }
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    // About 1.9 M rows in, 1 900 out (about 220 kB). The input is 200 MB: holding even a tenth of
    // it would pass the bound, while garbage not yet collected stays well below it.
    expect(kept).toBeGreaterThan(1800);
    expect(bytes).toBeLessThan(300_000);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  });
});
