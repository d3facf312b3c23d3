/** A check a table asked for: look at one row again at `at`. */
export interface DueCheck<T> {
  readonly at: number;
  readonly seq: number;
  readonly item: T;
}

/**
 * A binary min-heap of checks by time (ties in the order they were asked for). The store keeps
 * one for every table, so bringing the emulator up to `now` costs O(k log n) for the k rows
 * whose lives changed, never a pass over every row.
 */
export class DueHeap<T> {
  readonly #heap: DueCheck<T>[] = [];
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(at: number, item: T): void {
    const heap = this.#heap;
    heap.push({ at, seq: this.#seq++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  peek(): DueCheck<T> | undefined {
    return this.#heap[0];
  }

  pop(): DueCheck<T> | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }

  clear(): void {
    this.#heap.length = 0;
  }
}

function before<T>(a: DueCheck<T>, b: DueCheck<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
