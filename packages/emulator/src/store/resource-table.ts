/**
 * Resources keyed by name, case-insensitively: SageMaker treats `MyJob` and `myjob` as the same
 * name for uniqueness (sagemaker-semantics.md §3, "The name is case-insensitive in CreateEndpoint")
 * while keeping the case the caller gave.
 */
export class ResourceTable<T> {
  readonly #rows = new Map<string, T>();

  get(name: string): T | undefined {
    return this.#rows.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.#rows.has(name.toLowerCase());
  }

  /** Adds a row; the caller has already answered a duplicate with the resource's own error. */
  set(name: string, row: T): void {
    this.#rows.set(name.toLowerCase(), row);
  }

  delete(name: string): boolean {
    return this.#rows.delete(name.toLowerCase());
  }

  /** Rows in creation order. */
  values(): T[] {
    return [...this.#rows.values()];
  }

  clear(): void {
    this.#rows.clear();
  }

  get size(): number {
    return this.#rows.size;
  }
}
