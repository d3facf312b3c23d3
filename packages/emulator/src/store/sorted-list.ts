/**
 * An array kept sorted by `compare`, with binary search: the listing indexes of a table. Inserts
 * and removals move the tail (a memmove, microseconds at 100,000 rows); finding where a page
 * starts is O(log n), so a List* page costs O(page + log n) however many rows the table holds.
 */
export class SortedList<T> {
  readonly #items: T[] = [];
  readonly #compare: (a: T, b: T) => number;

  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  /** A list of `items` sorted once (for small arrays listed on the fly). */
  static of<T>(items: readonly T[], compare: (a: T, b: T) => number): SortedList<T> {
    const list = new SortedList(compare);
    list.#items.push(...items);
    list.#items.sort(compare);
    return list;
  }

  get length(): number {
    return this.#items.length;
  }

  at(index: number): T | undefined {
    return this.#items[index];
  }

  insert(item: T): void {
    this.#items.splice(
      this.#firstAbove((probe) => this.#compare(probe, item)),
      0,
      item,
    );
  }

  /** Removes this very item (found by its order, then identity); false if it is not here. */
  remove(item: T): boolean {
    for (let i = this.#firstAbove((probe) => (this.#compare(probe, item) < 0 ? -1 : 1)); i < this.#items.length; i++) {
      if (this.#items[i] === item) {
        this.#items.splice(i, 1);
        return true;
      }
      if (this.#compare(this.#items[i]!, item) > 0) break;
    }
    return false;
  }

  /**
   * The index of the first item that `position` places after the sought point: `position(item)`
   * is negative for items before it, positive for items after it, 0 for items at it (which count
   * as before).
   */
  firstAfter(position: (item: T) => number): number {
    return this.#firstAbove(position);
  }

  clear(): void {
    this.#items.length = 0;
  }

  #firstAbove(position: (item: T) => number): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (position(this.#items[mid]!) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
