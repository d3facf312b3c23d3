import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));
/** Reading host time or host timers anywhere else would make virtual-time runs lie. */
const HOST_TIME = /\bDate\.now\b|\bnew Date\(\s*\)|\bset(Timeout|Interval|Immediate)\b|\bperformance\.now\b/;
const ALLOWED = new Set(["transport/src/system-clock.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("host time boundary", () => {
  it("only system-clock.ts reads Date.now or touches host timers in product code", () => {
    const offenders: string[] = [];
    for (const pkg of readdirSync(packagesDir)) {
      let files: string[] = [];
      try {
        files = sourceFiles(join(packagesDir, pkg, "src"));
      } catch {
        continue; // not a package with sources
      }
      for (const file of files) {
        const name = relative(packagesDir, file);
        if (ALLOWED.has(name)) continue;
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "");
            if (HOST_TIME.test(code)) offenders.push(`${name}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});
