import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ServiceError } from "../../src/errors.js";
import { evaluateConditions } from "../../src/resources/pipeline/definition/conditions.js";
import { isoDurationMs } from "../../src/resources/pipeline/definition/duration.js";
import { evaluate, type ExpressionScope } from "../../src/resources/pipeline/definition/expressions.js";
import { parseDefinition } from "../../src/resources/pipeline/definition/parse.js";
import { definition } from "./harness.js";

const step = (name: string, dependsOn: string[]) => ({
  Name: name,
  Type: "Fail",
  Arguments: {},
  ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
});

/** Edges only from later steps to earlier ones: always acyclic. */
const dagArb = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { maxLength: i }).map((d) => (i === 0 ? [] : d)),
      ),
    ),
  );

describe("parseDefinition", () => {
  it("accepts any acyclic DependsOn graph, each step waiting for exactly what it depends on", () => {
    fc.assert(
      fc.property(dagArb, (deps) => {
        const parsed = parseDefinition(
          definition(
            deps.map((d, i) =>
              step(
                `S${i}`,
                d.map((j) => `S${j}`),
              ),
            ),
          ),
        );
        expect(parsed.steps.map((s) => [...s.waitsFor].sort())).toEqual(deps.map((d) => d.map((j) => `S${j}`).sort()));
      }),
    );
  });

  it("refuses a graph with a back edge, naming a cycle made of real edges", () => {
    fc.assert(
      fc.property(
        dagArb.chain((deps) =>
          fc.tuple(fc.constant(deps), fc.integer({ min: 0, max: deps.length - 1 }), fc.integer({ min: 0, max: deps.length - 1 })),
        ),
        ([deps, a, b]) => {
          // Make a path from the later step `hi` down to `lo`, then an edge back from `lo` to `hi`.
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const edges = deps.map((d) => [...d]);
          if (lo === hi) edges[lo]!.push(lo);
          else {
            if (!edges[hi]!.includes(lo)) edges[hi]!.push(lo);
            edges[lo]!.push(hi);
          }
          let message = "";
          try {
            parseDefinition(
              definition(
                edges.map((d, i) =>
                  step(
                    `S${i}`,
                    d.map((j) => `S${j}`),
                  ),
                ),
              ),
            );
          } catch (error) {
            expect(error).toBeInstanceOf(ServiceError);
            message = (error as ServiceError).message;
          }
          if (lo === hi) {
            expect(message).toBe(`Step 'S${lo}' refers to itself.`);
            return;
          }
          const cycle = /^Pipeline definition has a cycle: (.*)\.$/.exec(message)?.[1]?.split(" -> ");
          expect(cycle, message).toBeDefined();
          expect(cycle![0]).toBe(cycle!.at(-1));
          for (let k = 0; k + 1 < cycle!.length; k++) {
            const from = Number(cycle![k]!.slice(1));
            const to = Number(cycle![k + 1]!.slice(1));
            expect(edges[from]).toContain(to);
          }
        },
      ),
    );
  });
});

const scope = (steps: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}): ExpressionScope => ({
  parameter: (name) => parameters[name],
  execution: (name) => `exec:${name}`,
  step: (name) => steps[name],
  propertyFile: () => undefined,
  jsonAt: () => undefined,
});

describe("expressions", () => {
  it("select list elements by index and by their name member, and join values as text", () => {
    const properties = {
      FinalMetricDataList: [
        { MetricName: "train:loss", Value: 0.3 },
        { MetricName: "test:accuracy", Value: 0.97 },
      ],
      ProcessingOutputConfig: { Outputs: [{ OutputName: "train", S3Output: { S3Uri: "s3://b/train" } }] },
    };
    const s = scope({ T: properties }, { Flag: false, N: 3 });
    expect(evaluate({ Get: "Steps.T.FinalMetricDataList['test:accuracy'].Value" }, s)).toBe(0.97);
    expect(evaluate({ Get: "Steps.T.FinalMetricDataList[0].MetricName" }, s)).toBe("train:loss");
    expect(evaluate({ Get: "Steps.T.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" }, s)).toBe("s3://b/train");
    expect(
      evaluate(
        { "Std:Join": { On: "/", Values: [{ Get: "Parameters.N" }, { Get: "Parameters.Flag" }, { Get: "Execution.PipelineName" }] } },
        s,
      ),
    ).toBe("3/false/exec:PipelineName");
    // Literals come through unchanged, nested expressions evaluated in place.
    expect(evaluate({ A: [1, { Get: "Parameters.N" }], B: { C: "x" } }, s)).toEqual({ A: [1, 3], B: { C: "x" } });
  });

  it("compare numbers as numbers and combine conditions as the SDK writes them", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const s = scope({}, { A: a, B: b });
        const cmp = (Type: string) =>
          evaluateConditions([{ Type, LeftValue: { Get: "Parameters.A" }, RightValue: { Get: "Parameters.B" } }], s);
        expect(cmp("GreaterThan")).toBe(a > b);
        expect(cmp("GreaterThanOrEqualTo")).toBe(a >= b);
        expect(cmp("LessThan")).toBe(a < b);
        expect(cmp("LessThanOrEqualTo")).toBe(a <= b);
        expect(cmp("Equals")).toBe(a === b);
        const gt = { Type: "GreaterThan", LeftValue: a, RightValue: b };
        const lt = { Type: "LessThan", LeftValue: a, RightValue: b };
        expect(evaluateConditions([{ Type: "Not", Condition: gt }], s)).toBe(!(a > b));
        expect(evaluateConditions([{ Type: "Or", Conditions: [gt, lt] }], s)).toBe(a !== b);
        expect(evaluateConditions([gt, lt], s)).toBe(false);
        expect(evaluateConditions([{ Type: "In", QueryValue: a, Values: [b, a] }], s)).toBe(true);
      }),
    );
  });
});

describe("isoDurationMs", () => {
  it("reads the developer guide's examples and refuses what is not a duration", () => {
    expect(isoDurationMs("PT1H")).toBe(3_600_000);
    expect(isoDurationMs("P30D")).toBe(30 * 86_400_000);
    expect(isoDurationMs("T16m")).toBe(16 * 60_000);
    expect(isoDurationMs("P1DT2H3M4S")).toBe(86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4000);
    for (const bad of ["", "P", "PT", "1H", "one hour", "P1H"]) expect(isoDurationMs(bad), bad).toBeUndefined();
  });
});
