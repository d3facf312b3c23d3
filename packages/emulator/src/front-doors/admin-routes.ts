import type { Emulator } from "../emulator.js";
import { advanceClock } from "./clock-control.js";

/** Where the emulator's own controls live, beside the SageMaker API on `POST /`. */
export const ADMIN_PREFIX = "/_sagerun/";

/** An admin answer: a status and a JSON payload, or an AWS-shaped error. */
export type AdminResult =
  | { readonly status: number; readonly payload: unknown }
  | { readonly status: number; readonly error: { readonly type: string; readonly message: string }; readonly allow?: string };

interface Route {
  readonly method: "GET" | "POST";
  run(emulator: Emulator, body: unknown): AdminResult | Promise<AdminResult>;
}

const ok = (payload: unknown): AdminResult => ({ status: 200, payload });
const invalid = (message: string): AdminResult => ({ status: 400, error: { type: "ValidationException", message } });

const ROUTES: Readonly<Record<string, Route>> = {
  health: { method: "GET", run: () => ok({ status: "ok" }) },
  state: { method: "GET", run: (emulator) => ok(emulator.state()) },
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
      const seconds = (body as { seconds?: unknown } | null)?.seconds;
      if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
        return invalid(`'seconds' must be a finite number greater than or equal to 0, got ${JSON.stringify(seconds) ?? "nothing"}.`);
      }
      if (!(await advanceClock(emulator.clock, seconds * 1000))) {
        return { status: 409, error: { type: "ConflictException", message: "The emulator's clock cannot be advanced (use a VirtualClock or ScaledClock)." } };
      }
      return ok({ now: new Date(emulator.clock.now()).toISOString() });
    },
  },
};

/**
 * Answers `<method> /_sagerun/<route>`: health, state (every resource as Describe shows it,
 * timestamps as ISO strings), reset, and clock/advance `{"seconds": N}`.
 */
export async function runAdmin(emulator: Emulator, method: string, path: string, body: unknown): Promise<AdminResult> {
  const name = path.slice(ADMIN_PREFIX.length);
  const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  if (!route) {
    const known = Object.entries(ROUTES).map(([n, r]) => `${r.method} ${ADMIN_PREFIX}${n}`).join(", ");
    return { status: 404, error: { type: "NotFoundException", message: `No admin route ${path}. Routes: ${known}.` } };
  }
  if (method !== route.method) {
    return {
      status: 405,
      allow: route.method,
      error: { type: "MethodNotAllowedException", message: `${path} accepts ${route.method} only, got ${method}.` },
    };
  }
  return route.run(emulator, body);
}

