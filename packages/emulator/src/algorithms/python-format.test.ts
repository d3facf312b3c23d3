import { describe, expect, it } from "vitest";
import { pyFloat, pyInt, pyJson, pyStringDict } from "./python-format.js";

describe("pyFloat", () => {
  it.each([
    [2, "2.0"],
    [0, "0.0"],
    [-0, "-0.0"],
    [0.96, "0.96"],
    [1 / 3, "0.3333333333333333"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [1.5e-7, "1.5e-07"],
    [1e16, "1e+16"],
    [123456789012345.6, "123456789012345.6"],
    [Number.NaN, "nan"],
    [Number.POSITIVE_INFINITY, "inf"],
  ])("prints %d as Python's repr does (%s)", (x, text) => {
    expect(pyFloat(x)).toBe(text);
  });
});

describe("pyJson", () => {
  it("prints json.dumps text: floats with .0, integers bare, Python's separators", () => {
    expect(
      pyJson({
        predictions: [
          { predicted_label: 2, labels: [1, 0.5] },
          { score: 0.4, predicted_label: pyInt(0) },
        ],
      }),
    ).toBe('{"predictions": [{"predicted_label": 2.0, "labels": [1.0, 0.5]}, {"score": 0.4, "predicted_label": 0}]}');
  });
});

describe("pyStringDict", () => {
  it("prints a dict of strings as Python's repr", () => {
    expect(pyStringDict({ k: "5", "it's": "a\\b" })).toBe("{'k': '5', 'it\\'s': 'a\\\\b'}");
  });
});
