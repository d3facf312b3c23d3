import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../errors.js";
import { createEmulator } from "../index.js";
import { shapeOf, valid } from "../../test/fixtures/valid-input.js";
import { javaRegExp } from "./java-regex.js";
import { operations } from "./model.generated.js";
import { modelOperations, validateInput } from "./validate.js";

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
    fc.assert(
      fc.property(valid(operations.CreateTrainingJob ?? ""), (input) => {
        expect(thrown("CreateTrainingJob", input)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it("accepts any input built from the constraints, for every operation the emulator implements", () => {
    // The generator of valid inputs (test/fixtures/valid-input.ts) is too slow for some of the
    // model's other operations (their patterns defeat fast-check's stringMatching).
    for (const op of createEmulator({ requireInputData: false }).operations) {
      fc.assert(
        fc.property(valid(operations[op] ?? ""), (input) => {
          expect(thrown(op, input), op).toBeUndefined();
        }),
        { numRuns: 20 },
      );
    }
  });

  it("property: the result holds exactly the model's members of the input, at every depth, without nulls, and shares no object with it", () => {
    for (const op of createEmulator({ requireInputData: false }).operations) {
      const noise = fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 8 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(null))), {
        maxLength: 4,
      });
      fc.assert(
        fc.property(valid(operations[op] ?? ""), noise, (built, extras) => {
          // Unknown members and nulls, dropped into the request's objects at random.
          const input = structuredClone(built) as Record<string, unknown>;
          const objects = objectsIn(input);
          for (const [at, key, value] of extras) objects[at % objects.length]![key] = value;
          let copy: Record<string, unknown>;
          try {
            copy = validateInput(op, input);
          } catch (e) {
            expect(e, op).toBeInstanceOf(ServiceError); // e.g. noise that landed in a map
            return;
          }
          expect(copy, op).toEqual(modelMembers(operations[op] ?? "", input));
          const inputObjects = new Set<unknown>(objectsIn(input));
          for (const o of objectsIn(copy)) expect(inputObjects.has(o), op).toBe(false);
          expect(
            objectsIn(copy).some((o) => Object.values(o).includes(null)),
            op,
          ).toBe(false);
        }),
        { numRuns: 20 },
      );
    }
  });

  it("reports exactly the length error for a TrainingJobName over 63 characters that still fits the pattern", () => {
    const tooLong = fc
      .tuple(fc.stringMatching(/^[a-zA-Z0-9]{2,63}$/), fc.integer({ min: 62, max: 400 }))
      .map(([s, hyphens]) => `${s.charAt(0)}${"-".repeat(hyphens)}${s.slice(1)}`);
    fc.assert(
      fc.property(tooLong, (name) => {
        const error = thrown("DescribeTrainingJob", { TrainingJobName: name }) as ServiceError;
        expect([error.code, error.message]).toEqual([
          "ValidationException",
          `1 validation error detected: Value '${name}' at 'trainingJobName' failed to satisfy constraint: ` +
            "Member must have length less than or equal to 63",
        ]);
      }),
    );
  });

  it("reports the length error first for any TrainingJobName over 63 characters, then the pattern if it fails", () => {
    const pattern = javaRegExp(shapeOf("TrainingJobName").pattern ?? "");
    fc.assert(
      fc.property(fc.string({ minLength: 64, maxLength: 300 }), (name) => {
        const error = thrown("DescribeTrainingJob", { TrainingJobName: name }) as ServiceError;
        const count = pattern.test(name) ? 1 : 2;
        expect(
          error.message.startsWith(
            `${count} validation error${count === 1 ? "" : "s"} detected: Value '${name}' at ` +
              "'trainingJobName' failed to satisfy constraint: Member must have length less than or equal to 63",
          ),
        ).toBe(true);
      }),
    );
  });

  it("throws nothing but a ServiceError (Serialization or Validation) on arbitrary JSON", () => {
    const ops = fc.constantFrom(...modelOperations());
    const memberwise = ops.chain((op) => {
      const names = Object.keys(shapeOf(operations[op]).members ?? {});
      const body =
        names.length === 0
          ? fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }))
          : fc.dictionary(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 }));
      return fc.tuple(fc.constant(op), body);
    });
    const inputs = fc.oneof(fc.tuple(ops, fc.jsonValue()), memberwise);
    fc.assert(
      fc.property(inputs, ([op, input]) => {
        const error = thrown(op, input);
        if (error === undefined) return;
        expect(error).toBeInstanceOf(ServiceError);
        const { code, message } = error as ServiceError;
        expect(["SerializationException", "ValidationException"]).toContain(code);
        if (code === "ValidationException") {
          const count = Number(/^(\d+) validation (?:error|errors) detected: Value /.exec(message)?.[1]);
          expect(message.startsWith(`${count} validation ${count === 1 ? "error" : "errors"} detected: `)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Every object and array in a JSON value (the values here are shallow enough to recurse). */
function objectsIn(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (typeof value !== "object" || value === null) return out;
  out.push(value as Record<string, unknown>);
  for (const v of Object.values(value)) objectsIn(v, out);
  return out;
}

/** An independent statement of what validation keeps: the model's members, without nulls. */
function modelMembers(shapeName: string, value: unknown): unknown {
  const shape = shapeOf(shapeName);
  if (shape.type === "structure") {
    const members = shape.members ?? {};
    const object = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(object)
        .filter((k) => Object.hasOwn(members, k) && object[k] !== null && object[k] !== undefined)
        .map((k) => [k, modelMembers(members[k]!, object[k])]),
    );
  }
  if (shape.type === "list") return (value as unknown[]).map((v) => modelMembers(shape.member!, v));
  if (shape.type === "map") {
    const map = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(map).map((k) => [k, modelMembers(shape.value!, map[k])]));
  }
  return value;
}
