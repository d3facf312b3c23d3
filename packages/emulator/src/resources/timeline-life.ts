import { nextChangeAfter, pointAt, type Timeline } from "../lifecycle/timeline.js";
import type { RowLife } from "../store/kind-table.js";

/**
 * How a kind whose life is a timeline is filed: its status at `now`, re-filed when the status (or
 * whatever `changeKey` reads, e.g. an endpoint that goes) next changes; LastModifiedTime is the
 * time of the current point.
 */
export function timelineLife<R, S extends { readonly status: string }>(
  timelineOf: (row: R) => Timeline<S>,
  created: (row: R) => number,
  changeKey: (state: S) => unknown = (state) => state.status,
): Required<RowLife<R>> & { lastModified(row: R, now: number): number } {
  return {
    created,
    status: (row, now) => pointAt(timelineOf(row), now).state.status,
    nextChange: (row, now) => nextChangeAfter(timelineOf(row), now, changeKey),
    lastModified: (row, now) => pointAt(timelineOf(row), now).at,
  };
}

/**
 * `life`, also asking for the store's attention at `dueAt(row)` when that comes before the next
 * status change: the moment a job's container runs, which is not a status change of its own.
 */
export function alsoDueAt<R, L extends Required<RowLife<R>>>(life: L, dueAt: (row: R) => number | undefined): L {
  return {
    ...life,
    nextChange(row: R, now: number) {
      const next = life.nextChange(row, now);
      const due = dueAt(row);
      return due === undefined || due <= now || (next !== undefined && next < due) ? next : due;
    },
  };
}
