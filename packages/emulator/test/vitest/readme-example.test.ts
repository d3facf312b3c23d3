import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), "utf8");

describe("the README's vitest example", () => {
  it("is knn-pipeline.test.ts as written, so the block the README cannot run runs here", () => {
    const readme = read("../../../../README.md");
    const marker = readme.indexOf(
      "<!-- not run: a test file for the vitest runner; it is packages/emulator/test/vitest/knn-pipeline.test.ts",
    );
    expect(marker, "the README's marker above the example").toBeGreaterThan(0);
    const block = /```ts\n([\s\S]*?)\n```/.exec(readme.slice(marker))?.[1];
    expect(block).toBe(read("./knn-pipeline.test.ts").trimEnd());
  });
});
