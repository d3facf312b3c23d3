/**
 * Local structural types for the parts of the optional peer `@sagerun/emulator` that
 * `createBackend` exposes; its options live in `@sagerun/transport`, the contract both packages
 * share. Written out here, not derived with `typeof import("@sagerun/emulator")`, so that this
 * package's published .d.ts never names the peer: a project that talks only to AWS
 * and never installed the emulator must still type-check. The compiler keeps the copies honest:
 * `internal/load-emulator.ts` assigns the real module to {@link EmulatorModule}, which stops
 * compiling if these types and the emulator's drift apart.
 */
import type { SageMakerClient, SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import type { Clock, EmulatorOptions } from "@sagerun/transport";

export type { EmulatorOptions, EmulatorRule, PhaseDurations as EmulatorPhaseDurations } from "@sagerun/transport";

/** The emulator `createBackend` started: the members an operator user needs. */
export interface Emulator {
  /** The clock the emulator's lifecycles play on (the backend's `clock`). */
  readonly clock: Clock;
  readonly region: string;
  /** The operations this emulator answers. */
  readonly operations: string[];
  /** Another SageMakerClient wired to this emulator in-process. */
  client(config?: SageMakerClientConfig): SageMakerClient;
  /** Forgets every resource (the clock keeps its time). */
  reset(): void;
  /** A JSON-ready dump of every resource as Describe shows it now. */
  state(): Record<string, unknown[]>;
}

/** The one export of `@sagerun/emulator` that `createBackend` uses. */
export interface EmulatorModule {
  readonly createEmulator: (options?: EmulatorOptions) => Emulator;
}
