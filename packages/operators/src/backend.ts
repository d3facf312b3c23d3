import { SageMakerClient, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { BACKEND_ENV_VAR, resolveBackend, systemClock, VirtualClock, type Backend, type Clock } from "@sagerun/transport";
import type { Emulator, EmulatorOptions } from "./emulator-types.js";
import { loadEmulator } from "./internal/load-emulator.js";

/** Options of {@link createBackend}. */
export interface CreateBackendOptions {
  /**
   * Where SageMaker calls go. Beats the `SAGERUN_BACKEND` environment variable. Read like every
   * option word: case and surrounding spaces do not matter.
   * @default the value of SAGERUN_BACKEND, else "aws"
   */
  readonly backend?: Backend;
  /** Passed to the `SageMakerClient` (region, credentials, retries…), on either backend. */
  readonly clientConfig?: SageMakerClientConfig;
  /** Passed to `createEmulator` when the backend is the emulator. @default a fresh VirtualClock */
  readonly emulator?: EmulatorOptions;
  /** Where to read `SAGERUN_BACKEND` from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A ready backend: a real `SageMakerClient` and the clock its jobs run on. */
export interface SagerunBackend {
  readonly backend: Backend;
  /** A real `SageMakerClient`; on the emulator its `requestHandler` is the emulator. */
  readonly client: SageMakerClient;
  /**
   * The time the backend's jobs run on: `systemClock` for AWS, the emulator's virtual clock
   * otherwise. Every operator takes it next to the client, so waiting happens in the same time.
   */
  readonly clock: Clock;
  /** The emulator, when the backend is the emulator. */
  readonly emulator?: Emulator;
}

/**
 * What every operator is given: where its calls go and the clock it waits on, i.e. the `client`
 * and `clock` that {@link createBackend} returns. With a `SageMakerClient` of your own, pass
 * `clock: systemClock`.
 */
export type BackendOptions = Pick<SagerunBackend, "client" | "clock">;

/**
 * Builds the client and clock the operators run on. The choice comes from `options.backend`, then
 * the `SAGERUN_BACKEND` environment variable, then `"aws"`; an unknown value throws a `TypeError`
 * rather than silently sending a test run to AWS. The emulator is an optional peer dependency,
 * loaded with `import()` only when selected (`EmulatorNotInstalledError` if it is missing). Either
 * way the operators call the same `SageMakerClient`: only the wire underneath changes (decision
 * record 0001, "swap the wire, not the client").
 *
 * @example
 * ```ts
 * // SAGERUN_BACKEND=emulator node pipeline.js → offline, on virtual time
 * const { client, clock } = await createBackend({ clientConfig: { region: "eu-west-1" } });
 * await runTrainingJob(config, { client, clock });
 * ```
 */
export async function createBackend(options: CreateBackendOptions = {}): Promise<SagerunBackend> {
  const backend = resolveBackend(options.backend, options.env);
  if (backend === "aws") {
    return { backend, client: new SageMakerClient(options.clientConfig ?? {}), clock: systemClock };
  }
  const source = options.backend !== undefined ? 'the option backend: "emulator"' : `${BACKEND_ENV_VAR}=emulator`;
  const { createEmulator } = await loadEmulator(source);
  const emulator = createEmulator({ clock: new VirtualClock(), ...options.emulator });
  return { backend, client: emulator.client(options.clientConfig), clock: emulator.clock, emulator };
}
