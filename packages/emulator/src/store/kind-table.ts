import type { Tag } from "@aws-sdk/client-sagemaker";
import { compareKeys, walkSorted, type Cursor, type ListingSource, type Placed } from "./cursor.js";
import { SortedList } from "./sorted-list.js";

/** What every stored resource has: the name it was created with, its ARN and its tags. */
export interface StoredRecord {
  readonly name: string;
  readonly arn: string;
  tags: Tag[];
}

/** What a table must know of its rows' lives to index them; status and change times are derived. */
export interface RowLife<R> {
  /** When the resource was created (epoch ms); never changes. */
  created(row: R): number;
  /** Its status at `now`, for kinds that have one (StatusEquals, SortBy Status). */
  status?(row: R, now: number): string;
  /**
   * The first time after `now` at which the row needs the store's attention: its status changes,
   * it launches children, it goes. Undefined once nothing more will happen on its own.
   */
  nextChange?(row: R, now: number): number | undefined;
}

interface Entry<R> {
  row: R;
  readonly created: number;
  readonly seq: number;
  status: string | undefined;
  /** Bumped on every write, so scheduled checks made for an older version are skipped. */
  version: number;
}

/** Called by a table when a row will need attention at `at`. */
export type Scheduler = (table: KindTable<StoredRecord>, name: string, version: number, at: number) => void;

const byCreation = <R>(a: Entry<R>, b: Entry<R>): number => a.created - b.created || a.seq - b.seq;

/**
 * One kind's resources, keyed by name case-insensitively (SageMaker treats `MyJob` and `myjob` as
 * the same name for uniqueness while keeping the case the caller gave: [DOC] CreateEndpoint "The
 * name is case-insensitive"), with the orderings List* pages walk: by creation, by name and, for
 * kinds with a status, one creation-ordered bucket per status. Statuses are derived from the
 * clock, so the table re-files a row when its status changes; the store tells it when (each row
 * schedules its next change), and the work is proportional to what changed, not to the table.
 */
export class KindTable<R extends StoredRecord> {
  readonly #life: RowLife<R>;
  readonly #schedule: Scheduler;
  readonly #nextSeq: () => number;
  readonly #rows = new Map<string, Entry<R>>();
  readonly #byCreation = new SortedList<Entry<R>>(byCreation);
  // Names sort as given, in binary order ([INF]: the real order is undocumented).
  readonly #byName = new SortedList<Entry<R>>((a, b) => compareKeys(a.row.name, b.row.name) || byCreation(a, b));
  readonly #byStatus = new Map<string, SortedList<Entry<R>>>();

  constructor(life: RowLife<R>, schedule: Scheduler, nextSeq: () => number) {
    this.#life = life;
    this.#schedule = schedule;
    this.#nextSeq = nextSeq;
  }

  get(name: string): R | undefined {
    return this.#rows.get(name.toLowerCase())?.row;
  }

  has(name: string): boolean {
    return this.#rows.has(name.toLowerCase());
  }

  get size(): number {
    return this.#rows.size;
  }

  /** Rows in creation order. */
  values(): R[] {
    const out: R[] = [];
    for (let i = 0; i < this.#byCreation.length; i++) out.push(this.#byCreation.at(i)!.row);
    return out;
  }

  /**
   * Adds a row, or replaces it after an event (keeping its place in creation order), filed under
   * its status at `now`. The caller has already answered a duplicate with the kind's own error.
   */
  put(row: R, now: number): void {
    const key = row.name.toLowerCase();
    const existing = this.#rows.get(key);
    if (existing) {
      existing.row = row;
      existing.version++;
      this.#file(existing, now);
      return;
    }
    const entry: Entry<R> = { row, created: this.#life.created(row), seq: this.#nextSeq(), status: undefined, version: 0 };
    this.#rows.set(key, entry);
    this.#byCreation.insert(entry);
    this.#byName.insert(entry);
    this.#file(entry, now);
  }

  delete(name: string): boolean {
    const key = name.toLowerCase();
    const entry = this.#rows.get(key);
    if (!entry) return false;
    this.#rows.delete(key);
    this.#byCreation.remove(entry);
    this.#byName.remove(entry);
    if (entry.status !== undefined) this.#byStatus.get(entry.status)?.remove(entry);
    entry.version++;
    return true;
  }

  clear(): void {
    for (const entry of this.#rows.values()) entry.version++;
    this.#rows.clear();
    this.#byCreation.clear();
    this.#byName.clear();
    this.#byStatus.clear();
  }

  /** The row a scheduled check was made for, if it has not changed since (else the check is stale). */
  scheduled(name: string, version: number): R | undefined {
    const entry = this.#rows.get(name.toLowerCase());
    return entry && entry.version === version ? entry.row : undefined;
  }

  /** The row's current version, for a check asked for from outside (Store.wake). */
  versionOf(name: string): number | undefined {
    return this.#rows.get(name.toLowerCase())?.version;
  }

  /**
   * Re-files a row under its status at `now` and schedules its next change; checks asked for
   * before this one are now stale (one pending check per row).
   */
  refresh(name: string, now: number): void {
    const entry = this.#rows.get(name.toLowerCase());
    if (!entry) return;
    entry.version++;
    this.#file(entry, now);
  }

  /**
   * The rows in a listing order: "Name", "CreationTime" or (for kinds with a status) "Status".
   * With `statusEquals` and the creation order, only that status's bucket is walked.
   */
  readonly source: ListingSource<R> = (sortBy, descending, after, statusEquals) => {
    if (sortBy === "Status" && this.#life.status) return this.#walkStatuses(descending, after);
    if (sortBy === "Name") return walkSorted(this.#byName, (e) => this.#place(e, e.row.name), descending, after);
    const bucket = statusEquals !== undefined && this.#life.status ? this.#byStatus.get(statusEquals) : undefined;
    if (statusEquals !== undefined && this.#life.status && !bucket) return [];
    return walkSorted(bucket ?? this.#byCreation, (e) => this.#place(e, e.created), descending, after);
  };

  /** The sort keys {@link source} answers. */
  get sortKeys(): readonly string[] {
    return this.#life.status ? ["CreationTime", "Name", "Status"] : ["CreationTime", "Name"];
  }

  *#walkStatuses(descending: boolean, after: Cursor | undefined): Generator<Placed<R>> {
    const statuses = [...this.#byStatus.keys()].sort(compareKeys);
    if (descending) statuses.reverse();
    for (const status of statuses) {
      const bucket = this.#byStatus.get(status)!;
      if (after !== undefined && (descending ? status > (after.key as string) : status < (after.key as string))) continue;
      yield* walkSorted(bucket, (e) => this.#place(e, status), descending, after);
    }
  }

  #place(entry: Entry<R>, key: string | number): Placed<R> {
    return { row: entry.row, cursor: { key, created: entry.created, seq: entry.seq, name: entry.row.name } };
  }

  #file(entry: Entry<R>, now: number): void {
    const status = this.#life.status?.(entry.row, now);
    if (status !== entry.status) {
      if (entry.status !== undefined) this.#byStatus.get(entry.status)?.remove(entry);
      if (status !== undefined) {
        let bucket = this.#byStatus.get(status);
        if (!bucket) {
          bucket = new SortedList<Entry<R>>(byCreation);
          this.#byStatus.set(status, bucket);
        }
        bucket.insert(entry);
      }
      entry.status = status;
    }
    const next = this.#life.nextChange?.(entry.row, now);
    if (next !== undefined) this.#schedule(this as unknown as KindTable<StoredRecord>, entry.row.name, entry.version, next);
  }
}
