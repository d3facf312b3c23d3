import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { javaRegExp } from "./java-regex.js";
import { compileMatcher, linearMatcher } from "./linear-regex.js";
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
  const odd = fc.constantFrom(
    "-",
    "/",
    "\n",
    "\r",
    " ",
    "\u0085",
    "\u2028",
    "a",
    "Z",
    "0",
    ".",
    ":",
    "_",
    "😀",
    "\uD800",
    "é",
    "\t",
    "@",
    "$",
  );
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
    const arnOrName = linearMatcher(
      "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)",
    );
    expect([arnOrName.test("my-algo"), arnOrName.test("my-algo-")]).toEqual([true, false]);
    const noDotStart = linearMatcher("(?!^[.-])^([a-zA-Z0-9-_.]+)");
    expect([noDotStart.test("a.b"), noDotStart.test(".ab"), noDotStart.test("-ab")]).toEqual([true, false, false]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: `${1,128}` is the model's pattern (a quantified `$`), not a template
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

  it("property: counted repetitions (large {n,m}, counted rather than unrolled) agree with V8 on short values and with the unrolled NFA on long ones", () => {
    // Bodies of varying width, several ambiguous (`a|aa`), which is where counting matters.
    const body = fc.constantFrom("a", "ab", "a|ab", "a|aa", "[ab]b?", "a*b", "(?:ab|a)c?", "b|a{1,3}", "x?");
    const bounds = fc.tuple(fc.nat(24), fc.integer({ min: 17, max: 60 })).map(([min, span]) => [min, min + span] as const);
    const affix = fc.constantFrom("", "c", "a", "a?", "[abc]*");
    const pattern = fc.tuple(affix, body, bounds, affix).map(([pre, b, [min, max], post]) => `${pre}(?:${b}){${min},${max}}${post}`);
    const unit = fc.constantFrom("a", "b", "c", "ab", "aa", "x", "abc");
    const text = (most: number) => fc.array(unit, { maxLength: most }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(pattern, fc.array(text(12), { maxLength: 6 }), fc.array(text(60), { maxLength: 4 }), (p, shorts, longs) => {
        const dfa = compileMatcher(p);
        const nfa = compileMatcher(p, "nfa");
        const v8 = new RegExp(`^(?:${p})$`, "u");
        for (const v of shorts.filter((s) => s.length <= 22)) expect(dfa.test(v), `${p} on ${v}`).toBe(v8.test(v));
        for (const v of longs) expect(dfa.test(v), `${p} on ${v}`).toBe(nfa.test(v));
        // Exactly min and max iterations of the simplest unit, and one fewer and one more.
        const [, min, max] = /\{(\d+),(\d+)\}/.exec(p)!.map(Number) as [number, number, number];
        for (const k of [min - 1, min, max, max + 1].filter((k) => k >= 0)) {
          const v = "a".repeat(k);
          expect(dfa.test(v), `${p} on a×${k}`).toBe(nfa.test(v));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts iterations exactly at the bounds of a counted loop", () => {
    const m = linearMatcher("x(?:a|aa){20,40}y");
    expect(m.test(`x${"a".repeat(19)}y`)).toBe(false); // at most 19 iterations
    expect(m.test(`x${"a".repeat(20)}y`)).toBe(true);
    expect(m.test(`x${"a".repeat(80)}y`)).toBe(true); // 40 iterations of "aa"
    expect(m.test(`x${"a".repeat(81)}y`)).toBe(false);
    const url = linearMatcher("https://([.\\-_a-zA-Z0-9]+/?){3,1016}");
    // At least 3 iterations of at least one character each.
    expect([url.test("https://ab"), url.test("https://abc"), url.test("https://a/b/c/")]).toEqual([false, true, true]);
  });

  it("refuses backreferences, which no linear-time matcher can decide", () => {
    expect(() => linearMatcher("(a)\\1")).toThrow(SyntaxError);
  });
});
