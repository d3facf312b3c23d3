import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { knownOperations } from "../src/validation/validate.js";

describe("the emulator's operation table", () => {
  it("validates every operation it implements against the generated botocore tables, and implements every one generated", () => {
    expect(createEmulator().operations).toEqual([...knownOperations()].sort());
  });
});
