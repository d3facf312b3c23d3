import { SageMakerClient, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { holdClock, VirtualClock, type Clock } from "@sagerun/transport";
import { createContext, type EmulatorContext } from "./emulator-context.js";
import { ServiceError } from "./errors.js";
import { EmulatorRequestHandler } from "./front-doors/smithy-handler.js";
import { checkOptions, checkRules, type EmulatorOptions, type EmulatorRule } from "./options.js";
import { seededRandom, type Random } from "./random.js";
import { RequestClock } from "./request-clock.js";
import { endpointConfigModule } from "./resources/endpoint-config/module.js";
import { endpointModule } from "./resources/endpoint/module.js";
import { modelModule } from "./resources/model/module.js";
import type { OperationTable } from "./resources/operation.js";
import { processingJobModule } from "./resources/processing-job/module.js";
import type { ResourceModule, ResourceModuleFactory } from "./resources/resource-module.js";
import { tagsModule } from "./resources/tags/module.js";
import { trainingJobModule } from "./resources/training-job/module.js";
import { transformJobModule } from "./resources/transform-job/module.js";
import { tuningJobModule } from "./resources/tuning-job/module.js";
import { createStore, type EmulatorStore } from "./store/emulator-store.js";
import { validateInput } from "./validation/validate.js";
import { serveWire, type WireRequest, type WireResponse } from "./wire/aws-json.js";

export type { EmulatorOptions } from "./options.js";

/**
 * An in-memory SageMaker control plane. Every front door funnels into {@link Emulator.call}:
 * validate against the botocore model, then run the resource's operation on the clock's `now`.
 *
 * @example
 * const emulator = createEmulator();
 * const client = emulator.client();
 * await client.send(new CreateTrainingJobCommand({ ... }));
 */
export class Emulator {
  readonly clock: Clock;
  /** For `new SageMakerClient({ requestHandler: emulator.requestHandler })`. */
  readonly requestHandler: EmulatorRequestHandler;
  readonly region: string;
  /** Request ids draw from their own stream, so how often a client polls never shifts the
   * randomness resources are planned with: a seed replays the same run whatever the polling. */
  readonly #requestIds: Random;
  readonly #requestClock: RequestClock;
  readonly #ctx: EmulatorContext;
  readonly #store: EmulatorStore = createStore();
  readonly #modules: Readonly<Record<string, ResourceModule>>;
  readonly #operations: OperationTable;

  constructor(options: EmulatorOptions = {}) {
    checkOptions(options);
    this.clock = options.clock ?? new VirtualClock();
    this.region = options.region ?? "us-east-1";
    const seed = options.seed ?? 1;
    this.#requestIds = seededRandom(seed ^ 0x5bd1e995);
    this.#requestClock = new RequestClock(this.clock);
    this.#ctx = createContext({
      clock: this.#requestClock,
      random: seededRandom(seed),
      arnScope: {
        partition: options.partition ?? "aws",
        region: this.region,
        accountId: options.accountId ?? "123456789012",
        preserveArnNameCase: options.preserveArnNameCase ?? false,
      },
      durations: options.durations ?? {},
      rules: options.rules ?? [],
      jitter: options.jitter ?? 0,
      listTrainingJobsStatusFilterAfterPage: options.listTrainingJobsStatusFilterAfterPage ?? true,
    });
    this.#modules = Object.fromEntries(
      Object.entries(RESOURCE_MODULES).map(([kind, factory]) => [kind, factory(this.#ctx, this.#store)]),
    );
    this.#operations = Object.assign({}, ...Object.values(this.#modules).map((m) => m.operations)) as OperationTable;
    this.requestHandler = new EmulatorRequestHandler((request) => this.serve(request));
  }

  /** The operations this emulator answers. */
  get operations(): string[] {
    return Object.keys(this.#operations).sort();
  }

  /** Runs one operation on a decoded request; throws ServiceError as the service would answer. */
  call(operation: string, input: Record<string, unknown>): object {
    const run = Object.hasOwn(this.#operations, operation) ? this.#operations[operation] : undefined;
    if (!run) throw new ServiceError("UnknownOperationException", `The sagerun emulator does not implement SageMaker.${operation}.`);
    const request = validateInput(operation, input);
    return this.#requestClock.atOneInstant((now) => {
      this.#sync(now);
      return run(request);
    });
  }

  /** Answers one AWS JSON 1.1 request: the shared path of every front door. */
  serve(request: WireRequest): WireResponse {
    return serveWire(request, (operation, input) => this.call(operation, input), this.#requestIds.uuid());
  }

  /** A SageMakerClient wired to this emulator in-process (test credentials, no retries unless asked). */
  client(config: SageMakerClientConfig = {}): SageMakerClient {
    const client = new SageMakerClient({
      region: this.region,
      credentials: { accessKeyId: "sagerun", secretAccessKey: "sagerun" },
      maxAttempts: 1,
      ...config,
      requestHandler: this.requestHandler,
    });
    // A send can wait on the host (the SDK's retry back-off sleeps on real timers); a virtual
    // clock must not jump for other tasks meanwhile, so the whole send holds it.
    client.middlewareStack.add(
      (next) => async (args) => {
        const release = holdClock(this.clock);
        try {
          return await next(args);
        } finally {
          release();
        }
      },
      { step: "initialize", name: "sagerunHoldVirtualClock", priority: "high" },
    );
    return client;
  }

  /**
   * Replaces the rules that plan new resources; resources already created keep the plan they got
   * (a plan is fixed at creation). Checked like the constructor's `rules`.
   */
  setRules(rules: readonly EmulatorRule[]): void {
    checkRules(rules);
    this.#ctx.setRules([...rules]);
  }

  /** Forgets every resource (the clock keeps its time). */
  reset(): void {
    for (const table of Object.values(this.#store)) table.clear();
  }

  /** A JSON-ready dump of every resource as Describe shows it now. */
  state(): Record<string, unknown[]> {
    return this.#requestClock.atOneInstant((now) => {
      this.#sync(now);
      const dump: Record<string, unknown[]> = {};
      for (const [kind, module] of Object.entries(this.#modules)) {
        if (kind !== "tags") dump[kind] = module.dump(now);
      }
      return dump;
    });
  }

  #sync(now: number): void {
    for (const module of Object.values(this.#modules)) module.sync?.(now);
  }
}

/** Every resource kind the emulator serves; the key names its section in {@link Emulator.state}. */
const RESOURCE_MODULES: Readonly<Record<string, ResourceModuleFactory>> = {
  trainingJobs: trainingJobModule,
  processingJobs: processingJobModule,
  transformJobs: transformJobModule,
  tuningJobs: tuningJobModule,
  models: modelModule,
  endpointConfigs: endpointConfigModule,
  endpoints: endpointModule,
  tags: tagsModule,
};

export function createEmulator(options?: EmulatorOptions): Emulator {
  return new Emulator(options);
}
