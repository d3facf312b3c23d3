import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tsSnippets } from "./readme-snippets.js";

const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
const generated = fileURLToPath(new URL("./.readme/", import.meta.url));

// A machine with no AWS set-up at all, as a new user's: no credentials, no region, no config
// files, no instance metadata. A snippet that only works with ambient credentials fails here.
const NEW_MACHINE: Readonly<Record<string, string | undefined>> = {
  SAGERUN_BACKEND: "emulator",
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_SHARED_CREDENTIALS_FILE: `${generated}no-aws/credentials`,
  AWS_CONFIG_FILE: `${generated}no-aws/config`,
  AWS_EC2_METADATA_DISABLED: "true",
};

/** Whether `expected` appears in `lines` in this order (other lines may come between). */
function inOrder(lines: readonly string[], expected: readonly string[]): boolean {
  let at = 0;
  for (const line of lines) if (line === expected[at]) at++;
  return at === expected.length;
}

describe(tsSnippets.name, () => {
  it("finds ts blocks under their heading, indented ones too, with what they print and why one is not run", () => {
    const markdown = [
      "# Top",
      "```sh",
      "# not a heading",
      "```",
      "## Use",
      "- item:",
      "  ```ts",
      "  console.log(1);",
      "  // → 1",
      "  ```",
      "<!-- not run: a fragment of the block above -->",
      "```ts",
      "client.send(command);",
      "```",
    ].join("\n");
    expect(tsSnippets(markdown)).toEqual([
      { heading: "Use", line: 7, code: "console.log(1);\n// → 1", prints: ["1"] },
      { heading: "Use", line: 12, code: "client.send(command);", prints: [], notRun: "a fragment of the block above" },
    ]);
    expect(() => tsSnippets("<!-- not run: -->\n```ts\nx;\n```")).toThrow(/must say why/);
  });
});

describe("README.md", () => {
  const snippets = tsSnippets(readme);

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    // A snippet may opt the process in to stopping jobs on SIGINT/SIGTERM; the test worker must
    // not keep those handlers. Called again, stopJobsOnSignal returns its uninstaller.
    const { stopJobsOnSignal } = await import("@sagerun/operators");
    stopJobsOnSignal()();
  });

  it("has ts examples to run", () => {
    expect(snippets.filter((s) => s.notRun === undefined).length).toBeGreaterThanOrEqual(3);
  });

  snippets.forEach((snippet, index) => {
    const title = `runs the example under "${snippet.heading}" (line ${snippet.line}) as written, offline, printing what it says`;
    if (snippet.notRun !== undefined) {
      it.skip(`${title}: not run, ${snippet.notRun}`);
      return;
    }
    it(title, async () => {
      for (const [name, value] of Object.entries(NEW_MACHINE)) vi.stubEnv(name, value);
      const printed: string[] = [];
      vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(...format(...args).split("\n")));
      mkdirSync(generated, { recursive: true });
      const file = `${generated}${index}-line-${snippet.line}.ts`;
      writeFileSync(
        file,
        `// Generated from README.md line ${snippet.line} by readme.e2e.test.ts; do not edit.\n${snippet.code}\nexport {};\n`,
      );
      await import(/* @vite-ignore */ file);
      expect(inOrder(printed, snippet.prints), `printed:\n${printed.join("\n")}\nexpected in order:\n${snippet.prints.join("\n")}`).toBe(
        true,
      );
    });
  });
});
