import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { javaRegExp } from "./java-regex.js";
import { linearMatcher } from "./linear-regex.js";
import { shapes } from "./model.generated.js";

/**
 * A quantified group that itself holds a quantifier (`(-*[a-z])*`, `([-a-z]*[a-z]){0,39}`): the
 * V8 reference can take exponential time on such a pattern, so values for it are kept short
 * enough (18 characters) for the reference to answer within the test.
 */
const NESTED_QUANTIFIER = /\([^()]*[*+}][^()]*\)[*+{]/;

const patterns = [...new Set(Object.values(shapes).flatMap((s) => (s.pattern === undefined ? [] : [s.pattern])))].sort();

/** Values that match the V8 reference, where fast-check can build them (no lookarounds in its generator). */
function matching(re: RegExp): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(re, { size: "small" });
  } catch {
    try {
      const bare = new RegExp(re.source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, ""), "u");
      return fc.stringMatching(bare, { size: "small" });
    } catch {
      return undefined;
    }
  }
}

/** Near misses: a matching value with one character inserted, deleted or replaced. */
function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const odd = fc.constantFrom("-", "/", "\n", "\r", " ", "\u0085", "\u2028", "a", "Z", "0", ".", ":", "_", "😀", "\uD800", "é", "\t", "@", "$");
  return fc.tuple(base, fc.nat(), fc.nat(2), odd).map(([s, at, how, c]) => {
    const i = s.length === 0 ? 0 : at % (s.length + 1);
    if (how === 0) return s.slice(0, i) + c + s.slice(i);
    if (how === 1) return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + c + s.slice(i + 1);
  });
}

describe("linearMatcher", () => {
  it("compiles every pattern of the generated table", () => {
    expect(patterns.length).toBeGreaterThan(150);
    for (const p of patterns) expect(() => linearMatcher(p), p).not.toThrow();
  });

  it("property: agrees with V8's RegExp of the same translated pattern, on matching values, near misses and arbitrary text", () => {
    for (const p of patterns) {
      const reference = javaRegExp(p);
      const linear = linearMatcher(p);
      const good = matching(reference);
      const inputs = fc.oneof(
        ...(good === undefined ? [] : [good, mutated(good)]),
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.string({ unit: fc.constantFrom(..."aZ09-_./:@ \n"), maxLength: 40 }),
      );
      const bounded = NESTED_QUANTIFIER.test(p) ? inputs.map((v) => v.slice(0, 18)) : inputs;
      fc.assert(
        fc.property(bounded, (value) => {
          expect(linear.test(value), `${p} on ${JSON.stringify(value)}`).toBe(reference.test(value));
        }),
        { numRuns: 60 },
      );
    }
  });

  it("matches the whole value, like Java's Matcher.matches()", () => {
    const s3 = linearMatcher("(https|s3)://([^/]+)/?(.*)");
    expect(s3.test("s3://bucket/key/part")).toBe(true);
    expect(s3.test("see s3://bucket/key")).toBe(false);
    expect(s3.test("s3://bucket/key\n")).toBe(false); // Java's `.` refuses a line terminator
  });

  it("handles lookahead, lookbehind, anchors inside the pattern and a quantified anchor", () => {
    const notBlank = linearMatcher("(?!\\s*$).+");
    expect([notBlank.test("x"), notBlank.test("  "), notBlank.test(" x ")]).toEqual([true, false, true]);
    const arnOrName = linearMatcher("(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)");
    expect([arnOrName.test("my-algo"), arnOrName.test("my-algo-")]).toEqual([true, false]);
    const noDotStart = linearMatcher("(?!^[.-])^([a-zA-Z0-9-_.]+)");
    expect([noDotStart.test("a.b"), noDotStart.test(".ab"), noDotStart.test("-ab")]).toEqual([true, false, false]);
    const tagKey = linearMatcher("([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}");
    expect([tagKey.test("Équipe 42"), tagKey.test("a,b")]).toEqual([true, false]);
  });

  it("reads a surrogate pair as one character, as Java and u-mode JS do", () => {
    const xml = linearMatcher("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");
    expect(xml.test("emoji 😀\tok")).toBe(true);
    expect(xml.test("bell \u0007")).toBe(false);
    expect(linearMatcher(".").test("😀")).toBe(true);
    expect(linearMatcher("..").test("😀")).toBe(false);
  });

  it("answers the inputs that make V8 backtrack for seconds (S3Uri quadratic, an exponential {0,39}?)", () => {
    // No timing here (timings belong to bench/validation-bench.ts); these inputs would not finish
    // within the test timeout on a backtracking engine.
    expect(linearMatcher("(https|s3)://([^/]+)/?(.*)").test(`s3://${"a".repeat(64_000)}/\n`)).toBe(false);
    expect(linearMatcher("[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?").test(`${"a".repeat(200)}!`)).toBe(false);
    expect(linearMatcher("[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?").test("a-b-c")).toBe(true);
  });

  it("refuses backreferences, which no linear-time matcher can decide", () => {
    expect(() => linearMatcher("(a)\\1")).toThrow(SyntaxError);
  });
});
