import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { botocoreVersion, operations, shapes } from "./model.generated.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const committed = fileURLToPath(new URL("./model.generated.ts", import.meta.url));

// The check needs python3 + botocore, and the same botocore the table was generated from:
// another version legitimately produces another table, which is not drift of this repository.
const probe = spawnSync("python3", ["-c", "import botocore; print(botocore.__version__)"], { encoding: "utf8" });
const installed = probe.status === 0 ? probe.stdout.trim() : undefined;
const skipReason =
  installed === undefined
    ? "python3 cannot import botocore"
    : installed !== botocoreVersion
      ? `model.generated.ts comes from botocore ${botocoreVersion}, python3 has ${installed}`
      : undefined;
if (skipReason !== undefined) console.info(`model.generated.ts up-to-date check skipped: ${skipReason}`);

describe("model.generated.ts", () => {
  it.skipIf(skipReason !== undefined)("is exactly what scripts/gen-constraints.py generates", () => {
    const dir = mkdtempSync(join(tmpdir(), "gen-constraints-"));
    try {
      const out = join(dir, "model.generated.ts");
      const run = spawnSync("python3", [join(root, "scripts", "gen-constraints.py"), out], { encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(out, "utf8") === readFileSync(committed, "utf8"), "run `pnpm gen:constraints`").toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resolves every shape it references", () => {
    const refs = Object.values(shapes).flatMap((s) => [...Object.values(s.members ?? {}), s.member, s.key, s.value]);
    for (const ref of [...Object.values(operations), ...refs]) if (ref !== undefined) expect(shapes[ref], ref).toBeDefined();
  });

  it("lists each structure's required members among its members", () => {
    for (const [name, s] of Object.entries(shapes)) {
      for (const r of s.required ?? []) expect(Object.keys(s.members ?? {}), `${name}.${r}`).toContain(r);
    }
  });
});
