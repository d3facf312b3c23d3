import { listPage, type ListRequest } from "../../store/list-page.js";
import type { SimpleJobRecord } from "./record.js";
import { viewSimpleJob, type SimpleJobView } from "./view.js";

export interface ListedJob<R> {
  readonly record: R;
  readonly view: SimpleJobView;
}

/**
 * One page of ListProcessingJobs / ListTransformJobs: the filters (CreationTime*, LastModifiedTime*,
 * NameContains, StatusEquals) apply before paging; SortBy Name|CreationTime|Status, default
 * CreationTime; the default order differs per operation ([DOC] Ascending for processing,
 * Descending for transform, sagemaker-semantics.md §6).
 */
export function listSimpleJobs<R extends SimpleJobRecord<unknown>>(
  rows: readonly R[],
  request: ListRequest,
  now: number,
  defaultSortOrder: "Ascending" | "Descending",
): { items: ListedJob<R>[]; nextToken: string | undefined } {
  const views = new Map(rows.map((r) => [r, viewSimpleJob(r.timeline, now)]));
  const view = (r: R): SimpleJobView => views.get(r)!;
  const { items, nextToken } = listPage(rows, request, {
    name: (r) => r.name,
    creationTime: (r) => r.plan.createdAt,
    lastModifiedTime: (r) => view(r).lastModifiedTime.getTime(),
    status: (r) => view(r).status,
    sortKeys: { Name: (r) => r.name, CreationTime: (r) => r.plan.createdAt, Status: (r) => view(r).status },
    defaultSortBy: "CreationTime",
    defaultSortOrder,
  });
  return { items: items.map((record) => ({ record, view: view(record) })), nextToken };
}
