import type { EmulatorRule } from "../options.js";

/**
 * Rules written as JSON, for `--config FILE` and `PUT /_sagerun/rules`. JSON has no RegExp, so a
 * pattern in `match` (`name`, `image`, a hyperparameter's value) is written
 * `{"regex": "^flaky-", "flags": "i"}`; a plain string still matches exactly (names
 * case-insensitively), as in TypeScript. Everything else is the TypeScript form, checked by the
 * emulator itself (unknown keys are errors that list the known ones).
 *
 * @example
 * [{ "match": { "name": { "regex": "^flaky-" } }, "outcome": { "status": "Failed", "failureReason": "AlgorithmError: boom" } }]
 */
export function rulesFromJson(rules: unknown, where = "rules"): EmulatorRule[] {
  if (!Array.isArray(rules)) throw new TypeError(`${where} must be an array of rules, got ${kind(rules)}.`);
  return rules.map((rule: unknown, i) => {
    if (!isObject(rule) || !isObject(rule.match)) return rule as EmulatorRule;
    return { ...rule, match: matchFromJson(rule.match, `${where}[${i}].match`) } as EmulatorRule;
  });
}

/** Rules as JSON (`GET /_sagerun/rules`, the dashboard): the form {@link rulesFromJson} reads back. */
export function rulesToJson(rules: readonly EmulatorRule[]): unknown[] {
  return patternsToJson(rules);
}

/**
 * Rules or faults (faults/json.ts) as JSON: each RegExp written `{"regex", "flags"}`, the form
 * {@link pattern} reads, and everything else as JSON.stringify writes it.
 */
export function patternsToJson(values: readonly unknown[]): unknown[] {
  return JSON.parse(
    JSON.stringify(values, (_key, value: unknown) => (value instanceof RegExp ? { regex: value.source, flags: value.flags } : value)),
  ) as unknown[];
}

/** A rule's `match` written as JSON (also a job fault's, faults/json.ts): its patterns as RegExps. */
export function matchFromJson(value: Record<string, unknown>, at: string): Record<string, unknown> {
  const match: Record<string, unknown> = { ...value };
  for (const key of ["name", "image"]) {
    if (match[key] !== undefined) match[key] = pattern(match[key], `${at}.${key}`);
  }
  const hyperParameters = match.hyperParameters;
  if (isObject(hyperParameters)) {
    // fromEntries defines own properties, so a hyperparameter named `__proto__` stays one.
    match.hyperParameters = Object.fromEntries(
      Object.entries(hyperParameters).map(([name, value]) => [name, pattern(value, `${at}.hyperParameters[${JSON.stringify(name)}]`)]),
    );
  }
  return match;
}

/** A string or RegExp as it is; `{"regex", "flags"?}` as a RegExp; anything else is an error. */
export function pattern(value: unknown, where: string): unknown {
  if (typeof value === "string" || value instanceof RegExp) return value;
  const form = `a string or {"regex": "<pattern>", "flags": "<flags>"}`;
  if (!isObject(value) || typeof value.regex !== "string") throw new TypeError(`${where} must be ${form}, got ${kind(value)}.`);
  const extra = Object.keys(value).filter((key) => key !== "regex" && key !== "flags");
  if (extra.length > 0) throw new TypeError(`${where} has an unknown key ${JSON.stringify(extra[0])}; a pattern is ${form}.`);
  if (value.flags !== undefined && typeof value.flags !== "string")
    throw new TypeError(`${where}.flags must be a string, got ${kind(value.flags)}.`);
  try {
    // A match is a yes/no test: `g` and `y` would only carry lastIndex from one test to the next.
    return new RegExp(value.regex, (value.flags ?? "").replace(/[gy]/g, ""));
  } catch (error) {
    throw new TypeError(`${where} is not a valid regular expression: ${(error as Error).message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === undefined) return "nothing";
  return Array.isArray(value)
    ? "an array"
    : value === null
      ? "null"
      : isObject(value)
        ? "an object"
        : `${typeof value} ${JSON.stringify(value)}`;
}
