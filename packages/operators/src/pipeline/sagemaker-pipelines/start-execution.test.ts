import { describe, expect, it } from "vitest";
import { executionToken, parameterValues } from "./start-execution.js";

describe(executionToken.name, () => {
  it("is 64 hex digits (a ClientRequestToken is 32 to 128 characters), the same for the same run and different for another", async () => {
    const token = await executionToken("iris", "r1");
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(await executionToken("iris", "r1")).toBe(token);
    expect(await executionToken("iris", "r2")).not.toBe(token);
    expect(await executionToken("iris-r", "1")).not.toBe(await executionToken("iris", "r-1"));
  });
});

describe(parameterValues.name, () => {
  const run = {
    runId: "r1",
    logicalDate: Date.parse("2026-01-01T00:00:00Z"),
    results: new Map<string, unknown>([["upload", { prefix: "iris/r1", rows: 120, shape: { x: [1, 2] }, big: "x".repeat(1025) }]]),
  };

  it("gives each parameter its value as a String: the run id, the logical date, a member of a result (JSON for an object)", () => {
    expect(
      parameterValues(
        [
          { name: "RunId", source: { kind: "runId" } },
          { name: "LogicalDate", source: { kind: "logicalDate" } },
          { name: "upload-prefix", source: { kind: "result", stepId: "upload", path: ["prefix"] } },
          { name: "upload-rows", source: { kind: "result", stepId: "upload", path: ["rows"] } },
          { name: "upload-shape", source: { kind: "result", stepId: "upload", path: ["shape"] } },
        ],
        run,
      ),
    ).toEqual([
      { Name: "RunId", Value: "r1" },
      { Name: "LogicalDate", Value: "2026-01-01T00:00:00.000Z" },
      { Name: "upload-prefix", Value: "iris/r1" },
      { Name: "upload-rows", Value: "120" },
      { Name: "upload-shape", Value: '{"x":[1,2]}' },
    ]);
  });

  it("refuses a member that is missing, and one longer than a parameter value may be (1024)", () => {
    expect(() =>
      parameterValues([{ name: "upload-nope", source: { kind: "result", stepId: "upload", path: ["nope", "deeper"] } }], run),
    ).toThrow(
      "Parameter 'upload-nope' of the execution has no value: results.upload.nope.deeper is [undefined]. Please make the step's result hold it.",
    );
    expect(() => parameterValues([{ name: "upload-big", source: { kind: "result", stepId: "upload", path: ["big"] } }], run)).toThrow(
      /^Parameter 'upload-big' of the execution is 1025 characters long \(results\.upload\.big\), and a SageMaker Pipelines parameter value holds at most 1024/,
    );
  });
});
