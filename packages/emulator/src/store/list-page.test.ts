import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCursors, type Cursor } from "./cursor.js";
import { KindTable, type StoredRecord } from "./kind-table.js";
import { listPage, type ListRequest, type ListSpec } from "./list-page.js";

interface Row extends StoredRecord {
  readonly created: number;
  readonly status: string;
}

function tableOf(rows: readonly Row[]): KindTable<Row> {
  let seq = 0;
  const table = new KindTable<Row>(
    { created: (r) => r.created, status: (r) => r.status },
    () => {},
    () => seq++,
  );
  for (const row of rows) table.put(row, 0);
  return table;
}

const spec = (table: KindTable<Row>, overrides: Partial<ListSpec<Row>> = {}): ListSpec<Row> => ({
  name: (r) => r.name,
  created: (r) => r.created,
  lastModified: (r) => r.created + 1,
  status: (r) => r.status,
  sortKeys: table.sortKeys,
  defaultSortBy: "CreationTime",
  defaultSortOrder: "Ascending",
  ...overrides,
});

/** Every page, following NextTokens to the end. */
function allPages(table: KindTable<Row>, request: ListRequest, listSpec: ListSpec<Row>): Row[][] {
  const pages: Row[][] = [];
  let token: string | undefined;
  do {
    const page = listPage(table.source, { ...request, NextToken: token }, listSpec);
    pages.push(page.items);
    token = page.nextToken;
  } while (token !== undefined && pages.length < 1_000);
  return pages;
}

const row = (name: string, created: number, status = "InProgress"): Row => ({ name, arn: `arn:${name}`, tags: [], created, status });

describe("listPage over a table's indexes", () => {
  it("pages in creation order by default, with a NextToken only when more rows follow", () => {
    const table = tableOf([row("c", 3), row("a", 1), row("b", 2)]);
    const first = listPage(table.source, { MaxResults: 2 }, spec(table));
    expect(first.items.map((r) => r.name)).toEqual(["a", "b"]);
    const second = listPage(table.source, { MaxResults: 2, NextToken: first.nextToken }, spec(table));
    expect(second.items.map((r) => r.name)).toEqual(["c"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("gives no NextToken when the page ends exactly at the last row", () => {
    const table = tableOf([row("a", 1), row("b", 2)]);
    expect(listPage(table.source, { MaxResults: 2 }, spec(table)).nextToken).toBeUndefined();
  });

  it("refuses a token reused with a different query, and one it never issued", () => {
    const table = tableOf([row("a", 1), row("b", 2), row("c", 3)]);
    const { nextToken } = listPage(table.source, { MaxResults: 1 }, spec(table));
    expect(() => listPage(table.source, { MaxResults: 1, NextToken: nextToken, NameContains: "b" }, spec(table))).toThrow(
      "Invalid pagination token",
    );
    expect(() => listPage(table.source, { NextToken: "not-a-token" }, spec(table))).toThrow("Invalid pagination token");
  });

  it("walks only the StatusEquals bucket, in creation order", () => {
    const table = tableOf([row("a", 1, "Completed"), row("b", 2), row("c", 3, "Completed")]);
    expect(listPage(table.source, { StatusEquals: "Completed" }, spec(table)).items.map((r) => r.name)).toEqual(["a", "c"]);
    expect(listPage(table.source, { StatusEquals: "Stopped" }, spec(table)).items).toEqual([]);
  });

  it("filters StatusEquals after the page when the spec says so and MaxResults is set (ListTrainingJobs)", () => {
    const table = tableOf([row("a", 1), row("b", 2, "Completed"), row("c", 3, "Completed")]);
    const page = listPage(table.source, { StatusEquals: "Completed", MaxResults: 1 }, spec(table, { statusFilterAfterPage: true }));
    expect(page.items).toEqual([]);
    expect(page.nextToken).toBeDefined();
  });

  it("re-files a row under its new status when it is put again", () => {
    const table = tableOf([row("a", 1), row("b", 2)]);
    table.put({ ...table.get("a")!, status: "Stopped" }, 10);
    expect(listPage(table.source, { StatusEquals: "Stopped" }, spec(table)).items.map((r) => r.name)).toEqual(["a"]);
    expect(listPage(table.source, { StatusEquals: "InProgress" }, spec(table)).items.map((r) => r.name)).toEqual(["b"]);
  });

  // The reference: filter and sort everything, then cut pages; the indexes must agree exactly.
  it("property: following NextTokens yields exactly the filtered, sorted rows, each once, in pages of MaxResults", () => {
    const names = fc.stringMatching(/^[a-cA-C]{1,3}$/);
    const rows = fc.uniqueArray(
      fc.record({ name: names, created: fc.integer({ min: 0, max: 5 }), status: fc.constantFrom("InProgress", "Completed", "Failed") }),
      { selector: (r) => r.name.toLowerCase(), maxLength: 25 },
    );
    const request = fc.record(
      {
        MaxResults: fc.integer({ min: 1, max: 7 }),
        SortBy: fc.constantFrom("CreationTime", "Name", "Status"),
        SortOrder: fc.constantFrom("Ascending", "Descending"),
        StatusEquals: fc.constantFrom("InProgress", "Completed", "Failed"),
        NameContains: fc.constantFrom("a", "B", "ab"),
        CreationTimeAfter: fc.integer({ min: 0, max: 5 }),
        CreationTimeBefore: fc.integer({ min: 0, max: 6 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(rows, request, fc.boolean(), (given, req, deleteSome) => {
        const table = tableOf(given.map((r) => row(r.name, r.created * 1000, r.status)));
        if (deleteSome) for (const r of given.filter((_, i) => i % 3 === 0)) table.delete(r.name);
        const listSpec = spec(table);
        const pages = allPages(table, req, listSpec);

        const sortBy = req.SortBy ?? "CreationTime";
        const sign = req.SortOrder === "Descending" ? -1 : 1;
        const seqOf = new Map(table.values().map((r, i) => [r.name, i]));
        const cursor = (r: Row): Cursor => ({
          key: sortBy === "Name" ? r.name : sortBy === "Status" ? r.status : r.created,
          created: r.created,
          seq: seqOf.get(r.name)!,
          name: r.name,
        });
        const expected = table
          .values()
          .filter((r) => req.StatusEquals === undefined || r.status === req.StatusEquals)
          .filter((r) => req.NameContains === undefined || r.name.toLowerCase().includes(req.NameContains.toLowerCase()))
          .filter((r) => req.CreationTimeAfter === undefined || r.created >= req.CreationTimeAfter * 1000)
          .filter((r) => req.CreationTimeBefore === undefined || r.created < req.CreationTimeBefore * 1000)
          .sort((a, b) => sign * compareCursors(cursor(a), cursor(b)));
        expect(pages.flat().map((r) => r.name)).toEqual(expected.map((r) => r.name));
        const size = req.MaxResults ?? 10;
        for (const page of pages.slice(0, -1)) expect(page.length).toBe(size);
      }),
      { numRuns: 300 },
    );
  });
});
