import { validationError } from "../errors.js";
import type { Cursor, ListingSource } from "./cursor.js";
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

/** How one List* operation reads its rows. */
export interface ListSpec<R> {
  readonly name: (row: R) => string;
  readonly created: (row: R) => number;
  readonly lastModified?: ((row: R) => number) | undefined;
  readonly status?: ((row: R) => string) | undefined;
  /** The SortBy values the source answers; others fall back to the default. */
  readonly sortKeys: readonly string[];
  /** Per-operation defaults, which really do differ (docs/fidelity.md, listing). */
  readonly defaultSortBy: string;
  readonly defaultSortOrder: "Ascending" | "Descending";
  /**
   * ListTrainingJobs documents that with StatusEquals and MaxResults "the MaxResults number of
   * training jobs are first retrieved ignoring the StatusEquals parameter and then they are
   * filtered": a page may hold fewer items than asked, even none, and still carry a NextToken.
   */
  readonly statusFilterAfterPage?: boolean | undefined;
}

/** MaxResults when the caller gives none: documented as 10 where documented at all. */
const DEFAULT_MAX_RESULTS = 10;

/** The members a NextToken is tied to: reusing it with another query is refused. */
const QUERY_MEMBERS = [
  "CreationTimeAfter",
  "CreationTimeBefore",
  "LastModifiedTimeAfter",
  "LastModifiedTimeBefore",
  "NameContains",
  "StatusEquals",
  "SortBy",
  "SortOrder",
] as const;

/**
 * One page of a List* answer, walked from the source's ordering: O(page + log n) for a plain
 * listing; filters that no index answers (NameContains, time ranges) cost the rows they skip.
 * The NextToken is opaque: base64 of the last item's cursor plus a fingerprint of the query; it
 * is absent on the last page and refused when reused with a different query.
 */
export function listPage<R>(
  source: ListingSource<R>,
  request: ListRequest,
  spec: ListSpec<R>,
  extra: Readonly<Record<string, unknown>> = {},
): { items: R[]; nextToken?: string } {
  const fingerprint = queryFingerprint(request, extra);
  const after = request.NextToken === undefined ? undefined : decodeToken(request.NextToken, fingerprint);
  const pageSize = request.MaxResults ?? DEFAULT_MAX_RESULTS;
  // The documented quirk needs both members set ("When StatusEquals and MaxResults are set at
  // the same time"); otherwise status filters like every other filter.
  const statusLater = spec.statusFilterAfterPage === true && request.MaxResults !== undefined;
  const sortBy = request.SortBy !== undefined && spec.sortKeys.includes(request.SortBy) ? request.SortBy : spec.defaultSortBy;
  const descending = (request.SortOrder ?? spec.defaultSortOrder) === "Descending";
  const filter = rowFilter(request, spec);
  const statusMatches = (row: R): boolean => request.StatusEquals === undefined || spec.status?.(row) === request.StatusEquals;

  const page: { row: R; cursor: Cursor }[] = [];
  let more = false;
  for (const placed of source(sortBy, descending, after, statusLater ? undefined : request.StatusEquals)) {
    if (!filter(placed.row) || (!statusLater && !statusMatches(placed.row))) continue;
    if (page.length === pageSize) {
      more = true;
      break;
    }
    page.push(placed);
  }
  const items = page.map((p) => p.row).filter((row) => !statusLater || statusMatches(row));
  const last = page[page.length - 1];
  return more && last ? { items, nextToken: encodeToken(last.cursor, fingerprint) } : { items };
}

function rowFilter<R>(request: ListRequest, spec: ListSpec<R>): (row: R) => boolean {
  const createdAfter = epochMsFromWire(request.CreationTimeAfter);
  const createdBefore = epochMsFromWire(request.CreationTimeBefore);
  const modifiedAfter = epochMsFromWire(request.LastModifiedTimeAfter);
  const modifiedBefore = epochMsFromWire(request.LastModifiedTimeBefore);
  const needle = request.NameContains?.toLowerCase();
  return (row) => {
    const created = spec.created(row);
    // [INF] >= for *After, < for *Before (ListModels, ListEndpointConfigs and ListEndpoints document ">=").
    if (createdAfter !== undefined && created < createdAfter) return false;
    if (createdBefore !== undefined && created >= createdBefore) return false;
    if (spec.lastModified && (modifiedAfter !== undefined || modifiedBefore !== undefined)) {
      const modified = spec.lastModified(row);
      if (modifiedAfter !== undefined && modified < modifiedAfter) return false;
      if (modifiedBefore !== undefined && modified >= modifiedBefore) return false;
    }
    return needle === undefined || spec.name(row).toLowerCase().includes(needle);
  };
}

/** Built from the known query members only, so its size is bounded by the model's limits. */
function queryFingerprint(request: ListRequest, extra: Readonly<Record<string, unknown>>): string {
  const query: unknown[] = [];
  for (const member of QUERY_MEMBERS) {
    const value = request[member];
    if (value !== undefined) query.push([member, value instanceof Date ? value.getTime() : value]);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) query.push([key, value]);
  return JSON.stringify(query);
}

function encodeToken(cursor: Cursor, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ k: cursor.key, c: cursor.created, s: cursor.seq, n: cursor.name, q: fingerprint })).toString(
    "base64",
  );
}

function decodeToken(token: string, fingerprint: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as {
      k?: unknown;
      c?: unknown;
      s?: unknown;
      n?: unknown;
      q?: unknown;
    };
    const keyOk = parsed.k === null || typeof parsed.k === "string" || typeof parsed.k === "number";
    if (keyOk && typeof parsed.c === "number" && typeof parsed.s === "number" && typeof parsed.n === "string" && parsed.q === fingerprint) {
      return { key: parsed.k as Cursor["key"], created: parsed.c, seq: parsed.s, name: parsed.n };
    }
  } catch {
    // fall through: not a token we issued
  }
  // [INF] the real text is not documented.
  throw validationError("Invalid pagination token");
}
