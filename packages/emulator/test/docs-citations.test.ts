import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every fact the code cites must be readable by someone holding only the repository: a public
 * source (an AWS page, an issue number) or a section of a document under docs/. Notes kept outside
 * the repository never are, so citing them again fails here, and so does a `docs/….md §N` or
 * `docs/….md#anchor` whose section does not exist.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const self = fileURLToPath(import.meta.url);

/** Files worth reading; lockfiles and build output are not. */
const TEXT = /\.(ts|tsx|mts|cts|js|mjs|cjs|py|md|json|ya?ml|sh|toml)$|^run$/;
const SKIP_DIRS = new Set(["node_modules", "dist", ".git", "coverage"]);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : filesUnder(path);
    return TEXT.test(entry.name) ? [path] : [];
  });
}

/** The code (packages/, scripts/), the docs, CI, and the root's own config files. */
function repositoryFiles(): string[] {
  const rootFiles = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && TEXT.test(entry.name) && entry.name !== "pnpm-lock.yaml")
    .map((entry) => join(root, entry.name));
  const underDirs = ["packages", "scripts", "docs", ".ci"].flatMap((dir) => filesUnder(join(root, dir)));
  return [...rootFiles, ...underDirs].filter((file) => file !== self);
}

const codeFiles = (): string[] => ["packages", "scripts"].flatMap((dir) => filesUnder(join(root, dir))).filter((file) => file !== self);

/** Names of the unpublished notes (spelled in pieces, so this file does not cite them itself). */
const UNPUBLISHED = [
  ["sagemaker", "semantics"].join("-"),
  ["airflow", "sagemaker", "operators"].join("-"),
  ["algorithms", "and", "prices"].join("-"),
  ["sagemaker", "pipelines.md"].join("-"),
  ["toolchain", "md"].join("."),
  ["STYLE", "md"].join("."),
  ["..", "shared"].join("/"),
  ["shared", "reference"].join("/"),
];

function linesOf(file: string): string[] {
  return readFileSync(file, "utf8").split("\n");
}

/** Section numbers and GitHub anchors of the headings in a markdown file. */
function sectionsOf(markdown: string): { numbers: Set<string>; anchors: Set<string> } {
  const numbers = new Set<string>();
  const anchors = new Set<string>();
  for (const line of markdown.split("\n")) {
    const heading = /^#{1,6}\s+(.*?)\s*$/.exec(line);
    if (!heading) continue;
    const text = heading[1]!;
    const number = /^(\d+(?:\.\d+)*)\.?\s/.exec(text);
    if (number) numbers.add(number[1]!);
    anchors.add(
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\- _]/gu, "")
        .replace(/ /g, "-"),
    );
  }
  return { numbers, anchors };
}

/** `docs/x.md §5.1`, `docs/x.md §6 and §7`, `docs/x.md §5.5–§5.7`, and `docs/x.md#anchor`. */
const SECTION_CITATION = /\bdocs\/([\w.-]+\.md)((?:(?:\s*(?:,|and|or|–|-)\s*|\s+)§\d+(?:\.\d+)*)+)/g;
const ANCHOR_CITATION = /\bdocs\/([\w.-]+\.md)#([\w-]+)/g;

describe("citations in the repository", () => {
  it("never cite notes that are not in the repository", () => {
    const offenders: string[] = [];
    for (const file of repositoryFiles()) {
      linesOf(file).forEach((line, i) => {
        const cited = UNPUBLISHED.find((name) => line.includes(name));
        if (cited) offenders.push(`${relative(root, file)}:${i + 1}: ${cited}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("cite sections of docs/*.md that exist, by number or by anchor", () => {
    const cache = new Map<string, ReturnType<typeof sectionsOf> | undefined>();
    const sections = (doc: string) => {
      if (!cache.has(doc)) {
        const path = join(root, "docs", doc);
        cache.set(doc, existsSync(path) ? sectionsOf(readFileSync(path, "utf8")) : undefined);
      }
      return cache.get(doc);
    };
    const broken: string[] = [];
    let checked = 0;
    for (const file of repositoryFiles()) {
      linesOf(file).forEach((line, i) => {
        const where = `${relative(root, file)}:${i + 1}`;
        for (const [, doc, tail] of line.matchAll(SECTION_CITATION)) {
          for (const [, number] of tail!.matchAll(/§(\d+(?:\.\d+)*)/g)) {
            checked++;
            if (!sections(doc!)?.numbers.has(number!)) broken.push(`${where}: docs/${doc} §${number}`);
          }
        }
        for (const [, doc, anchor] of line.matchAll(ANCHOR_CITATION)) {
          checked++;
          if (!sections(doc!)?.anchors.has(anchor!)) broken.push(`${where}: docs/${doc}#${anchor}`);
        }
      });
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("name the document of every § in the code (a docs/ page or an RFC, on the line or just above)", () => {
    const anonymous: string[] = [];
    for (const file of codeFiles()) {
      const lines = linesOf(file);
      lines.forEach((line, i) => {
        if (!/§\d/.test(line)) return;
        const context = lines.slice(Math.max(0, i - 4), i + 1).join("\n");
        if (!/\bdocs\/[\w.-]+\.md\b|\bRFC \d+/.test(context)) anonymous.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(anonymous).toEqual([]);
  });

  it("fidelity.md has the numbered sections the code cites", () => {
    const { numbers } = sectionsOf(readFileSync(join(root, "docs", "fidelity.md"), "utf8"));
    expect([...numbers]).toEqual(expect.arrayContaining(["1", "2.2", "2.3", "3", "4", "5.1", "5.7", "6", "7", "8"]));
  });
});
