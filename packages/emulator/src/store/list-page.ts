import { validationError } from "../errors.js";
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
 * One page of a List* answer. The NextToken is opaque (base64 of the offset and a fingerprint
 * of the query), absent on the last page, and refused when reused with a different query.
 */
export function listPage<R>(rows: readonly R[], request: ListRequest, spec: ListSpec<R>): { items: R[]; nextToken?: string } {
  const fingerprint = queryFingerprint(request);
  const offset = request.NextToken === undefined ? 0 : decodeToken(request.NextToken, fingerprint);
  const pageSize = request.MaxResults ?? DEFAULT_MAX_RESULTS;

  const filtered = rows.filter((row) => matches(row, request, spec, !spec.statusFilterAfterPage));
  const sorted = sortRows(filtered, request, spec);
  const page = sorted.slice(offset, offset + pageSize);
  const items = spec.statusFilterAfterPage ? page.filter((row) => matchesStatus(row, request, spec)) : page;
  const end = offset + page.length;
  return end < sorted.length ? { items, nextToken: encodeToken(end, fingerprint) } : { items };
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

function sortRows<R>(rows: R[], request: ListRequest, spec: ListSpec<R>): R[] {
  const key = spec.sortKeys[request.SortBy ?? spec.defaultSortBy] ?? spec.sortKeys[spec.defaultSortBy]!;
  const sign = (request.SortOrder ?? spec.defaultSortOrder) === "Descending" ? -1 : 1;
  // Decorate with the creation index so equal keys keep a stable order across pages.
  return rows
    .map((row, index) => ({ row, index, key: key(row) }))
    .sort((a, b) => sign * (compare(a.key, b.key) || a.index - b.index))
    .map((entry) => entry.row);
}

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

function queryFingerprint(request: ListRequest): string {
  const { NextToken: _token, MaxResults: _max, ...query } = request;
  return JSON.stringify(Object.entries(query).filter(([, v]) => v !== undefined).sort());
}

function encodeToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: fingerprint })).toString("base64");
}

function decodeToken(token: string, fingerprint: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === fingerprint) {
      return parsed.o;
    }
  } catch {
    // fall through: not a token we issued
  }
  // [INF] the real text is not documented; sagemaker-semantics.md §6 suggests this one.
  throw validationError("Invalid pagination token");
}
