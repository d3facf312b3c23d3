import { describe, expect, it } from "vitest";
import { labelOf } from "./csv-label.js";
import { stratifiedSubset } from "./stratified-subset.js";

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe(stratifiedSubset.name, () => {
  it("keeps the header first, unsampled, and drops blank lines", async () => {
    const input = ["", "label,x", ...Array.from({ length: 10 }, (_, n) => `${n % 2 ? "cat" : "dog"},${n}`), "", "  "];
    const kept = await collect(stratifiedSubset(input, { fraction: 0.2, seed: 7, header: true }));
    expect(kept[0]).toBe("label,x");
    expect(kept).toHaveLength(3);
    expect(kept.filter((l) => l.startsWith("cat,"))).toHaveLength(1);
    expect(kept.filter((l) => l.startsWith("dog,"))).toHaveLength(1);
  });

  it("reads CRLF lines as their text without the CR", async () => {
    const kept = await collect(stratifiedSubset(["a,1\r", "b,2\r", "a,3\r"], { fraction: 1, seed: 1 }));
    expect(kept).toEqual(["a,1", "b,2", "a,3"]);
  });

  it("groups rows by a quoted label in any column", async () => {
    const input = ['1,"cat, black"', '2,"cat, black"', '3,"say ""hi"""', "4,cat", '5,"cat"'];
    const kept = await collect(stratifiedSubset(input, { fraction: 0.01, seed: 3, labelColumn: 1 }));
    // Classes: `cat, black` (2 rows), `say "hi"` (1) and `cat` (rows 4 and 5, quoted or not): one row each.
    expect(kept).toHaveLength(3);
    expect(kept.filter((l) => l.includes("black"))).toHaveLength(1);
    expect(kept).toContain('3,"say ""hi"""');
  });

  it("gives a different subset for a different seed", async () => {
    const input = Array.from({ length: 200 }, (_, n) => `a,${n}`);
    const one = await collect(stratifiedSubset(input, { fraction: 0.1, seed: 1 }));
    expect(await collect(stratifiedSubset(input, { fraction: 0.1, seed: 2 }))).not.toEqual(one);
  });

  it("throws a RangeError naming the row that has no label column", async () => {
    await expect(collect(stratifiedSubset(["a,b,c", "a,b"], { fraction: 0.5, seed: 1, labelColumn: 2 }))).rejects.toThrow(
      /row 2 has no column 2/,
    );
  });

  it.each([
    [{ fraction: 0, seed: 1 }, /fraction \[0\] must be a number in \(0, 1\]/],
    [{ fraction: 1.5, seed: 1 }, /fraction \[1.5\]/],
    [{ fraction: 0.1, seed: -1 }, /seed \[-1\] must be a whole number/],
    [{ fraction: 0.1, seed: 1, minPerClass: 0.5 }, /minPerClass \[0.5\]/],
    [{ fraction: 0.1, seed: 1, labelColumn: -1 }, /labelColumn \[-1\]/],
  ])("refuses the options %o", async (options, message) => {
    await expect(collect(stratifiedSubset([], options))).rejects.toThrow(message);
  });
});

describe(labelOf.name, () => {
  it.each([
    ["a,b,c", 0, "a"],
    ["a,b,c", 2, "c"],
    ["a,b", 2, undefined],
    [",,", 1, ""],
    ['"x,y",z', 0, "x,y"],
    ['"x,y",z', 1, "z"],
    ['q,"a ""b"", c",d', 1, 'a "b", c'],
    ['q,"a ""b"", c",d', 2, "d"],
    ['"unterminated', 0, "unterminated"],
  ])("reads %s column %i as %o", (line, column, label) => {
    expect(labelOf(line, column)).toBe(label);
  });
});
