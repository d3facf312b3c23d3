import { describe, expect, it } from "vitest";
import { resolveBackend } from "./backend-flag.js";

describe("resolveBackend", () => {
  it("defaults to the real service", () => {
    expect(resolveBackend(undefined, {})).toBe("aws");
    expect(resolveBackend(undefined, { SAGERUN_BACKEND: "" })).toBe("aws");
  });

  it("reads SAGERUN_BACKEND, case-insensitively", () => {
    expect(resolveBackend(undefined, { SAGERUN_BACKEND: "emulator" })).toBe("emulator");
    expect(resolveBackend(undefined, { SAGERUN_BACKEND: " AWS " })).toBe("aws");
  });

  it("reads the option by the same rule: case and surrounding spaces do not matter, spelling does", () => {
    expect(resolveBackend(" Emulator ", {})).toBe("emulator");
    expect(resolveBackend("AWS", {})).toBe("aws");
    expect(() => resolveBackend("emu", {})).toThrow(
      "Unknown sagerun backend 'emu' in the backend option. Please use one of: aws, emulator.",
    );
  });

  it("lets the option win over the environment", () => {
    expect(resolveBackend("aws", { SAGERUN_BACKEND: "emulator" })).toBe("aws");
    expect(resolveBackend("emulator", { SAGERUN_BACKEND: "aws" })).toBe("emulator");
  });

  it("throws on a typo instead of silently calling AWS", () => {
    expect(() => resolveBackend(undefined, { SAGERUN_BACKEND: "emulater" })).toThrow(
      "Unknown sagerun backend 'emulater' in SAGERUN_BACKEND. Please use one of: aws, emulator.",
    );
    expect(() => resolveBackend("local", {})).toThrow(/in the backend option/);
  });
});
