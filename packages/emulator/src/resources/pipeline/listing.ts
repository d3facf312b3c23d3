import { arraySource } from "../../store/cursor.js";
import { listPage } from "../../store/list-page.js";
import { epochMsFromWire } from "../../store/timestamps.js";

/** The members ListPipelines, ListPipelineExecutions and ListPipelineVersions share (botocore model): CreatedAfter/CreatedBefore, not CreationTime*. */
interface CreatedWindowRequest {
  CreatedAfter?: Date | number | string | undefined;
  CreatedBefore?: Date | number | string | undefined;
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
  SortBy?: string | undefined;
  SortOrder?: string | undefined;
}

/** How one of those operations picks and names its rows. */
interface CreatedWindowListing<R> {
  /** The SortBy value other than CreationTime ("Name", "PipelineExecutionArn"); the row's value for it is also its tie-break name. */
  readonly nameKey: string;
  readonly name: (row: R) => string;
  /** Orders rows created at the same instant (a version's id). @default none */
  readonly seq?: (row: R) => number;
  /** The operation's own filter (a name prefix, one pipeline's executions). */
  readonly keep: (row: R) => boolean;
  /** The operation's own query members, which a NextToken is tied to along with the window. */
  readonly query: Readonly<Record<string, unknown>>;
}

/**
 * One page of rows created strictly between CreatedAfter and CreatedBefore, sorted by CreationTime
 * (the default, newest first) or by `nameKey`. [DOC] ListPipelines: SortBy "The default is
 * CreatedTime"; ListPipelineExecutions: SortBy CreationTime | PipelineExecutionArn; [INF] both
 * newest first by default.
 */
export function listCreatedWithin<R extends { readonly createdAt: number }>(
  rows: readonly R[],
  input: CreatedWindowRequest,
  listing: CreatedWindowListing<R>,
): { items: R[]; nextToken?: string } {
  const after = epochMsFromWire(input.CreatedAfter);
  const before = epochMsFromWire(input.CreatedBefore);
  const kept = rows.filter(
    (r) => listing.keep(r) && (after === undefined || r.createdAt > after) && (before === undefined || r.createdAt < before),
  );
  const source = arraySource(kept, (r, sortBy) => ({
    key: sortBy === listing.nameKey ? listing.name(r) : r.createdAt,
    created: r.createdAt,
    seq: listing.seq?.(r) ?? 0,
    name: listing.name(r),
  }));
  return listPage(
    source,
    { NextToken: input.NextToken, MaxResults: input.MaxResults, SortBy: input.SortBy, SortOrder: input.SortOrder },
    {
      name: listing.name,
      created: (r) => r.createdAt,
      sortKeys: [listing.nameKey, "CreationTime"],
      defaultSortBy: "CreationTime",
      defaultSortOrder: "Descending",
    },
    { ...listing.query, CreatedAfter: after, CreatedBefore: before },
  );
}
