import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { createEmulator } from "../../src/index.js";
import { expectHealthy, httpDoor, type Door, type Seeded, seedState, sendAll } from "./fuzz-doors.js";
import { allServices, rawOnlyRequests } from "./fuzz-inputs.js";
import { Tally } from "./protocol-errors.js";

// The HTTP door: one server for the whole file, every request written byte for byte on its own
// socket, so malformed framing, odd headers and broken request lines reach node's parser and the
// server's guards as a hand-written client would send them. State accumulates across runs, as it
// does on a server a team shares.
const tally = new Tally();
let server: RunningServer;
let door: Door;
let seeded: Seeded;

beforeAll(async () => {
  const clock = new VirtualClock({ autoAdvance: false });
  server = await startServer({ port: 0, emulator: createEmulator({ requireInputData: false, clock }), log: () => {} });
  seeded = await seedState(server.emulator, clock);
  door = httpDoor(server.port);
});
afterAll(async () => {
  console.log(tally.summary("HTTP server"));
  await server?.close();
});

/** Runs per service, so the file stays within a few seconds. */
const RUNS: Record<string, number> = { sagemaker: 10, logs: 30, s3: 60, runtime: 30, raw: 40 };

describe("reliability: the HTTP server under generated requests", () => {
  const generators = { ...allServices(createEmulator().operations), raw: rawOnlyRequests() };
  for (const [service, requests] of Object.entries(generators)) {
    it(`property (${service}): every answer is a success or a valid error of its protocol, never a 5xx; the server still answers its health route`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 10 }), async (batch) => {
          await sendAll(door, batch, tally, seeded);
          await expectHealthy(door);
          const health = await fetch(`${server.url}/_sagerun/health`);
          expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
        }),
        { numRuns: RUNS[service] ?? 10 },
      );
    });
  }
});
