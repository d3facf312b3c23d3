import type { FaultSet } from "./fault-set.js";

/**
 * Resource kinds reach the injected faults through the context they are planned with: the
 * emulator adds its {@link FaultSet} to it (emulator.ts). Optional, so a context built without
 * faults (a test's, another emulator's) plans every resource as before.
 */
declare module "../emulator-context.js" {
  interface EmulatorContext {
    readonly faults?: FaultSet | undefined;
  }
}
