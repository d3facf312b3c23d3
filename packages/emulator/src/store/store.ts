import { parseArn } from "../arn.js";
import { DueHeap } from "./due-heap.js";
import { KindTable, type RowLife, type StoredRecord } from "./kind-table.js";

/** What the store needs to know of a kind to hold its table. */
export interface TableSpec<R extends StoredRecord> {
  /** The ARN's resource-type segment ("training-job"): how ListTags/AddTags find a resource. */
  readonly arnType: string;
  readonly life: RowLife<R>;
}

interface Check {
  readonly spec: TableSpec<StoredRecord>;
  readonly table: KindTable<StoredRecord>;
  readonly name: string;
  readonly version: number;
}

/**
 * Every resource the emulator holds: one table per kind, created from the kinds' own
 * declarations, and one heap of the times at which some row's life changes (a status, a child
 * launch, an endpoint that goes), so catching up with the clock touches only those rows.
 */
export class Store {
  readonly #tables = new Map<TableSpec<StoredRecord>, KindTable<StoredRecord>>();
  readonly #byArnType = new Map<string, { spec: TableSpec<StoredRecord>; table: KindTable<StoredRecord> }>();
  readonly #due = new DueHeap<Check>();
  #seq = 0;

  constructor(specs: readonly TableSpec<StoredRecord>[]) {
    for (const spec of specs) {
      const schedule = (table: KindTable<StoredRecord>, name: string, version: number, at: number): void =>
        this.#due.push(at, { spec, table, name, version });
      const table = new KindTable(spec.life, schedule, () => this.#seq++);
      this.#tables.set(spec, table);
      this.#byArnType.set(spec.arnType, { spec, table });
    }
  }

  table<R extends StoredRecord>(spec: TableSpec<R>): KindTable<R> {
    const table = this.#tables.get(spec as unknown as TableSpec<StoredRecord>);
    if (!table) throw new Error(`The store holds no table for ${spec.arnType}.`);
    return table as unknown as KindTable<R>;
  }

  /** The stored resource an ARN names (names compare case-insensitively), whatever its kind. */
  findByArn(arn: string): StoredRecord | undefined {
    const parsed = parseArn(arn);
    return parsed ? this.#byArnType.get(parsed.type)?.table.get(parsed.name) : undefined;
  }

  /** Asks for the resource an ARN names to be looked at again at `at` (see {@link advance}). */
  wake(arn: string, at: number): void {
    const parsed = parseArn(arn);
    const held = parsed && this.#byArnType.get(parsed.type);
    const version = held?.table.versionOf(parsed!.name);
    if (held && version !== undefined) this.#due.push(at, { ...held, name: parsed!.name, version });
  }

  /**
   * Hands every row whose change time has come by `now` to `visit` with that time, earliest first,
   * then re-files it under its status at that time, which schedules its next change: each change
   * is handled at its own instant, however far the clock moved unobserved (decision 0006). A row
   * `visit` changes reschedules itself; checks made for an older version of a row are dropped.
   */
  advance(now: number, visit: (spec: TableSpec<StoredRecord>, row: StoredRecord, at: number) => void): void {
    for (let next = this.#due.peek(); next && next.at <= now; next = this.#due.peek()) {
      const { at, item } = this.#due.pop()!;
      const { spec, table, name, version } = item;
      const row = table.scheduled(name, version);
      if (row === undefined) continue;
      visit(spec, row, at);
      // `visit` may have replaced or removed the row; re-file whatever is there at `at`, so its
      // next change (perhaps still before `now`) is handled in turn, at its own time.
      if (table.scheduled(name, version) !== undefined) table.refresh(name, at);
    }
  }

  /** When the next scheduled change happens, if any (stale checks are dropped on the way). */
  nextChange(): number | undefined {
    for (let next = this.#due.peek(); next; next = this.#due.peek()) {
      if (next.item.table.scheduled(next.item.name, next.item.version) !== undefined) return next.at;
      this.#due.pop();
    }
    return undefined;
  }

  clear(): void {
    for (const table of this.#tables.values()) table.clear();
    this.#due.clear();
  }
}
