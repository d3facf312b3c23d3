import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { operations } from "../src/validation/model.generated.js";
import { isModelOperation } from "../src/validation/validate.js";

describe("the emulator's operation table", () => {
  it("implements only operations of the SageMaker model, so every one it answers is validated against the generated botocore tables", () => {
    const implemented = createEmulator({ requireInputData: false }).operations;
    expect(implemented.length).toBeGreaterThan(30);
    expect(implemented.filter((op) => !isModelOperation(op))).toEqual([]);
    for (const op of implemented) expect(Object.hasOwn(operations, op), op).toBe(true);
  });
});
