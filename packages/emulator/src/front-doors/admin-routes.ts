import type { Emulator } from "../emulator.js";
import { ServiceError } from "../errors.js";
import { faultsFromJson, faultsToJson } from "../faults/json.js";
import { advanceClock } from "./clock-control.js";
import { rulesFromJson, rulesToJson } from "./rules-json.js";

/** Where the emulator's own controls live, beside the SageMaker API on `POST /`. */
export const ADMIN_PREFIX = "/_sagerun/";

/** An admin answer: a status and a JSON payload, or an error the server sends in AWS's shape. */
export type AdminResult = { readonly status: number; readonly payload: unknown } | { readonly error: ServiceError };

export interface AdminRoute {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /** `body` is the request's JSON object (`{}` when it has none). */
  run(emulator: Emulator, body: Record<string, unknown>): AdminResult | Promise<AdminResult>;
}

const ok = (payload: unknown): AdminResult => ({ status: 200, payload });
const invalid = (message: string): AdminResult => ({ error: new ServiceError("ValidationException", message) });

/**
 * The latest instant a JavaScript Date can hold, ±8.64e15 ms from the epoch (ECMA-262, "Time
 * Values and Time Range"). A clock past it makes every new timestamp an Invalid Date.
 */
const MAX_TIME_MS = 8.64e15;

/** The injected faults (src/faults/): `POST {"faults": [...]}` replaces them, an empty list or DELETE clears them. */
const FAULTS: readonly AdminRoute[] = [
  { method: "GET", run: (emulator) => ok({ faults: faultsToJson(emulator.faults()) }) },
  {
    method: "POST",
    run(emulator, body) {
      const unknown = Object.keys(body).find((key) => key !== "faults");
      if (unknown !== undefined) return invalid(`The body has an unknown key ${JSON.stringify(unknown)}; the known key is faults.`);
      try {
        emulator.setFaults(faultsFromJson(body.faults));
        return ok({ faults: emulator.faults().length });
      } catch (error) {
        if (error instanceof TypeError || error instanceof RangeError) return invalid(error.message);
        throw error;
      }
    },
  },
  {
    method: "DELETE",
    run(emulator) {
      emulator.setFaults([]);
      return ok({ faults: 0 });
    },
  },
];

const ROUTES: Readonly<Record<string, AdminRoute | readonly AdminRoute[]>> = {
  faults: FAULTS,
  health: { method: "GET", run: () => ok({ status: "ok" }) },
  state: { method: "GET", run: (emulator) => ok(emulator.state()) },
  // The request log (emulator.requests()), for a test that drives the server from another process.
  requests: { method: "GET", run: (emulator) => ok({ requests: emulator.requests() }) },
  reset: {
    method: "POST",
    run(emulator) {
      emulator.reset();
      return ok({ status: "ok" });
    },
  },
  "clock/advance": {
    method: "POST",
    async run(emulator, body) {
      const seconds = body.seconds;
      if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
        return invalid(`'seconds' must be a finite number greater than or equal to 0, got ${JSON.stringify(seconds) ?? "nothing"}.`);
      }
      // Refused up front, so the clock is never moved somewhere it cannot come back from.
      const room = Math.floor((MAX_TIME_MS - emulator.clock.now()) / 1000);
      if (!(seconds <= room)) {
        return invalid(
          `'seconds' [${seconds}] would move the clock past the latest time a timestamp can hold ` +
            `(${new Date(MAX_TIME_MS).toISOString()}); at most ${room} seconds remain.`,
        );
      }
      if (!(await advanceClock(emulator.clock, seconds * 1000))) {
        return {
          error: new ServiceError("ConflictException", "The emulator's clock cannot be advanced (use a VirtualClock or ScaledClock).", 409),
        };
      }
      return ok({ now: new Date(emulator.clock.now()).toISOString() });
    },
  },
  rules: [
    // In the form PUT takes, so a rule read here can be PUT back as it is.
    { method: "GET", run: (emulator) => ok({ rules: rulesToJson(emulator.rules()) }) },
    {
      method: "PUT",
      run(emulator, body) {
        const unknown = Object.keys(body).find((key) => key !== "rules");
        if (unknown !== undefined) return invalid(`The body has an unknown key ${JSON.stringify(unknown)}; the known key is rules.`);
        try {
          const rules = rulesFromJson(body.rules);
          emulator.setRules(rules);
          return ok({ rules: rules.length });
        } catch (error) {
          if (error instanceof TypeError || error instanceof RangeError) return invalid(error.message);
          throw error;
        }
      },
    },
  ],
};

/**
 * The route for `<method> /_sagerun/<name>`: health, state (every resource as Describe shows it,
 * timestamps as ISO strings), reset, clock/advance `{"seconds": N}`, rules (GET; PUT `{"rules": [...]}`), and
 * faults (GET; POST `{"faults": [...]}`; DELETE).
 * An unknown path is 404 listing the routes; a wrong method is 405 with `Allow`.
 */
export function findAdminRoute(
  method: string,
  path: string,
): { route: AdminRoute } | { error: ServiceError; headers: Record<string, string> } {
  const name = path.slice(ADMIN_PREFIX.length);
  // A path may take several methods (faults: GET, POST, DELETE; rules: GET, PUT).
  const routes = Object.hasOwn(ROUTES, name) ? [ROUTES[name]!].flat() : [];
  const route = routes.find((r) => r.method === method);
  if (routes.length === 0) {
    const known = Object.entries(ROUTES)
      .flatMap(([n, r]) => [r].flat().map((one) => `${one.method} ${ADMIN_PREFIX}${n}`))
      .join(", ");
    return { error: new ServiceError("NotFoundException", `No admin route ${path}. Routes: ${known}.`), headers: {} };
  }
  if (!route) {
    const allowed = routes.map((r) => r.method).join(", ");
    return {
      error: new ServiceError("MethodNotAllowedException", `${path} accepts ${allowed} only, got ${method}.`),
      headers: { allow: allowed },
    };
  }
  return { route };
}
