import { describe, expect, it } from "vitest";
import { deriveName, stepRunTag } from "./job-name.js";

const VALID = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

describe(deriveName.name, () => {
  it("joins the parts with - when SageMaker accepts the result as it is", () => {
    expect(deriveName(["nightly", "2026-01-01", "train"])).toBe("nightly-2026-01-01-train");
  });

  it("turns characters SageMaker refuses into - and adds a hash of the parts, so different runs never share a name", () => {
    expect(deriveName(["nightly", "manual__2026-01-01T00:00:00+00:00", "train"])).toBe(
      "nightly-manual-2026-01-01T00-00-00-00-00-train-9028796f",
    );
    expect(deriveName(["nightly", "2026-01-01", "train_model"])).toBe("nightly-2026-01-01-train-model-44de5520");
    expect(deriveName(["nightly", "2026-01-01", "train-model"])).toBe("nightly-2026-01-01-train-model");
  });

  it("cuts a name longer than 63 characters and keeps it unique with the hash", () => {
    const a = deriveName(["p".repeat(60), "run-1", "train"]);
    const b = deriveName(["p".repeat(60), "run-2", "train"]);
    expect(a).toMatch(VALID);
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(deriveName(["p".repeat(60), "run-1", "train"])).toBe(a); // deterministic
  });

  it("never ends a cut name with -", () => {
    const name = deriveName([`${"p".repeat(53)}-`, "x", "y"]);
    expect(name).toMatch(VALID);
  });
});

describe(stepRunTag.name, () => {
  it("is <pipeline>/<run id>/<step id>, cut with a hash past the 256 characters of a tag value", () => {
    expect(stepRunTag("nightly", "2026-01-01", "train")).toBe("nightly/2026-01-01/train");
    const long = stepRunTag("p".repeat(256), "r", "s");
    expect(long).toHaveLength(256);
    expect(long).not.toBe(stepRunTag("p".repeat(256), "r", "t"));
  });
});
