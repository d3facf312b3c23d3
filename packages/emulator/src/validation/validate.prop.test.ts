import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../errors.js";
import { javaRegExp } from "./java-regex.js";
import { type Shape, operations, shapes } from "./model.generated.js";
import { knownOperations, validateInput } from "./validate.js";

const shapeOf = (name: string | undefined): Shape => {
  const shape = shapes[name ?? ""];
  if (shape === undefined) throw new Error(`no shape ${name}`);
  return shape;
};

/** Strings matching a model pattern; fast-check's stringMatching cannot do lookarounds or u-mode surrogate pairs. */
function matching(pattern: string): fc.Arbitrary<string> {
  const re = javaRegExp(pattern);
  try {
    return fc.stringMatching(re);
  } catch {
    try {
      const noLookaround = new RegExp(re.source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, ""), "u");
      return fc.stringMatching(noLookaround).filter((s) => re.test(s));
    } catch {
      return fc.string().filter((s) => re.test(s));
    }
  }
}

/** Values that satisfy every constraint of the shape (optional members present or not). */
function valid(name: string, depth = 0): fc.Arbitrary<unknown> {
  const s = shapeOf(name);
  const size = { min: s.min ?? 0, max: Math.min(s.max ?? 3, (s.min ?? 0) + 2) };
  switch (s.type) {
    case "structure": {
      const members = s.members ?? {};
      const keys = depth > 6 ? (s.required ?? []) : Object.keys(members);
      const model = Object.fromEntries(keys.map((k) => [k, valid(members[k] ?? "", depth + 1)]));
      return fc.record(model, { requiredKeys: [...(s.required ?? [])] });
    }
    case "list":
      return fc.array(valid(s.member ?? "", depth + 1), { minLength: size.min, maxLength: size.max });
    case "map":
      return fc.dictionary(valid(s.key ?? "", depth + 1) as fc.Arbitrary<string>, valid(s.value ?? "", depth + 1), {
        minKeys: size.min,
        maxKeys: size.max,
      });
    case "string": {
      if (s.enum !== undefined) return fc.constantFrom(...s.enum);
      const text = s.pattern === undefined ? fc.string({ maxLength: 80 }) : matching(s.pattern);
      return text.filter((v) => v.length >= (s.min ?? 0) && v.length <= (s.max ?? Infinity));
    }
    case "integer":
    case "long":
      return fc.integer({ min: s.min ?? -(2 ** 31), max: s.max ?? 2 ** 31 - 1 });
    case "float":
    case "double":
      return fc.double({ min: s.min ?? -1e6, max: s.max ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc.oneof(
        fc.integer({ min: 0, max: 4e9 }),
        fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
      );
    case "blob":
      return fc.base64String();
  }
}

const thrown = (operation: string, input: unknown): unknown => {
  try {
    validateInput(operation, input);
    return undefined;
  } catch (e) {
    return e;
  }
};

describe("validateInput properties", () => {
  it("accepts any CreateTrainingJob input built from the model's constraints", () => {
    fc.assert(fc.property(valid(operations.CreateTrainingJob ?? ""), (input) => {
      expect(thrown("CreateTrainingJob", input)).toBeUndefined();
    }), { numRuns: 150 });
  });

  it("accepts any input built from the constraints, for every operation", () => {
    for (const op of knownOperations()) {
      fc.assert(fc.property(valid(operations[op] ?? ""), (input) => {
        expect(thrown(op, input), op).toBeUndefined();
      }), { numRuns: 20 });
    }
  });

  it("reports exactly the length error for a TrainingJobName over 63 characters that still fits the pattern", () => {
    const tooLong = fc
      .tuple(fc.stringMatching(/^[a-zA-Z0-9]{2,63}$/), fc.integer({ min: 62, max: 400 }))
      .map(([s, hyphens]) => `${s.charAt(0)}${"-".repeat(hyphens)}${s.slice(1)}`);
    fc.assert(fc.property(tooLong, (name) => {
      const error = thrown("DescribeTrainingJob", { TrainingJobName: name }) as ServiceError;
      expect([error.code, error.message]).toEqual([
        "ValidationException",
        `1 validation error detected: Value '${name}' at 'trainingJobName' failed to satisfy constraint: ` +
          "Member must have length less than or equal to 63",
      ]);
    }));
  });

  it("reports the length error first for any TrainingJobName over 63 characters, then the pattern if it fails", () => {
    const pattern = javaRegExp(shapeOf("TrainingJobName").pattern ?? "");
    fc.assert(fc.property(fc.string({ minLength: 64, maxLength: 300 }), (name) => {
      const error = thrown("DescribeTrainingJob", { TrainingJobName: name }) as ServiceError;
      const count = pattern.test(name) ? 1 : 2;
      expect(error.message.startsWith(`${count} validation error${count === 1 ? "" : "s"} detected: Value '${name}' at ` +
        "'trainingJobName' failed to satisfy constraint: Member must have length less than or equal to 63")).toBe(true);
    }));
  });

  it("throws nothing but a ServiceError (Serialization or Validation) on arbitrary JSON", () => {
    const ops = fc.constantFrom(...knownOperations());
    const memberwise = ops.chain((op) => {
      const names = Object.keys(shapeOf(operations[op]).members ?? {});
      return fc.tuple(fc.constant(op), fc.dictionary(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 })));
    });
    const inputs = fc.oneof(fc.tuple(ops, fc.jsonValue()), memberwise);
    fc.assert(fc.property(inputs, ([op, input]) => {
      const error = thrown(op, input);
      if (error === undefined) return;
      expect(error).toBeInstanceOf(ServiceError);
      const { code, message } = error as ServiceError;
      expect(["SerializationException", "ValidationException"]).toContain(code);
      if (code === "ValidationException") {
        const count = Number(/^(\d+) validation (?:error|errors) detected: Value /.exec(message)?.[1]);
        expect(message.startsWith(`${count} validation ${count === 1 ? "error" : "errors"} detected: `)).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
