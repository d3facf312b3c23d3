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
