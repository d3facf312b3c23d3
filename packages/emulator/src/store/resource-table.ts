/**
 * Resources keyed by name, case-insensitively: SageMaker treats `MyJob` and `myjob` as the same
 * name for uniqueness (sagemaker-semantics.md §3, "The name is case-insensitive in CreateEndpoint")
 * while keeping the case the caller gave.
 */
export class ResourceTable<T> {
  readonly #rows = new Map<string, T>();
  readonly #created = new Map<string, number>();

  get(name: string): T | undefined {
    return this.#rows.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.#rows.has(name.toLowerCase());
  }

  /**
   * Adds a row, or replaces it after an event (keeping its place in creation order); the caller
   * has already answered a duplicate with the resource's own error.
   */
  set(name: string, row: T): void {
    const key = name.toLowerCase();
    if (!this.#created.has(key)) this.#created.set(key, nextCreation++);
    this.#rows.set(key, row);
    if (typeof row === "object" && row !== null) creationOrder.set(row, this.#created.get(key)!);
  }

  delete(name: string): boolean {
    this.#created.delete(name.toLowerCase());
    return this.#rows.delete(name.toLowerCase());
  }

  /** Rows in creation order. */
  values(): T[] {
    return [...this.#rows.values()];
  }

  clear(): void {
    this.#rows.clear();
    this.#created.clear();
  }

  get size(): number {
    return this.#rows.size;
  }
}

let nextCreation = 0;
const creationOrder = new WeakMap<object, number>();

/**
 * The order in which a stored row's resource was created, across every table: listings break
 * ties on it, since resources created at the same virtual instant still came one after another.
 */
export function creationSequence(row: unknown): number | undefined {
  return typeof row === "object" && row !== null ? creationOrder.get(row) : undefined;
}
