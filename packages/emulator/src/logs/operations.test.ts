import { describe, expect, it } from "vitest";
import { ServiceError } from "../errors.js";
import { termMatcher } from "./operations.js";

describe("CloudWatch Logs term filter patterns", () => {
  const matching = (pattern: string, messages: string[]) => messages.filter(termMatcher(pattern));
  const messages = ["ERROR disk full", "WARN disk slow", "INFO epoch 1 loss 0.5", "error lower case"];

  it("matches every event for an empty pattern, and needs every plain term (case-sensitive)", () => {
    expect(matching("", messages)).toEqual(messages);
    expect(matching("disk ERROR", messages)).toEqual(["ERROR disk full"]);
    expect(matching("ERROR", messages)).toEqual(["ERROR disk full"]);
  });

  it("takes a quoted phrase as written, ?terms as alternatives and -terms as exclusions", () => {
    expect(matching('"loss 0.5"', messages)).toEqual(["INFO epoch 1 loss 0.5"]);
    expect(matching('"1 0.5"', messages)).toEqual([]);
    expect(matching("?ERROR ?WARN", messages)).toEqual(["ERROR disk full", "WARN disk slow"]);
    expect(matching("disk -full", messages)).toEqual(["WARN disk slow"]);
  });

  it("refuses JSON and space-delimited patterns, which the emulator does not match, saying so", () => {
    for (const pattern of ['{ $.level = "ERROR" }', "[ip, user, ...]"]) {
      expect(() => termMatcher(pattern)).toThrow(ServiceError);
      expect(() => termMatcher(pattern)).toThrow(/matches term filter patterns only/);
    }
  });
});
