import { ScaledClock, systemClock, type Clock } from "@sagerun/transport";
import type { Emulator, ServedRequest } from "../emulator.js";
import { findAdminRoute, type AdminResult, type AdminRoute } from "../front-doors/admin-routes.js";
import type { WireRequest, WireResponse } from "../wire/aws-json.js";
import { mayChange } from "./mutating.js";
import type { Journal } from "./journal.js";
import type { NewRecord, StateRecord } from "./records.js";
import { ReplayClock } from "./replay-clock.js";
import { openStateDir, type OpenedState } from "./state-dir.js";

export interface StateOptions {
  /** The state dir: created if missing, replayed if it holds a state. */
  dir: string;
  /** The emulator's seed; a state dir built with another is refused. */
  seed: number;
  /** Virtual seconds per real second of the server's clock. @default 1 */
  timeScale?: number;
  /**
   * The clock to run on, starting at `start` (where the state's clock stood; undefined for a new
   * state). It must only run forward. @default a ScaledClock at `timeScale`
   */
  clock?: (start: number | undefined) => Clock;
  /** Builds the emulator on `clock` with every other option (durations, rules, images, ...): the same as when the state was written. */
  create(clock: Clock): Emulator;
  /** Where a dropped torn record is reported. @default a line on stderr */
  warn?: (line: string) => void;
  /** How often, in real ms, a running clock's position is written while nothing else is. @default 1000 */
  clockEveryMs?: number;
}

/**
 * An emulator whose changes go to its state dir (docs/decisions/0009): every request it serves,
 * through any front door, is logged as it is served, and the HTTP server answers only once
 * {@link PersistedEmulator.durable} resolves. (An in-process client of the same emulator does not
 * wait for the disk.) Open one with {@link openState}.
 */
export class PersistedEmulator {
  readonly emulator: Emulator;
  readonly #clock: ReplayClock;
  readonly #journal: Journal;
  readonly #unlock: () => Promise<void>;
  /** The latest instant on disk: the clock resumes there after a crash. */
  #writtenAt: number;
  readonly #stop = new AbortController();

  constructor(emulator: Emulator, clock: ReplayClock, opened: OpenedState) {
    this.emulator = emulator;
    this.#clock = clock;
    this.#journal = opened.journal;
    this.#unlock = opened.unlock;
    this.#writtenAt = opened.clockAt ?? clock.now();
    clock.onAdvance = (now) => void this.#append({ type: "clock", at: now });
    emulator.onServed = (served) => this.#served(served);
  }

  /**
   * Logs a served request when it may have changed something, before any later request is
   * served (Emulator.onServed runs inside serve): the log's order is the order of the changes.
   * A request an injected fault refused changed nothing, and is left out.
   */
  #served({ service, request, response, at, requestIdsBefore }: ServedRequest): void {
    if (!mayChange(service, request) || refusedByFault(response)) return;
    const body = typeof request.body === "string" ? new TextEncoder().encode(request.body) : (request.body ?? new Uint8Array());
    const method = request.method ?? "POST";
    this.#append({
      type: "request",
      at,
      ids: requestIdsBefore,
      method,
      target: request.target ?? "/",
      headers: plainHeaders(request),
      body,
    });
  }

  /**
   * Runs an admin route; a write that succeeds is logged (a clock move logs where the clock
   * went, through the clock itself). Answer it only after {@link durable}.
   */
  async admin(route: AdminRoute, path: string, input: Record<string, unknown>): Promise<AdminResult> {
    return this.#clock.at(undefined, (at) => {
      const result = route.run(this.emulator, input);
      const log = (done: AdminResult): AdminResult => {
        if (route.method !== "GET" && !path.endsWith("/clock/advance") && !("error" in done)) {
          this.#append({ type: "admin", at, method: route.method, path, input });
        }
        return done;
      };
      return result instanceof Promise ? result.then(log) : log(result);
    });
  }

  /** Resolves once every change served so far is on disk; rejects if the disk refused one. */
  durable(): Promise<void> {
    return this.#journal.durable();
  }

  /** Writes where the clock stands, waits for every change to be on disk, and closes the journal. */
  async close(): Promise<void> {
    this.#stop.abort();
    this.#append({ type: "clock", at: this.#clock.now() });
    await this.#journal.close();
    await this.#unlock();
  }

  /** Writes a running clock's position now and then, so a restart resumes close to where it stood. */
  async keepClock(everyMs: number): Promise<void> {
    try {
      for (;;) {
        await systemClock.sleep(everyMs, this.#stop.signal);
        const now = this.#clock.now();
        if (now > this.#writtenAt) this.#append({ type: "clock", at: now });
      }
    } catch {
      // Stopped by close().
    }
  }

  #append(record: NewRecord): void {
    this.#writtenAt = Math.max(this.#writtenAt, record.at);
    // A refusal reaches whoever awaits durable(); here it only must not go unhandled.
    this.#journal.append(record).catch(() => {});
  }
}

/**
 * Opens the state dir, builds the emulator on a clock that resumes where the state's clock stood,
 * and replays every logged change through the same dispatch at its own instant.
 *
 * @example
 * const state = await openState({ dir: ".sagerun", seed: 1, create: (clock) => createEmulator({ clock, seed: 1 }) });
 * const server = await startServer({ state });
 */
export async function openState(options: StateOptions): Promise<PersistedEmulator> {
  const warn = options.warn ?? ((line) => void process.stderr.write(`${line}\n`));
  const opened = await openStateDir(options.dir, options.seed, warn);
  const scaled = (start: number | undefined) =>
    new ScaledClock({ scale: options.timeScale ?? 1, ...(start === undefined ? {} : { start }) });
  const clock = new ReplayClock((options.clock ?? scaled)(opened.clockAt));
  let emulator: Emulator;
  try {
    emulator = options.create(clock);
    for (const record of opened.records) await replay(emulator, clock, record);
  } catch (error) {
    await opened.journal.close();
    await opened.unlock();
    throw error;
  }
  const state = new PersistedEmulator(emulator, clock, opened);
  void state.keepClock(options.clockEveryMs ?? 1000);
  return state;
}

/**
 * Applies one logged change again, at the instant it was first applied. Only requests no fault
 * refused were logged, so one a rate-drawn fault refuses now (its draws follow arrival order,
 * reads included, which the log does not keep) is served again until it goes through.
 */
async function replay(emulator: Emulator, clock: ReplayClock, record: StateRecord): Promise<void> {
  if (record.type === "request") {
    clock.at(record.at, () => {
      emulator.skipRequestIdsTo(record.ids);
      const request = { method: record.method, target: record.target, headers: record.headers, body: record.body };
      for (let tries = 0; refusedByFault(emulator.serve(request)) && tries < MAX_REFUSALS; tries++);
    });
  } else if (record.type === "admin") {
    const found = findAdminRoute(record.method, record.path);
    if ("route" in found) await clock.at(record.at, () => found.route.run(emulator, record.input));
  }
}

const MAX_REFUSALS = 1000;

/**
 * Whether an injected request fault (src/faults/answers.ts) answered instead of the service: the
 * codes only those refusals give, in each protocol.
 */
function refusedByFault(response: WireResponse): boolean {
  const code = response.error?.code ?? response.errorCode;
  return code === "ThrottlingException" || code === "InternalFailure" || code === "SlowDown" || code === "InternalError";
}

/** The request's headers as JSON can hold them (a front door may leave some undefined). */
function plainHeaders(request: WireRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) out[name] = typeof value === "string" ? value : [...value];
  return out;
}
