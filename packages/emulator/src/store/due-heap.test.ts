import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DueHeap } from "./due-heap.js";

describe("DueHeap", () => {
  it("property: pops every check once, earliest first, ties in the order they were pushed", () => {
    const ops = fc.array(fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 20 }) }), fc.constant({ pop: true as const })), {
      maxLength: 200,
    });
    fc.assert(
      fc.property(ops, (steps) => {
        const heap = new DueHeap<number>();
        const reference: { at: number; id: number }[] = [];
        let id = 0;
        for (const step of steps) {
          if ("push" in step) {
            heap.push(step.push, id);
            reference.push({ at: step.push, id: id++ });
            continue;
          }
          reference.sort((a, b) => a.at - b.at || a.id - b.id);
          const expected = reference.shift();
          const popped = heap.pop();
          expect(popped && { at: popped.at, id: popped.item }).toEqual(expected);
          expect(heap.size).toBe(reference.length);
        }
        reference.sort((a, b) => a.at - b.at || a.id - b.id);
        for (const expected of reference) expect(heap.pop()?.item).toBe(expected.id);
        expect(heap.pop()).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
