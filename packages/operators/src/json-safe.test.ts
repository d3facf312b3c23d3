import { describe, expect, expectTypeOf, it } from "vitest";
import { toJsonSafe, type JsonSafe } from "./json-safe.js";

describe(toJsonSafe.name, () => {
  it("turns every Date into its ISO-8601 string, however deep (apache/airflow#16386)", () => {
    const input = {
      CreationTime: new Date(Date.UTC(2026, 0, 1)),
      SecondaryStatusTransitions: [{ Status: "Starting", StartTime: new Date(Date.UTC(2026, 0, 1, 0, 1)) }],
      Nested: { Deeper: { At: new Date(0) } },
    };
    const out = toJsonSafe(input);
    expect(out).toEqual({
      CreationTime: "2026-01-01T00:00:00.000Z",
      SecondaryStatusTransitions: [{ Status: "Starting", StartTime: "2026-01-01T00:01:00.000Z" }],
      Nested: { Deeper: { At: "1970-01-01T00:00:00.000Z" } },
    });
    expectTypeOf(out.CreationTime).toEqualTypeOf<string>();
    expectTypeOf<JsonSafe<{ a?: Date; b: number[] }>>().toEqualTypeOf<{ a?: string; b: number[] }>();
  });

  it("returns a value that survives a JSON round trip unchanged", () => {
    const out = toJsonSafe({ a: 1, b: "x", c: null, d: [true, { e: new Date(5) }], f: undefined });
    expect(JSON.parse(JSON.stringify(out))).toStrictEqual(out);
    expect(out).not.toHaveProperty("f");
  });

  it("leaves the input untouched", () => {
    const when = new Date(0);
    const input = { when };
    toJsonSafe(input);
    expect(input.when).toBe(when);
  });
});
