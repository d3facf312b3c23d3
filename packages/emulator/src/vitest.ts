/**
 * @module
 * `@sagerun/emulator/vitest`: the emulator as vitest fixtures, and matchers on it. Needs the
 * optional peer dependency `vitest` (4.x), and the vitest runner: import it from test files and
 * setup files (it calls `test.extend`, as any fixture module does). Importing it installs nothing.
 *
 * @example
 * import { emulatorTest } from "@sagerun/emulator/vitest";
 *
 * emulatorTest("trains once on an m5.large", async ({ emulator, sagemaker, clock }) => {
 *   await trainNightly(sagemaker);               // the code under test
 *   await clock.advance(3_600_000);              // an hour of virtual time
 *   expect(emulator).toHaveReceived("CreateTrainingJob", { times: 1, with: { ResourceConfig: { InstanceType: "ml.m5.large" } } });
 *   expect(emulator).toHaveNoJobsRunning();
 * });
 */

import type { SagerunMatchers } from "./testing/matchers.js";

// Fixtures
export { emulatorTest, withEmulator } from "./testing/emulator-test.js";
export type { EmulatorFixtures, EmulatorTestOptions } from "./testing/emulator-test.js";

// Matchers
export { installSagerunMatchers, sagerunMatchers } from "./testing/matchers.js";
export type { ReceivedOptions, SagerunMatchers } from "./testing/matchers.js";

declare module "vitest" {
  // The shape vitest documents for custom matchers (https://vitest.dev/guide/extending-matchers).
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers<T = any>; merged declarations must agree.
  interface Matchers<T = any> extends SagerunMatchers<T> {}
}
