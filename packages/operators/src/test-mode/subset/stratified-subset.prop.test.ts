import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines.js";
import { stratifiedSubset } from "./stratified-subset.js";

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

/** Rows `label,n` (each line unique, so a kept line names its input row), from a few classes of skewed sizes. */
const rows = fc
  .array(fc.constantFrom("a", "a", "a", "a", "b", "b", "c", '"d,1"'), { maxLength: 400 })
  .map((labels) => labels.map((label, n) => `${label},${n}`));
const options = fc.record({
  fraction: fc.integer({ min: 1, max: 1000 }).map((n) => n / 1000),
  seed: fc.nat({ max: 0xffffffff }),
  minPerClass: fc.nat({ max: 4 }),
});

describe(stratifiedSubset.name, () => {
  it("keeps exactly max(minPerClass, round(n × fraction)) rows of each class (at most n), in input order, the same for the same seed", async () => {
    await fc.assert(
      fc.asyncProperty(rows, options, async (input, opts) => {
        const kept = await collect(stratifiedSubset(input, opts));
        const again = await collect(stratifiedSubset(input, opts));
        expect(again).toEqual(kept);
        const indices = kept.map((line) => input.indexOf(line));
        expect(indices.every((i) => i >= 0)).toBe(true);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
        expect(new Set(indices).size).toBe(indices.length);
        const count = (lines: readonly string[], label: string) => lines.filter((l) => l.startsWith(`${label},`)).length;
        for (const label of new Set(input.map((l) => l.slice(0, l.lastIndexOf(","))))) {
          const n = count(input, label);
          expect(count(kept, label)).toBe(Math.min(n, Math.max(opts.minPerClass, Math.round(n * opts.fraction))));
        }
      }),
    );
  });

  it("keeps every row of a class equally often over seeds", async () => {
    // 20 rows of one class, fraction 0.25: each row is kept with probability 5/20 under any seed draw.
    const input = Array.from({ length: 20 }, (_, n) => `a,${n}`);
    const hits = new Array<number>(20).fill(0);
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) {
      for (const line of await collect(stratifiedSubset(input, { fraction: 0.25, seed }))) hits[Number(line.slice(2))]!++;
    }
    // Binomial(4000, 0.25): mean 1000, standard deviation about 27; 150 is more than 5 of them.
    for (const h of hits) expect(Math.abs(h - runs / 4)).toBeLessThan(150);
  });
});

describe(readLines.name, () => {
  it("gives the text's lines however its UTF-8 bytes are cut into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
        async (text, cuts) => {
          const bytes = new TextEncoder().encode(text);
          const at = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
          async function* chunks() {
            for (let i = 0; i + 1 < at.length; i++) yield bytes.subarray(at[i], at[i + 1]);
          }
          const expected = text.split("\n");
          if (expected.at(-1) === "") expected.pop();
          expect(await collect(readLines(chunks()))).toEqual(expected);
        },
      ),
    );
  });
});
