import { SortedList } from "./sorted-list.js";

/**
 * Where a row sits in a listing order: its sort key, then creation time, then creation order
 * (resources created at the same virtual instant still came one after another), then name. A
 * NextToken carries the last returned row's cursor, so pages continue after it even if rows are
 * created or deleted in between.
 */
export interface Cursor {
  readonly key: string | number | null;
  readonly created: number;
  readonly seq: number;
  readonly name: string;
}

/** Ascending cursor order; keys compare in binary order and a missing key sorts after every present one. */
export function compareCursors(a: Cursor, b: Cursor): number {
  return compareKeys(a.key, b.key) || compareKeys(a.created, b.created) || compareKeys(a.seq, b.seq) || compareKeys(a.name, b.name);
}

/** Binary order of sort keys (names compare as given, in code-unit order); a missing key sorts after every present one. */
export function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** A row with its cursor in the order being listed. */
export interface Placed<R> {
  readonly row: R;
  readonly cursor: Cursor;
}

/**
 * Rows in one listing order, from just after `after` (or the start), ascending or descending.
 * `statusEquals` is a hint a source may use to skip rows (a table walks its status bucket); the
 * listing still checks every row it receives.
 */
export type ListingSource<R> = (
  sortBy: string,
  descending: boolean,
  after: Cursor | undefined,
  statusEquals?: string,
) => Iterable<Placed<R>>;

/** Walks `list` (in ascending cursor order) from just after `after`, in either direction. */
export function* walkSorted<T, R>(
  list: SortedList<T>,
  place: (item: T) => Placed<R>,
  descending: boolean,
  after: Cursor | undefined,
): Generator<Placed<R>> {
  if (!descending) {
    const start = after === undefined ? 0 : list.firstAfter((item) => compareCursors(place(item).cursor, after));
    for (let i = start; i < list.length; i++) yield place(list.at(i)!);
  } else {
    // Walking down from the last item strictly before the cursor.
    const end = after === undefined ? list.length : list.firstAfter((item) => (compareCursors(place(item).cursor, after) < 0 ? -1 : 1));
    for (let i = end - 1; i >= 0; i--) yield place(list.at(i)!);
  }
}

/** A source over a small array (tags, a tuning job's children), sorted on each call. */
export function arraySource<R>(rows: readonly R[], cursorOf: (row: R, sortBy: string) => Cursor): ListingSource<R> {
  return (sortBy, descending, after) => {
    const placed = SortedList.of(
      rows.map((row) => ({ row, cursor: cursorOf(row, sortBy) })),
      (a, b) => compareCursors(a.cursor, b.cursor),
    );
    return walkSorted(placed, (p) => p, descending, after);
  };
}
