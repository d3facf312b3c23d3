import { unimplementedOperationOf } from "../../src/errors.js";
import { createEmulator, type Emulator } from "../../src/index.js";
import { describe, it } from "vitest";
import { ENDPOINT_CASES } from "./endpoint-cases.js";
import type { FrontDoor, Skip } from "./front-door.js";
import { TRAINING_JOB_CASES } from "./training-job-cases.js";
import { WIRE_CASES } from "./wire-cases.js";

export type { FrontDoor, Skip } from "./front-door.js";

/** Every case, by title; the same table runs against every front door. */
const CASES = { ...TRAINING_JOB_CASES, ...WIRE_CASES, ...ENDPOINT_CASES };

/** Cases no door can run yet because the emulator lacks what they need (shown as skipped, with the reason). */
function emulatorSkips(): Skip[] {
  const emulator = createEmulator({ requireInputData: false });
  const skips: Skip[] = [];
  const missing = ["CreateModel", "CreateEndpointConfig", "CreateEndpoint", "DescribeEndpoint"].filter(
    (op) => !emulator.operations.includes(op),
  );
  if (missing.length > 0)
    skips.push({ reason: `the emulator does not implement ${missing.join(", ")} yet`, tests: Object.keys(ENDPOINT_CASES) });
  if (!marksUnimplemented(emulator)) {
    skips.push({ reason: "Emulator.call does not answer CreatePipeline with unimplementedOperation() yet", tests: [UNIMPLEMENTED_CASE] });
  }
  return skips;
}

const UNIMPLEMENTED_CASE =
  "answers a SageMaker operation the emulator lacks with UnknownOperationException saying so, for raw clients and the SDK";

function marksUnimplemented(emulator: Emulator): boolean {
  try {
    emulator.call("CreatePipeline", {});
  } catch (error) {
    return unimplementedOperationOf(error) === "CreatePipeline";
  }
  return false;
}

/**
 * The shared conformance suite (after hono's `runTest({ newRouter, skip })`): the same cases
 * against every front door. A door that cannot run a case declares it in `skip` with a reason; it
 * shows as skipped, never silently dropped, and a skip naming no case is an error.
 *
 * @example
 * describeConformance("msw", async () => mswDoor());
 */
export function describeConformance(name: string, makeDoor: () => Promise<FrontDoor>, options: { skip?: readonly Skip[] } = {}): void {
  const skips = [...(options.skip ?? []), ...emulatorSkips()];
  for (const title of skips.flatMap((s) => s.tests)) {
    if (!Object.hasOwn(CASES, title)) throw new Error(`describeConformance(${name}): skip names no case: "${title}".`);
  }
  describe(`front door conformance: ${name}`, () => {
    for (const [title, run] of Object.entries(CASES)) {
      const skipped = skips.find((s) => s.tests.includes(title));
      if (skipped) {
        it.skip(`${title} [skipped: ${skipped.reason}]`, () => {});
        continue;
      }
      it(title, async () => {
        const door = await makeDoor();
        try {
          await run(door);
        } finally {
          await door.close();
        }
      });
    }
  });
}
