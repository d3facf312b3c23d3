import type { TestModeChange, TestModeJobKind, TestModeRequests, TestModeResult } from "./apply-test-mode.js";
import { memberPath } from "./member-path.js";

const KIND_NAMES: Readonly<Record<TestModeJobKind, string>> = {
  training: "training job",
  processing: "processing job",
  transform: "transform job",
  tuning: "hyperparameter tuning job",
};

/**
 * A dry run of a job in test mode, as plain text for a terminal: a title line, then the request as
 * it will be submitted, as JSON with its keys sorted, each member test mode changed marked with
 * what it was and why (`"InstanceType": "ml.m5.large", // test mode: was ml.m5.4xlarge — …`).
 * Nothing is submitted.
 *
 * @example
 * ```ts
 * const applied = applyTestMode("training", request);
 * console.log(describeTestModeRun("training", request.TrainingJobName ?? "", request, applied));
 * ```
 */
export function describeTestModeRun<Kind extends TestModeJobKind>(
  kind: Kind,
  name: string,
  original: TestModeRequests[Kind],
  applied: TestModeResult<TestModeRequests[Kind]>,
): string {
  const count = applied.changes.length;
  const changed = count === 0 ? "no changes" : count === 1 ? "1 change" : `${count} changes`;
  return describeRequest(
    `Test mode dry run: ${KIND_NAMES[kind]} ${name}, as it will be submitted (${changed}, nothing submitted)`,
    original,
    applied,
  );
}

/** `title`, then the applied request as sorted JSON with test mode's changes marked (see {@link describeTestModeRun}). */
export function describeRequest(
  title: string,
  original: object,
  applied: { readonly request: object; readonly changes: readonly TestModeChange[] },
): string {
  const reasons = new Map(applied.changes.map((change) => [change.path, change.why]));
  const lines = new Renderer(reasons).value(applied.request, { value: original }, "", "");
  lines.push("");
  return `${title}\n${lines.join("\n")}`;
}

/** The original value at the same place, or nothing when the original had no such member. */
type Before = { value: unknown } | undefined;

class Renderer {
  constructor(private readonly reasons: ReadonlyMap<string, string>) {}

  /** The lines of `value`; the first has no indent (it follows a key), the last gets `suffix` (a comma). */
  value(value: unknown, before: Before, path: string, indent: string, suffix = ""): string[] {
    if (Array.isArray(value)) {
      const was = before !== undefined && Array.isArray(before.value) ? before.value : undefined;
      const items = value.map((item, index) => ({
        key: index,
        item,
        before: was !== undefined && index < was.length ? { value: was[index] } : undefined,
      }));
      return this.container("[", "]", items, path, indent, suffix, (_key) => "");
    }
    if (isObject(value)) {
      const was = before !== undefined && isObject(before.value) ? before.value : undefined;
      const keys = Object.keys(value)
        .filter((key) => value[key] !== undefined)
        .sort();
      const items = keys.map((key) => ({
        key,
        item: value[key],
        before: was !== undefined && Object.hasOwn(was, key) && was[key] !== undefined ? { value: was[key] } : undefined,
      }));
      const removed = was === undefined ? [] : Object.keys(was).filter((key) => was[key] !== undefined && value[key] === undefined);
      const lines = this.container("{", "}", items, path, indent, suffix, (key) => `${JSON.stringify(key)}: `);
      const notes = removed.sort().map((key) => `${indent}  // test mode: removed ${JSON.stringify(key)}, was ${show(was?.[key])}`);
      lines.splice(lines.length - 1, 0, ...notes);
      return lines;
    }
    const text = `${JSON.stringify(value)}${suffix}`;
    if (before !== undefined && JSON.stringify(before.value) === JSON.stringify(value)) return [text];
    const why = this.reasons.get(path);
    const what = before === undefined ? "added" : `was ${show(before.value)}`;
    return [`${text} // test mode: ${what}${why === undefined ? "" : ` — ${why}`}`];
  }

  private container(
    open: string,
    close: string,
    items: { key: string | number; item: unknown; before: Before }[],
    path: string,
    indent: string,
    suffix: string,
    label: (key: string | number) => string,
  ): string[] {
    if (items.length === 0) return [`${open}${close}${suffix}`];
    const inner = `${indent}  `;
    const lines = [open];
    items.forEach(({ key, item, before }, index) => {
      const rendered = this.value(item, before, memberPath(path, key), inner, index === items.length - 1 ? "" : ",");
      lines.push(`${inner}${label(key)}${rendered[0]}`, ...rendered.slice(1));
    });
    lines.push(`${indent}${close}${suffix}`);
    return lines;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A former value in a marker: strings bare (`ml.m5.4xlarge`), anything else as JSON. */
function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
