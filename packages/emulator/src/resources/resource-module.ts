import type { EmulatorContext } from "../emulator-context.js";
import type { EmulatorStore } from "../store/emulator-store.js";
import type { OperationTable } from "./operation.js";

/**
 * One resource kind of the emulator: its operations, plus what the emulator needs around them.
 * Each kind lives in its own folder under resources/ and is listed once in emulator.ts.
 */
export interface ResourceModule {
  readonly operations: OperationTable;
  /**
   * Brings materialised state up to `now` before any operation runs: a tuning job's children
   * appear in the training-job table when they launch, a deleted endpoint disappears when its
   * Deleting ends. Must be a pure function of the plans, events and `now`, like every status.
   */
  sync?(now: number): void;
  /** The resources as Describe shows them at `now` (for GET /_sagerun/state). */
  dump(now: number): unknown[];
}

export type ResourceModuleFactory = (ctx: EmulatorContext, store: EmulatorStore) => ResourceModule;
