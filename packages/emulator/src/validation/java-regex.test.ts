import { describe, expect, it } from "vitest";
import { javaRegExp, translateJavaPattern } from "./java-regex.js";
import { shapes } from "./model.generated.js";

const patterns = [...new Set(Object.values(shapes).flatMap((s) => (s.pattern === undefined ? [] : [s.pattern])))];

describe("javaRegExp", () => {
  it("compiles every pattern in the generated table", () => {
    expect(patterns.length).toBeGreaterThan(30);
    for (const p of patterns) expect(() => javaRegExp(p), p).not.toThrow();
  });

  it("matches the whole value, as Java's Matcher.matches() does (Coral)", () => {
    const name = javaRegExp("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    expect(name.test("my-job-1")).toBe(true);
    expect(name.test("my_job")).toBe(false); // a prefix match is not enough
    expect(name.test("-job")).toBe(false);
    expect(javaRegExp("(https|s3)://([^/]+)/?(.*)").test("see s3://bucket/key")).toBe(false);
  });

  it("returns the same compiled RegExp for the same pattern", () => {
    expect(javaRegExp("[a-zA-Z0-9\\-]+")).toBe(javaRegExp("[a-zA-Z0-9\\-]+"));
  });

  it("reads \\p{L}, \\p{Z}, \\p{N} as Unicode categories (the TagValue pattern)", () => {
    const tag = javaRegExp("([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    expect(tag.test("Équipe 42: ml/ops=+@_-")).toBe(true);
    expect(tag.test("a,b")).toBe(false);
  });

  it("turns the POSIX class \\p{Alnum}, which JS lacks, into ASCII A-Za-z0-9 as in Java", () => {
    const lambda = javaRegExp("arn:[\\p{Alnum}\\-]+:lambda:[\\p{Alnum}\\-]+:[0-9]{12}:function:.*");
    expect(lambda.test("arn:aws:lambda:us-east-1:123456789012:function:f")).toBe(true);
    expect(lambda.test("arn:äws:lambda:us-east-1:123456789012:function:f")).toBe(false);
  });

  it("keeps Java's ASCII-only \\s and \\S", () => {
    expect(javaRegExp("[\\S]+").test("a\u00a0b")).toBe(true); // NBSP is not \s in Java
    expect(javaRegExp("(?!\\s*$).+").test(" \t ")).toBe(false);
    expect(javaRegExp("(?!\\s*$).+").test("\u00a0")).toBe(true);
    expect(javaRegExp("[\\S\\s]*").test("line 1\nline 2")).toBe(true);
  });

  it("reads \\uD800\\uDC00-\\uDBFF\\uDFFF as the supplementary planes, as Java does", () => {
    const xml = javaRegExp("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*");
    expect(xml.test("emoji 😀\tok")).toBe(true);
    expect(xml.test("bell \u0007")).toBe(false);
  });

  it("drops escapes Java allows but u-mode JS rejects, and excludes U+0085 from '.'", () => {
    expect(translateJavaPattern("a\\-b\\_c[\\-x]")).toBe("a-b_c[\\-x]");
    expect(javaRegExp(".+").test("a\u0085b")).toBe(false);
  });

  it("refuses Java-only constructs instead of validating wrongly", () => {
    expect(() => translateJavaPattern("\\Aabc\\z")).toThrow(SyntaxError);
    expect(() => translateJavaPattern("[a-z&&[^b]]")).toThrow(SyntaxError);
  });
});
