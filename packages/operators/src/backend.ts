import { SageMakerClient, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { BACKEND_ENV_VAR, resolveBackend, systemClock, VirtualClock, type Backend, type Clock } from "@sagerun/transport";
import type { Emulator, EmulatorOptions } from "./emulator-types.js";
import { registerClock } from "./internal/client-clock.js";
import { loadEmulator } from "./internal/load-emulator.js";

export type { Emulator, EmulatorOptions } from "./emulator-types.js";

/** Options of {@link createBackend}. */
export interface CreateBackendOptions {
  /**
   * Where SageMaker calls go. Beats the `SAGERUN_BACKEND` environment variable.
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

/** A ready backend: a real `SageMakerClient` and the clock to wait on. */
export interface SagerunBackend {
  readonly backend: Backend;
  /** A real `SageMakerClient`; on the emulator its `requestHandler` is the emulator. */
  readonly client: SageMakerClient;
  /**
   * `systemClock` for AWS; the emulator's virtual clock otherwise. The operators find it from the
   * client on their own (see {@link createBackend}); pass it where code takes a clock explicitly.
   */
  readonly clock: Clock;
  /** The emulator, when the backend is the emulator. */
  readonly emulator?: Emulator;
}

/**
 * Builds the client and clock the operators run on. The choice comes from `options.backend`, then
 * the `SAGERUN_BACKEND` environment variable, then `"aws"`; an unknown value throws a `TypeError`
 * rather than silently sending a test run to AWS. The emulator is an optional peer dependency,
 * loaded with `import()` only when selected (`EmulatorNotInstalledError` if it is missing). Either
 * way the operators call the same `SageMakerClient`: only the wire underneath changes (STYLE.md lesson 1).
 *
 * The backend's clock is registered for the client it returns, so the operators (`runJob`,
 * `runTrainingJob`, `waitForJob`, `watchJob`) given only this client wait on the emulator's virtual
 * clock without being passed `clock`; an explicit `clock` option still wins. A client built any
 * other way runs on `systemClock` unless given a clock.
 *
 * @example
 * ```ts
 * // SAGERUN_BACKEND=emulator node pipeline.js → offline, on virtual time
 * const { client } = await createBackend({ clientConfig: { region: "eu-west-1" } });
 * await runTrainingJob(config, { client });
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
  const client = emulator.client(options.clientConfig);
  registerClock(client, emulator.clock);
  return { backend, client, clock: emulator.clock, emulator };
}
