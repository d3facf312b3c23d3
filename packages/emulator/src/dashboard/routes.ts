import type { Clock } from "@sagerun/transport";
import type { Emulator } from "../emulator.js";
import { ServiceError } from "../errors.js";
import { faultsToJson } from "../faults/json.js";
import { rulesToJson } from "../front-doors/rules-json.js";
import { browseBucket, getObject, logEvents, previewObject } from "./data-reads.js";
import { dashboardPage } from "./page.js";
import { executionDag } from "./pipeline-dag.js";
import { kindSections } from "./resource-kinds.js";
import { timelineBars } from "./timeline.js";

/** The dashboard's page, and the JSON it polls, under the admin prefix. */
const DASHBOARD_PATH = "/_sagerun/ui";

export function isDashboardPath(path: string): boolean {
  return path === DASHBOARD_PATH || path === `${DASHBOARD_PATH}/` || path.startsWith(`${DASHBOARD_PATH}/`);
}

/** An answer with its own type: the page, JSON, or an object's bytes. */
export type DashboardAnswer =
  | { readonly status: number; readonly headers: Record<string, string>; readonly body: Uint8Array | string }
  | { readonly error: ServiceError; readonly headers?: Record<string, string> };

const json = (payload: unknown, status = 200): DashboardAnswer => ({
  status,
  headers: { "content-type": "application/json", "cache-control": "no-store" },
  body: JSON.stringify(payload),
});

/**
 * The page forbids anything but itself: no script, style or request goes elsewhere, so it works
 * offline and nothing injected into a resource's fields could call out.
 */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
};

/** The clock as the page shows it: where it stands, its scale (ScaledClock) and whether the page may move it. */
function clockView(clock: Clock, emulator: Emulator) {
  const { scale, advance } = clock as Clock & { scale?: unknown; advance?: unknown };
  const next = emulator.nextChange();
  return {
    now: clock.now(),
    ...(typeof scale === "number" ? { scale } : {}),
    advanceable: typeof advance === "function",
    ...(next !== undefined ? { nextEvent: next } : {}),
  };
}

/**
 * Answers `GET /_sagerun/ui[/…]` (the caller has applied the admin routes' Host and Origin rules):
 * the page, and api/state, api/timeline, api/dag, api/s3, api/object, api/logs. The page moves the
 * clock through the admin route `POST /_sagerun/clock/advance`, never through one of its own.
 */
export async function dashboardAnswer(emulator: Emulator, method: string, url: URL): Promise<DashboardAnswer> {
  if (method !== "GET" && method !== "HEAD") {
    return {
      error: new ServiceError("MethodNotAllowedException", `${url.pathname} accepts GET only, got ${method}.`),
      headers: { allow: "GET" },
    };
  }
  const route = url.pathname.slice(DASHBOARD_PATH.length).replace(/^\//, "");
  const q = (name: string): string => url.searchParams.get(name) ?? "";
  switch (route) {
    case "":
      return { status: 200, headers: PAGE_HEADERS, body: dashboardPage() };
    case "api/state": {
      const state = emulator.state();
      return json({
        clock: clockView(emulator.clock, emulator),
        kinds: kindSections(state),
        s3Buckets: (state.s3Buckets as { name: string; creationDate: string; objects: unknown[] }[]).map((b) => ({
          name: b.name,
          creationDate: b.creationDate,
          objects: b.objects.length,
        })),
        logGroups: state.logGroups,
        faults: faultsToJson(emulator.faults()),
        rules: rulesToJson(emulator.rules()),
      });
    }
    case "api/timeline": {
      const state = emulator.state();
      const now = emulator.clock.now();
      return json({ now, bars: timelineBars(emulator, state, now) });
    }
    case "api/dag":
      try {
        return json(executionDag(emulator, q("arn")));
      } catch (error) {
        if (error instanceof ServiceError) return { error };
        throw error;
      }
    case "api/s3": {
      const listing = browseBucket(emulator.state().s3Buckets as Parameters<typeof browseBucket>[0], q("bucket"), q("prefix"));
      if (!listing)
        return { error: new ServiceError("NotFoundException", `The bucket ${JSON.stringify(q("bucket"))} does not exist.`, 404) };
      return json(listing);
    }
    case "api/object": {
      if (url.searchParams.has("download")) {
        const read = await getObject(emulator, q("bucket"), q("key"));
        const file = q("key").split("/").pop() || "object";
        return {
          status: read.status,
          headers: {
            "content-type": read.contentType,
            "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file)}`,
            "x-content-type-options": "nosniff",
          },
          body: read.body,
        };
      }
      const preview = await previewObject(emulator, q("bucket"), q("key"));
      return json(preview, preview.status);
    }
    case "api/logs": {
      const read = await logEvents(emulator, q("group"), q("stream"));
      return json(read, read.status);
    }
    default:
      return {
        error: new ServiceError(
          "NotFoundException",
          `No dashboard route ${url.pathname}. Routes: ${DASHBOARD_PATH}, and under ${DASHBOARD_PATH}/api/: state, timeline, dag?arn=, s3?bucket=&prefix=, object?bucket=&key=[&download], logs?group=&stream=.`,
        ),
      };
  }
}
