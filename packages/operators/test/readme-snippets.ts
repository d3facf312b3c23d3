/** A `ts` code block of a Markdown file, as the README test runs it. */
export interface Snippet {
  /** The heading the block sits under, for the test's title. */
  readonly heading: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The code, with the block's own indentation (a block inside a list item) removed. */
  readonly code: string;
  /** What it must print, in order: the text of each `// → …` line. */
  readonly prints: readonly string[];
  /** Why it is not run, from a `<!-- not run: why -->` line right above the fence. */
  readonly notRun?: string;
}

const FENCE = /^(\s*)```(\S*)\s*$/;
const NOT_RUN = /^<!--\s*not run:\s*(.*?)\s*-->$/;
const PRINTS = /^\s*\/\/ → (.*)$/;

/**
 * Every ```ts block of `markdown`, in order. Other fenced blocks (sh, json) are skipped whole, so
 * a `#` comment in a shell block is never taken for a heading. A `not run` marker without a reason
 * throws: a skipped example must say why.
 */
export function tsSnippets(markdown: string): Snippet[] {
  const lines = markdown.split("\n");
  const snippets: Snippet[] = [];
  let heading = "(before any heading)";
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const fence = FENCE.exec(text);
    if (fence === null) {
      const title = /^#{1,6}\s+(.*)$/.exec(text);
      if (title) heading = title[1]!.trim();
      continue;
    }
    const [, indent = "", language] = fence;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "```"; i++)
      body.push(lines[i]!.startsWith(indent) ? lines[i]!.slice(indent.length) : lines[i]!);
    if (language !== "ts") continue;
    const marker = NOT_RUN.exec(lines[start - 1]?.trim() ?? "");
    if (marker && marker[1] === "") throw new Error(`Markdown line ${start}: a "not run" marker must say why the block is not run.`);
    const prints = body.flatMap((line) => PRINTS.exec(line)?.slice(1, 2) ?? []);
    snippets.push({ heading, line: start + 1, code: body.join("\n"), prints, ...(marker ? { notRun: marker[1]! } : {}) });
  }
  return snippets;
}
