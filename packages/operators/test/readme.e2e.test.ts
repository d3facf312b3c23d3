import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
const generated = fileURLToPath(new URL("./.readme/", import.meta.url));

/** The README's `ts` code blocks, in order. */
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("the README", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("runs its two-backends pipeline example, as written, with SAGERUN_BACKEND=emulator", async () => {
    const example = examples.find((code) => code.includes("runTrainingJob("));
    expect(example, "the README lost its pipeline example").toBeDefined();
    vi.stubEnv("SAGERUN_BACKEND", "emulator");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    mkdirSync(generated, { recursive: true });
    const file = `${generated}pipeline.ts`;
    writeFileSync(file, `// Generated from README.md by readme.e2e.test.ts; do not edit.\n${example}\nexport {};\n`);
    await import(/* @vite-ignore */ file);
    const lines = log.mock.calls.map((args) => args.join(" "));
    log.mockRestore();
    expect(lines.at(-1)).toBe("churn-xgb s3://my-bucket/churn/output/churn-xgb/output/model.tar.gz");
    expect(lines.some((line) => line.endsWith("InProgress Training"))).toBe(true);
  });
});
