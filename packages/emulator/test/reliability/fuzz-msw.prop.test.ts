import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { logsHandlers, runtimeHandlers, s3Handlers, sageMakerHandlers } from "../../src/msw.js";
import { expectHealthy, mswDoor, seedState, sendAll } from "./fuzz-doors.js";
import { allServices } from "./fuzz-inputs.js";
import { Tally } from "./protocol-errors.js";

// The msw door: a global fetch to each service's AWS host, answered by the emulator's msw handlers
// (a fresh emulator per run, seeded as in the other doors). What a fetch Request refuses to carry
// (a control character in a header, a forbidden header) is skipped: no fetch client can send it.
// Unhandled requests are errors, so nothing generated here ever reaches AWS.
const tally = new Tally();
const msw = setupServer();
beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
afterAll(() => {
  msw.close();
  console.log(tally.summary("msw"));
});

/** Runs per service, so the file stays within a few seconds. */
const RUNS: Record<string, number> = { sagemaker: 10, logs: 25, s3: 40, runtime: 25 };

describe("reliability: the msw handlers under generated requests", () => {
  for (const [service, requests] of Object.entries(allServices(createEmulator().operations))) {
    it(`property (${service}): every answer is a success or a valid error of its protocol, never a 5xx; the emulator still serves afterwards`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 10 }), async (batch) => {
          const clock = new VirtualClock({ autoAdvance: false });
          const emulator = createEmulator({ requireInputData: false, clock });
          const seeded = await seedState(emulator, clock);
          msw.resetHandlers(
            ...sageMakerHandlers(emulator),
            ...s3Handlers(emulator),
            ...logsHandlers(emulator),
            ...runtimeHandlers(emulator),
          );
          const door = mswDoor();
          await sendAll(door, batch, tally, seeded);
          await expectHealthy(door);
        }),
        { numRuns: RUNS[service] ?? 10 },
      );
    });
  }
});
