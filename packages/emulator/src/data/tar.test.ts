import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tarGzip, untarGzip } from "./tar.js";

const files = fc
  .uniqueArray(
    fc.tuple(
      fc
        .array(
          fc.stringMatching(/^[a-zA-Z0-9_.-]{1,40}$/).filter((p) => p !== "." && p !== ".."),
          { minLength: 1, maxLength: 4 },
        )
        .map((parts) => parts.join("/")),
      fc.uint8Array({ maxLength: 1500 }),
    ),
    { selector: ([path]) => path, maxLength: 8 },
  )
  .map((entries) => new Map(entries));

describe("model.tar.gz (data/tar.ts)", () => {
  it("reads back every file it wrote, byte for byte (property)", () => {
    fc.assert(
      fc.property(files, (written) => {
        expect(untarGzip(tarGzip(written, 1_700_000_000_000))).toEqual(written);
      }),
    );
  });

  it("writes an archive Python's tarfile and GNU tar both read", () => {
    const written = new Map([
      ["model.json", new TextEncoder().encode('{"k":3}')],
      [`deep/${"d".repeat(120)}/weights.bin`, new Uint8Array(700).fill(7)],
    ]);
    const dir = mkdtempSync(join(tmpdir(), "sagerun-tar-"));
    const path = join(dir, "model.tar.gz");
    writeFileSync(path, tarGzip(written, 1_700_000_000_000));
    const python = spawnSync(
      "python3",
      ["-c", "import sys,tarfile;t=tarfile.open(sys.argv[1]);print('\\n'.join(f'{m.name} {m.size}' for m in t.getmembers()))", path],
      {
        encoding: "utf8",
      },
    );
    expect(python.stdout.trim().split("\n")).toEqual(["model.json 7", `deep/${"d".repeat(120)}/weights.bin 700`]);
    const gnu = spawnSync("tar", ["-tzf", path], { encoding: "utf8" });
    expect(gnu.stdout.trim().split("\n")).toEqual(["model.json", `deep/${"d".repeat(120)}/weights.bin`]);
  });

  it("reads an archive `tar czf` made (directories skipped, ./ stripped)", () => {
    const dir = mkdtempSync(join(tmpdir(), "sagerun-tar-"));
    mkdirSync(join(dir, "model", "sub"), { recursive: true });
    writeFileSync(join(dir, "model", "a.txt"), "alpha");
    writeFileSync(join(dir, "model", "sub", "b.txt"), "beta");
    spawnSync("tar", ["-czf", join(dir, "m.tar.gz"), "-C", join(dir, "model"), "."]);
    const read = untarGzip(readFileSync(join(dir, "m.tar.gz")));
    expect(Object.fromEntries([...read].map(([k, v]) => [k, Buffer.from(v).toString()]))).toEqual({
      "a.txt": "alpha",
      "sub/b.txt": "beta",
    });
  });
});
