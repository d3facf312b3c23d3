import type { EmulatorContext } from "../emulator-context.js";
import type { ServiceError } from "../errors.js";
import type { PhaseDurations } from "../options.js";
import type { KindTable, RowLife, StoredRecord } from "../store/kind-table.js";
import { listPage, type ListRequest, type ListSpec } from "../store/list-page.js";
import type { Store, TableSpec } from "../store/store.js";
import type { Operations } from "./operation.js";

/** Changes a kind lets other kinds make to its table: the one path for cross-kind writes. */
// biome-ignore lint/suspicious/noExplicitAny: effect arguments are each effect's own
export type Effects<R extends StoredRecord> = Readonly<Record<string, (kit: Kit<R>, ...args: any[]) => void>>;

/**
 * A resource kind, declared once in its folder: everything the emulator needs to store, find,
 * list, describe and run it. The store's tables, the operation table, ARNs by type, the default
 * phase durations and the state dump are all derived from the list of kinds (resources/kinds.ts).
 */
export interface Kind<R extends StoredRecord, E extends Effects<R> = Effects<R>> extends TableSpec<R> {
  /** Its section of `Emulator.state()`: "trainingJobs". */
  readonly key: string;
  /** Default phase durations in seconds for the phases this kind plays. */
  readonly durations?: PhaseDurations;
  readonly life: RowLife<R>;
  /** The answer to a Describe/Stop/Delete of a name that is not there. */
  notFound(name: string, ctx: EmulatorContext): ServiceError;
  /** The answer to a Create of `name` when `existing` holds it (names compare case-insensitively). */
  duplicate(existing: R, name: string): ServiceError;
  /** Sort defaults and the extra readings of its List* operation. */
  readonly listing: Listing<R>;
  /** The resource as Describe shows it at `now` (for `GET /_sagerun/state`). */
  describe(row: R, now: number, kit: Kit<R>): object;
  /**
   * Runs when a row's scheduled change (RowLife.nextChange) comes, or when something woke it
   * (Kit.wake), before the row is re-filed under its status: a tuning job launches children,
   * an endpoint whose Deleting ended goes.
   */
  onDue?(row: R, now: number, kit: Kit<R>): void;
  /** What other kinds may do to this kind's table (see {@link Kit.effect}). */
  readonly effects?: E;
  /** The kind's operations, typed by the SDK's shapes. */
  operations(kit: Kit<R>): Operations;
}

export interface Listing<R> {
  readonly defaultSortBy: "CreationTime" | "Name";
  readonly defaultSortOrder: "Ascending" | "Descending";
  /** LastModifiedTime at `now`, for the LastModifiedTime* filters, where the kind has one. */
  lastModified?(row: R, now: number): number;
}

/** Declares a kind; an identity function that keeps the row and effect types. */
export function defineKind<R extends StoredRecord, E extends Effects<R> = Effects<R>>(kind: Kind<R, E>): Kind<R, E> {
  return kind;
}

/**
 * What a kind's code is given: its own table to write, the others to read, and the shared
 * create/find/list skeleton, so each operations.ts holds only what is particular to its kind.
 */
export interface Kit<R extends StoredRecord> {
  readonly ctx: EmulatorContext;
  readonly table: KindTable<R>;
  /** The request's instant (one per request). */
  now(): number;
  arn(name: string): string;
  /** The row, or the kind's not-found error. */
  find(name: string): R;
  /** Answers the kind's duplicate error if `name` is in use (for checks that must come after it). */
  checkNameFree(name: string): void;
  /** Answers the kind's duplicate error for a name in use, else stores what `build` makes. */
  create(name: string, build: (arn: string) => R): R;
  /** Stores a changed row (after an event), filed under its status now. */
  save(row: R): void;
  /** One page of the kind's List* operation. */
  list(
    request: ListRequest,
    options?: { statusFilterAfterPage?: boolean; extraQuery?: Record<string, unknown> },
  ): { items: R[]; nextToken?: string };
  /** Another kind's table, to read (cross-references). */
  read<S extends StoredRecord>(kind: Kind<S, Effects<S>>): Pick<KindTable<S>, "get" | "has" | "values" | "size">;
  /** Runs an effect another kind declares on its own table: the only way to change another kind's resources. */
  effect<S extends StoredRecord, E extends Effects<S>, N extends keyof E & string>(
    kind: Kind<S, E>,
    name: N,
    ...args: E[N] extends (kit: Kit<S>, ...rest: infer A) => void ? A : never
  ): void;
  /** Asks the resource an ARN names, of any kind, to look again at what it depends on, now. */
  wake(arn: string): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of kinds of different row types
export type AnyKind = Kind<any, any>;

/** Builds one kit per kind over the store. */
export function createKits(kinds: readonly AnyKind[], ctx: EmulatorContext, store: Store): Map<AnyKind, Kit<StoredRecord>> {
  const kits = new Map<AnyKind, Kit<StoredRecord>>();
  const kitOf = <S extends StoredRecord>(kind: Kind<S, Effects<S>>): Kit<S> => {
    const kit = kits.get(kind);
    if (!kit) throw new Error(`The emulator does not serve the kind ${kind.key}; list it in resources/kinds.ts.`);
    return kit as unknown as Kit<S>;
  };
  for (const kind of kinds) kits.set(kind, kitFor(kind, ctx, store, kitOf));
  return kits;
}

function kitFor<R extends StoredRecord>(
  kind: Kind<R>,
  ctx: EmulatorContext,
  store: Store,
  kitOf: <S extends StoredRecord>(kind: Kind<S, Effects<S>>) => Kit<S>,
): Kit<R> {
  const table = store.table(kind);
  const now = (): number => ctx.clock.now();
  return {
    ctx,
    table,
    now,
    arn: (name) => ctx.arn(kind.arnType, name),
    find(name) {
      const row = table.get(name);
      if (!row) throw kind.notFound(name, ctx);
      return row;
    },
    checkNameFree(name) {
      const existing = table.get(name);
      if (existing) throw kind.duplicate(existing, name);
    },
    create(name, build) {
      const existing = table.get(name);
      if (existing) throw kind.duplicate(existing, name);
      const row = build(ctx.arn(kind.arnType, name));
      table.put(row, now());
      return row;
    },
    save: (row) => table.put(row, now()),
    list(request, options = {}) {
      const at = now();
      const spec: ListSpec<R> = {
        name: (row) => row.name,
        created: (row) => kind.life.created(row),
        lastModified: kind.listing.lastModified && ((row) => kind.listing.lastModified!(row, at)),
        status: kind.life.status && ((row) => kind.life.status!(row, at)),
        sortKeys: table.sortKeys,
        defaultSortBy: kind.listing.defaultSortBy,
        defaultSortOrder: kind.listing.defaultSortOrder,
        statusFilterAfterPage: options.statusFilterAfterPage,
      };
      return listPage(table.source, request, spec, options.extraQuery);
    },
    read: (other) => store.table(other),
    effect(other, name, ...args) {
      const run = other.effects?.[name];
      if (!run) throw new Error(`The kind ${other.key} declares no effect ${name}.`);
      run(kitOf(other), ...args);
    },
    wake: (arn) => store.wake(arn, now()),
  };
}
