/**
 * A list kept sorted by `compare`: the listing indexes of a table. The items live in chunks of at
 * most {@link MAX_CHUNK}, so an insert or a removal moves at most one chunk's tail, never the
 * whole list: one array moved 100,000 pointers on each status change of a job, which made
 * CreateTrainingJob five times slower at 100,000 jobs than at 10,000 (`pnpm bench`, scale).
 * Finding where a page starts is a binary search over the chunks, then within one, so a List*
 * page costs O(page + log n) however many rows the table holds; walking by index is O(1) a step.
 */
export class SortedList<T> {
  /** Sorted, none empty; every item of a chunk sorts at or before every item of the next. */
  readonly #chunks: T[][] = [];
  readonly #compare: (a: T, b: T) => number;
  #length = 0;
  /** The chunk {@link at} read last and the index of its first item: a walk finds the next at once. */
  #cached = { chunk: 0, start: 0 };

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  /** A list of `items` sorted once (for small arrays listed on the fly). */
  static of<T>(items: readonly T[], compare: (a: T, b: T) => number): SortedList<T> {
    const list = new SortedList(compare);
    const sorted = [...items].sort(compare);
    for (let i = 0; i < sorted.length; i += MAX_CHUNK) list.#chunks.push(sorted.slice(i, i + MAX_CHUNK));
    list.#length = sorted.length;
    return list;
  }

  get length(): number {
    return this.#length;
  }

  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.#length)) return undefined;
    let { chunk, start } = this.#cached;
    while (index < start) start -= this.#chunks[--chunk]!.length;
    while (index >= start + this.#chunks[chunk]!.length) start += this.#chunks[chunk++]!.length;
    this.#cached = { chunk, start };
    return this.#chunks[chunk]![index - start];
  }

  insert(item: T): void {
    this.#cached = { chunk: 0, start: 0 };
    this.#length++;
    const position = (probe: T) => this.#compare(probe, item);
    if (this.#chunks.length === 0) return void this.#chunks.push([item]);
    // The first chunk whose last item sorts after `item`, or the last chunk (an append).
    const c = Math.min(this.#firstChunkAbove(position), this.#chunks.length - 1);
    const chunk = this.#chunks[c]!;
    chunk.splice(firstAbove(chunk, position), 0, item);
    if (chunk.length > MAX_CHUNK) this.#chunks.splice(c + 1, 0, chunk.splice(MAX_CHUNK / 2));
  }

  /** Removes this very item (found by its order, then identity); false if it is not here. */
  remove(item: T): boolean {
    const before = (probe: T) => (this.#compare(probe, item) < 0 ? -1 : 1);
    for (let c = this.#firstChunkAbove(before); c < this.#chunks.length; c++) {
      const chunk = this.#chunks[c]!;
      for (let i = firstAbove(chunk, before); i < chunk.length; i++) {
        if (chunk[i] === item) {
          chunk.splice(i, 1);
          if (chunk.length === 0) this.#chunks.splice(c, 1);
          this.#length--;
          this.#cached = { chunk: 0, start: 0 };
          return true;
        }
        if (this.#compare(chunk[i]!, item) > 0) return false;
      }
    }
    return false;
  }

  /**
   * The index of the first item that `position` places after the sought point: `position(item)`
   * is negative for items before it, positive for items after it, 0 for items at it (which count
   * as before).
   */
  firstAfter(position: (item: T) => number): number {
    const c = this.#firstChunkAbove(position);
    let index = 0;
    for (let k = 0; k < c; k++) index += this.#chunks[k]!.length;
    return c === this.#chunks.length ? index : index + firstAbove(this.#chunks[c]!, position);
  }

  clear(): void {
    this.#chunks.length = 0;
    this.#length = 0;
    this.#cached = { chunk: 0, start: 0 };
  }

  /** The first chunk whose last item `position` places after the sought point; the chunk count if none. */
  #firstChunkAbove(position: (item: T) => number): number {
    let lo = 0;
    let hi = this.#chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.#chunks[mid]!;
      if (position(chunk[chunk.length - 1]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A chunk splits in two halves past this size: a move costs at most this many pointers. */
const MAX_CHUNK = 512;

/** The index of the first item of `items` that `position` places after the sought point. */
function firstAbove<T>(items: readonly T[], position: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (position(items[mid]!) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
