import { validationError } from "../errors.js";
import { creationSequence } from "./resource-table.js";
import { epochMsFromWire } from "./timestamps.js";

/** The filter, sort and paging members shared by SageMaker's List* requests (botocore model). */
export interface ListRequest {
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
  CreationTimeAfter?: Date | number | string | undefined;
  CreationTimeBefore?: Date | number | string | undefined;
  LastModifiedTimeAfter?: Date | number | string | undefined;
  LastModifiedTimeBefore?: Date | number | string | undefined;
  NameContains?: string | undefined;
  StatusEquals?: string | undefined;
  SortBy?: string | undefined;
  SortOrder?: string | undefined;
}

export interface ListSpec<R> {
  readonly name: (row: R) => string;
  readonly creationTime: (row: R) => number;
  readonly lastModifiedTime?: (row: R) => number;
  readonly status?: (row: R) => string;
  /** Sort keys by their SortBy value ("Name", "CreationTime", "Status", …). */
  readonly sortKeys: Readonly<Record<string, (row: R) => string | number | undefined>>;
  /** Per-operation defaults, which really do differ (sagemaker-semantics.md §6). */
  readonly defaultSortBy: string;
  readonly defaultSortOrder: "Ascending" | "Descending";
  /**
   * ListTrainingJobs documents that with StatusEquals and MaxResults "the MaxResults number of
   * training jobs are first retrieved ignoring the StatusEquals parameter and then they are
   * filtered": a page may hold fewer items than asked, even none, and still carry a NextToken.
   */
  readonly statusFilterAfterPage?: boolean;
}

/** MaxResults when the caller gives none: documented as 10 where documented at all (§6). */
export const DEFAULT_MAX_RESULTS = 10;

/**
 * One page of a List* answer. The NextToken is opaque: base64 of the last item's sort key and
 * name (a cursor, not an offset, so items created or deleted between pages neither repeat nor
 * go missing) plus a fingerprint of the query; it is absent on the last page and refused when
 * reused with a different query.
 */
export function listPage<R>(rows: readonly R[], request: ListRequest, spec: ListSpec<R>): { items: R[]; nextToken?: string } {
  const fingerprint = queryFingerprint(request);
  const after = request.NextToken === undefined ? undefined : decodeToken(request.NextToken, fingerprint);
  const pageSize = request.MaxResults ?? DEFAULT_MAX_RESULTS;
  // The documented quirk needs both members set ("When StatusEquals and MaxResults are set at
  // the same time"); otherwise status filters like every other filter.
  const statusLater = spec.statusFilterAfterPage === true && request.MaxResults !== undefined;

  const order = orderOf(request, spec);
  const filtered = rows.filter((row) => matches(row, request, spec, !statusLater));
  const sorted = filtered
    .map((row) => ({ row, cursor: { key: order.key(row) ?? null, created: spec.creationTime(row), seq: creationSequence(row) ?? 0, name: spec.name(row) } }))
    .sort((a, b) => order.compare(a.cursor, b.cursor));
  const start = after === undefined ? 0 : sorted.findIndex((entry) => order.compare(entry.cursor, after) > 0);
  const page = start < 0 ? [] : sorted.slice(start, start + pageSize);
  const items = page.map((entry) => entry.row).filter((row) => !statusLater || matchesStatus(row, request, spec));
  const last = page[page.length - 1];
  const more = start >= 0 && start + page.length < sorted.length;
  return more && last ? { items, nextToken: encodeToken(last.cursor, fingerprint) } : { items };
}

/** Where a row sits in the listing order: its sort key; ties keep creation order. */
interface Cursor {
  readonly key: string | number | null;
  readonly created: number;
  /** Creation order among resources created at the same instant. */
  readonly seq: number;
  readonly name: string;
}

function orderOf<R>(request: ListRequest, spec: ListSpec<R>) {
  const key = spec.sortKeys[request.SortBy ?? spec.defaultSortBy] ?? spec.sortKeys[spec.defaultSortBy]!;
  const sign = (request.SortOrder ?? spec.defaultSortOrder) === "Descending" ? -1 : 1;
  return {
    key,
    compare: (a: Cursor, b: Cursor): number =>
      sign * (compare(a.key, b.key) || compare(a.created, b.created) || compare(a.seq, b.seq) || compare(a.name, b.name)),
  };
}

function matches<R>(row: R, request: ListRequest, spec: ListSpec<R>, includeStatus: boolean): boolean {
  const created = spec.creationTime(row);
  const createdAfter = epochMsFromWire(request.CreationTimeAfter);
  const createdBefore = epochMsFromWire(request.CreationTimeBefore);
  // [INF] >= for *After, < for *Before (Models/EndpointConfigs/Endpoints document ">=", §6).
  if (createdAfter !== undefined && created < createdAfter) return false;
  if (createdBefore !== undefined && created >= createdBefore) return false;
  if (spec.lastModifiedTime) {
    const modified = spec.lastModifiedTime(row);
    const modifiedAfter = epochMsFromWire(request.LastModifiedTimeAfter);
    const modifiedBefore = epochMsFromWire(request.LastModifiedTimeBefore);
    if (modifiedAfter !== undefined && modified < modifiedAfter) return false;
    if (modifiedBefore !== undefined && modified >= modifiedBefore) return false;
  }
  if (request.NameContains !== undefined && !spec.name(row).toLowerCase().includes(request.NameContains.toLowerCase())) {
    return false;
  }
  return !includeStatus || matchesStatus(row, request, spec);
}

function matchesStatus<R>(row: R, request: ListRequest, spec: ListSpec<R>): boolean {
  return request.StatusEquals === undefined || spec.status?.(row) === request.StatusEquals;
}

/** Binary order; a missing key sorts after every present one. */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function queryFingerprint(request: ListRequest): string {
  const { NextToken: _token, MaxResults: _max, ...query } = request;
  return JSON.stringify(Object.entries(query).filter(([, v]) => v !== undefined).sort());
}

function encodeToken(cursor: Cursor, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ k: cursor.key, c: cursor.created, s: cursor.seq, n: cursor.name, q: fingerprint })).toString("base64");
}

function decodeToken(token: string, fingerprint: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { k?: unknown; c?: unknown; s?: unknown; n?: unknown; q?: unknown };
    const keyOk = parsed.k === null || typeof parsed.k === "string" || typeof parsed.k === "number";
    if (keyOk && typeof parsed.c === "number" && typeof parsed.s === "number" && typeof parsed.n === "string" && parsed.q === fingerprint) {
      return { key: parsed.k as Cursor["key"], created: parsed.c, seq: parsed.s, name: parsed.n };
    }
  } catch {
    // fall through: not a token we issued
  }
  // [INF] the real text is not documented; sagemaker-semantics.md §6 suggests this one.
  throw validationError("Invalid pagination token");
}
