import { describe, expect, it } from "vitest";
import { definePipeline } from "./define-pipeline.js";
import { step } from "./step.js";

const noop = (): void => undefined;

describe(definePipeline.name, () => {
  it("refuses a cycle, naming its steps in dependency order", () => {
    const a = step({ id: "a", dependsOn: ["c"], run: noop });
    const b = step({ id: "b", dependsOn: [a], run: noop });
    const c = step({ id: "c", dependsOn: [b], run: noop });
    const free = step({ id: "free", run: noop });
    expect(() => definePipeline({ name: "loop", steps: [free, a, b, c] })).toThrow(
      new TypeError(
        "Failed to define pipeline 'loop': its steps depend on each other in a cycle (a → c → b → a), so none of them could ever start. Please remove one of these dependencies.",
      ),
    );
  });

  it("refuses a step that depends on itself", () => {
    const a = step({ id: "a", dependsOn: ["a"], run: noop });
    expect(() => definePipeline({ name: "p", steps: [a] })).toThrow(/in a cycle \(a → a\)/);
  });

  it("refuses dependencies on steps that are not in the pipeline, naming every one", () => {
    const outside = step({ id: "outside", run: noop });
    const b = step({ id: "b", dependsOn: [outside, "typo"], run: noop });
    const c = step({ id: "c", dependsOn: ["nope"], run: noop });
    expect(() => definePipeline({ name: "p", steps: [b, c] })).toThrow(
      new TypeError(
        "Failed to define pipeline 'p': dependencies name no step of the pipeline (b → outside, b → typo, c → nope). Please add the missing steps to steps, or fix the ids.",
      ),
    );
  });

  it("refuses two steps with one id, an empty pipeline and names SageMaker would refuse", () => {
    const a = step({ id: "a", run: noop });
    expect(() => definePipeline({ name: "p", steps: [a, step({ id: "a", run: noop })] })).toThrow(/two steps have the id 'a'/);
    expect(() => definePipeline({ name: "p", steps: [] })).toThrow(/steps must be a non-empty array/);
    expect(() => definePipeline({ name: "-p", steps: [a] })).toThrow(/^Failed to define a pipeline: its name \[-p\]/);
    expect(() => step({ id: "has space", run: noop })).toThrow(/^Failed to define a step: its id \[has space\]/);
    expect(() => step({ id: "x".repeat(65), run: noop })).toThrow(/SageMaker Pipelines step name/);
  });

  it("accepts dependencies on steps listed later and keeps the steps as plain data", () => {
    const late = step({ id: "late", dependsOn: ["early"], run: noop });
    const early = step({ id: "early", run: noop });
    const pipeline = definePipeline({ name: "p", steps: [late, early] });
    expect(pipeline.steps.map(({ id, dependsOn }) => ({ id, dependsOn }))).toEqual([
      { id: "late", dependsOn: ["early"] },
      { id: "early", dependsOn: [] },
    ]);
    expect(Object.isFrozen(pipeline) && Object.isFrozen(pipeline.steps) && Object.isFrozen(late.dependsOn)).toBe(true);
  });
});
