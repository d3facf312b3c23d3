import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { expectHealthy, inProcessDoor, seedState, sendAll } from "./fuzz-doors.js";
import { allServices } from "./fuzz-inputs.js";
import { Tally } from "./protocol-errors.js";

// The in-process door: every service's generated requests through emulator.requestHandler, the
// smithy handler a client built with `requestHandler` calls. One emulator per run, seeded with a
// bucket, a log stream, a training job and an endpoint InService, so requests meet real resources.
const tally = new Tally();
/** Runs per service, so the file stays within a few seconds (the model-built SageMaker inputs cost most to generate). */
const RUNS: Record<string, number> = { sagemaker: 12, logs: 30, s3: 60, runtime: 30 };
afterAll(() => console.log(tally.summary("in-process SDK handler")));

describe("reliability: the in-process SDK handler under generated requests", () => {
  for (const [service, requests] of Object.entries(allServices(createEmulator().operations))) {
    it(`property (${service}): every answer is a success or a valid error of its protocol, never a 5xx; the emulator still serves afterwards`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(requests, { minLength: 1, maxLength: 12 }), async (batch) => {
          const clock = new VirtualClock({ autoAdvance: false });
          const emulator = createEmulator({ requireInputData: false, clock });
          const seeded = await seedState(emulator, clock);
          const door = inProcessDoor(emulator);
          await sendAll(door, batch, tally, seeded);
          await expectHealthy(door);
        }),
        { numRuns: RUNS[service] ?? 10 },
      );
    });
  }
});
