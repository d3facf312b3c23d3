/** Where an input first fails to match what a test expects of it. */
export interface Mismatch {
  /** The member's path in the input (`ResourceConfig.InstanceType`, `InputDataConfig[0]`); "" for the input itself. */
  readonly path: string;
  readonly actual: unknown;
  readonly expected: unknown;
}

/**
 * Where `actual` first fails a partial, deep match of `expected`, or undefined when it matches:
 * every member `expected` names must match (members it does not name are ignored), recursively;
 * an array matches one as long whose elements match in order; an asymmetric matcher
 * (`expect.any(String)`, `expect.stringMatching(/…/)`) decides for itself; anything else is compared
 * with `Object.is`. The same rules as vitest's `toMatchObject`, with the place they failed.
 */
export function mismatchOf(actual: unknown, expected: unknown, path = ""): Mismatch | undefined {
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual) ? undefined : { path, actual, expected };
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return { path, actual, expected };
    for (let i = 0; i < expected.length; i++) {
      const found = mismatchOf(actual[i], expected[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return { path, actual, expected };
    for (const key of Object.keys(expected)) {
      const found = mismatchOf(Object.hasOwn(actual, key) ? actual[key] : undefined, expected[key], path === "" ? key : `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : { path, actual, expected };
}

function isAsymmetricMatcher(value: unknown): value is { asymmetricMatch(other: unknown): boolean } {
  return typeof value === "object" && value !== null && typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === "function";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
