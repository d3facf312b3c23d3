import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));
/** Reading host time or host timers anywhere else would make virtual-time runs lie. */
const HOST_TIME = /\bDate\.now\b|\bnew Date\(\s*\)|\b(set|clear)(Timeout|Interval|Immediate)\b|\bperformance\.now\b|\bprocess\.hrtime\b/;
const ALLOWED = new Set([
  "transport/src/system-clock.ts",
  // Injected latency is wall-clock time by definition: a client's request really waits (issue 11's "added latency").
  "emulator/src/faults/delay.ts",
  // The dashboard's page script runs in the browser, polling the server for the virtual clock's state.
  "emulator/src/dashboard/client-script.ts",
]);

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // this package has no such folder
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("host time boundary", () => {
  it("only system-clock.ts reads Date.now or touches host timers in product code", () => {
    const offenders: string[] = [];
    for (const pkg of readdirSync(packagesDir)) {
      // Demos run on virtual time too; benchmarks measure the wall on purpose.
      const files = ["src", "demo"].flatMap((dir) => sourceFiles(join(packagesDir, pkg, dir)));
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
