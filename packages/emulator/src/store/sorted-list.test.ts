import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedList } from "./sorted-list.js";

/** Items compare by key only: equal keys are the ties a table's indexes hold (same name, same status). */
interface Item {
  readonly key: number;
  readonly id: number;
}
const byKey = (a: Item, b: Item) => a.key - b.key;

/** What the list must equal: one array, sorted on every insert, ties in insertion order. */
function referenceInsert(reference: Item[], item: Item): void {
  const at = reference.findIndex((other) => other.key > item.key);
  reference.splice(at === -1 ? reference.length : at, 0, item);
}

const step = fc.oneof(
  // Runs of inserts, so the list passes the chunk size (512) and chunks split.
  { weight: 3, arbitrary: fc.record({ insert: fc.integer({ min: 0, max: 30 }), times: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ removeAt: fc.nat(), times: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ removeAbsent: fc.integer({ min: -1, max: 31 }) }) },
);

describe("SortedList", () => {
  it("property: equals a sorted array through inserts and removals of tied items, by index, by search and by walks both ways", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.array(fc.integer({ min: -1, max: 31 }), { maxLength: 5 }), (steps, probes) => {
        const list = new SortedList<Item>(byKey);
        const reference: Item[] = [];
        let id = 0;
        for (const s of steps) {
          if ("insert" in s) {
            for (let t = 0; t < s.times; t++) {
              const item = { key: (s.insert + t * 7) % 31, id: id++ };
              list.insert(item);
              referenceInsert(reference, item);
            }
          } else if ("removeAt" in s) {
            for (let t = 0; t < s.times && reference.length > 0; t++) {
              const [item] = reference.splice((s.removeAt + t * 13) % reference.length, 1);
              expect(list.remove(item!)).toBe(true);
            }
          } else {
            // An item equal to stored ones but not one of them is not removed.
            expect(list.remove({ key: s.removeAbsent, id: -1 })).toBe(false);
          }
          expect(list.length).toBe(reference.length);
          // Reads between writes: a walk's cached position must not outlive a write.
          const middle = reference.length >> 1;
          expect(list.at(middle)).toBe(reference[middle]);
        }
        const forward = Array.from({ length: list.length }, (_, i) => list.at(i));
        expect(forward).toEqual(reference);
        const backward = Array.from({ length: list.length }, (_, i) => list.at(list.length - 1 - i));
        expect(backward).toEqual([...reference].reverse());
        expect(list.at(-1)).toBeUndefined();
        expect(list.at(list.length)).toBeUndefined();
        for (const key of probes) {
          const expected = reference.findIndex((item) => item.key > key);
          expect(list.firstAfter((item) => item.key - key)).toBe(expected === -1 ? reference.length : expected);
          expect(list.at(list.firstAfter((item) => item.key - key))).toBe(expected === -1 ? undefined : reference[expected]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("of: sorts the items once, keeping ties in their given order, across chunks", () => {
    const items = Array.from({ length: 1_300 }, (_, id) => ({ key: (id * 17) % 5, id }));
    const list = SortedList.of(items, byKey);
    const expected = [...items].sort((a, b) => a.key - b.key || a.id - b.id);
    expect(Array.from({ length: list.length }, (_, i) => list.at(i))).toEqual(expected);
    list.clear();
    expect(list.length).toBe(0);
    expect(list.at(0)).toBeUndefined();
  });
});
