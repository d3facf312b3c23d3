import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../errors.js";
import { decodeJson, encodeJson, MAX_NESTING_DEPTH } from "./json-codec.js";

const nested = (depth: number, open = "[", close = "]") => `${open.repeat(depth)}${close.repeat(depth)}`;
const decoded = (value: Uint8Array): unknown => JSON.parse(new TextDecoder().decode(value));
function serializationError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe("SerializationException");
    return (error as ServiceError).message;
  }
  throw new Error("expected a SerializationException");
}

describe("decodeJson: nesting depth", () => {
  it("accepts nesting up to the limit and refuses one level more, for arrays and objects alike", () => {
    expect(() => decodeJson(nested(MAX_NESTING_DEPTH))).not.toThrow();
    expect(serializationError(() => decodeJson(nested(MAX_NESTING_DEPTH + 1)))).toMatch(/deeper than 64 levels/);
    const objects = `${'{"a":'.repeat(MAX_NESTING_DEPTH + 1)}1${"}".repeat(MAX_NESTING_DEPTH + 1)}`;
    expect(serializationError(() => decodeJson(objects))).toMatch(/deeper than 64 levels/);
  });

  it("refuses a 100,000-deep and an 8,000,000-deep array at once, without recursion or parsing it", () => {
    for (const depth of [100_000, 8_000_000]) {
      const started = performance.now();
      expect(serializationError(() => decodeJson(nested(depth)))).toMatch(/deeper than 64/);
      expect(performance.now() - started).toBeLessThan(500); // JSON.parse alone takes ~2.5 s on 8M levels
    }
  });

  it("counts only brackets outside strings, escaped quotes included", () => {
    const inString = JSON.stringify({ Name: "[".repeat(1000), Quote: 'a\\"[[[', Tail: "\\" });
    expect(decodeJson(inString)).toEqual(JSON.parse(inString));
  });

  it("property: agrees with JSON.parse on every value within the limit", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 20 }), (value) => {
        const text = JSON.stringify(value);
        expect(decodeJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("answers text that is not JSON with SerializationException", () => {
    expect(serializationError(() => decodeJson("{oops"))).toBe("Unable to parse the request body as JSON.");
  });
});

describe("encodeJson", () => {
  it("writes Dates as epoch seconds at any depth, in objects and arrays, leaving the input untouched", () => {
    const when = new Date(1_529_870_369_986);
    const payload = { CreationTime: when, Transitions: [{ StartTime: when, Nested: [[when]] }], Name: "x", Skipped: undefined };
    expect(decoded(encodeJson(payload))).toEqual({
      CreationTime: 1529870369.986,
      Transitions: [{ StartTime: 1529870369.986, Nested: [[1529870369.986]] }],
      Name: "x",
    });
    expect(payload.CreationTime).toBe(when);
  });

  it("writes the same bytes as JSON.stringify for values without Dates", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(new TextDecoder().decode(encodeJson(value))).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a member named __proto__ as a member", () => {
    const payload = JSON.parse('{"Metrics": {"__proto__": 1, "constructor": 2}}') as object;
    expect(new TextDecoder().decode(encodeJson(payload))).toBe('{"Metrics":{"__proto__":1,"constructor":2}}');
  });

  it("refuses a cyclic value with a RangeError instead of looping", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeJson(cyclic)).toThrow(RangeError);
  });
});
