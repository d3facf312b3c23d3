import { SageMakerClient, type CreateTrainingJobRequest, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import type { CloudWatchLogsClient, CloudWatchLogsClientConfig } from "@aws-sdk/client-cloudwatch-logs";
import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";
import type { SageMakerRuntimeClient, SageMakerRuntimeClientConfig } from "@aws-sdk/client-sagemaker-runtime";
import { holdClock, VirtualClock, type Clock } from "@sagerun/transport";
import { createContext, type EmulatorContext } from "./emulator-context.js";
import { ServiceError, unimplementedOperation } from "./errors.js";
import { callLogs, type LogsScope } from "./logs/operations.js";
import { LogsStore, type LogEventInput } from "./logs/store.js";
import { EmulatorRequestHandler } from "./front-doors/smithy-handler.js";
import { checkOptions, checkRules, type EmulatorOptions, type EmulatorRule } from "./options.js";
import { refusalAnswer } from "./faults/answers.js";
import { wallClockDelay } from "./faults/delay.js";
import { FaultSet } from "./faults/fault-set.js";
import { runningInstances } from "./faults/instance-quota.js";
import type { EmulatorFault } from "./faults/types.js";
import { trainingJobKind } from "./resources/training-job/kind.js";
import type { TrainingJobRecord } from "./resources/training-job/record.js";
import { seededRandom, type Random } from "./random.js";
import { RequestClock } from "./request-clock.js";
import { DEFAULT_REQUEST_LOG, RequestLog, type ReceivedRequest } from "./request-log.js";
import { serveS3 } from "./s3/service.js";
import { S3Store } from "./s3/store.js";
import { serviceOf, type ServiceName } from "./service-router.js";
import { ContainerRegistry } from "./containers/registry.js";
import { endpointKind } from "./resources/endpoint/kind.js";
import type { EndpointRecord } from "./resources/endpoint/record.js";
import { endpointRuntimePort } from "./resources/endpoint/runtime-port.js";
import type { RuntimePort } from "./runtime/port.js";
import { serveRuntime } from "./runtime/service.js";
import { createKits, type AnyKind, type Kit } from "./resources/kind.js";
import { DEFAULT_DURATIONS, KINDS } from "./resources/kinds.js";
import type { Operation, OperationName, Operations } from "./resources/operation.js";
import { tagOperations } from "./resources/tags/operations.js";
import type { StoredRecord } from "./store/kind-table.js";
import { Store } from "./store/store.js";
import { isModelOperation, validateInput } from "./validation/validate.js";
import { serveWire, TARGET_PREFIX, type WireRequest, type WireResponse } from "./wire/aws-json.js";

export type { EmulatorOptions } from "./options.js";

/** A request as {@link Emulator.onServed} sees it: the instant it was served at and the request ids drawn before it. */
export interface ServedRequest {
  readonly service: ServiceName;
  readonly request: WireRequest;
  readonly response: WireResponse;
  readonly at: number;
  readonly requestIdsBefore: number;
}

const PHASES = Object.keys(DEFAULT_DURATIONS);

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
  /**
   * For `new SageMakerClient({ requestHandler: emulator.requestHandler })`, and the same for an
   * `S3Client`: one handler serves every client (see {@link Emulator.serve}).
   */
  readonly requestHandler: EmulatorRequestHandler;
  readonly region: string;
  /** Request ids draw from their own stream, so how often a client polls never shifts the
   * randomness resources are planned with: a seed replays the same run whatever the polling. */
  readonly #requestIds: Random;
  /** How many request ids have been drawn: a state dir replays to the same count (persistence/). */
  #requestIdsDrawn = 0;
  /**
   * Called with every request as soon as it is served, in the order they are, whatever the front
   * door: a state dir (persistence/) logs the changes through it before they are answered.
   */
  onServed: ((served: ServedRequest) => void) | undefined;
  readonly #requestClock: RequestClock;
  readonly #ctx: EmulatorContext;
  readonly #store = new Store(KINDS);
  /** S3 is a service of its own beside SageMaker's resource kinds, with a store of its own. */
  readonly #s3 = new S3Store();
  /** CloudWatch Logs, likewise: log groups, streams and their events. */
  readonly #logs = new LogsStore();
  readonly #logsScope: LogsScope;
  /** SageMaker Runtime's view of the endpoints, and its own random stream for variant choice. */
  readonly #runtimePort: RuntimePort;
  readonly #variantDraws: Random;
  readonly #kits: Map<AnyKind, Kit<StoredRecord>>;
  readonly #operations: Operations;
  readonly #requestLog: RequestLog;
  /** Injected faults (src/faults/): request refusals and latency here, job faults through the context. */
  readonly #faults: FaultSet;

  constructor(options: EmulatorOptions = {}) {
    checkOptions(options, PHASES);
    this.clock = options.clock ?? new VirtualClock();
    this.region = options.region ?? "us-east-1";
    const seed = options.seed ?? 1;
    this.#requestIds = seededRandom(seed ^ 0x5bd1e995);
    this.#requestClock = new RequestClock(this.clock);
    const context = createContext({
      clock: this.#requestClock,
      random: seededRandom(seed),
      seed,
      data: { s3: this.#s3, logs: this.#logs, containers: new ContainerRegistry(options.images ?? []) },
      arnScope: {
        partition: options.partition ?? "aws",
        region: this.region,
        accountId: options.accountId ?? "123456789012",
        preserveArnNameCase: options.preserveArnNameCase ?? false,
      },
      defaults: DEFAULT_DURATIONS,
      durations: options.durations ?? {},
      rules: options.rules ?? [],
      jitter: options.jitter ?? 0,
      listTrainingJobsStatusFilterAfterPage: options.listTrainingJobsStatusFilterAfterPage ?? true,
      requireInputData: options.requireInputData ?? true,
    });
    this.#faults = new FaultSet(options.faults ?? [], {
      seed,
      region: this.region,
      seedFor: context.seedFor,
      runningInstances: (now) => runningInstances(this.#kitOf(trainingJobKind).table.values() as TrainingJobRecord[], now),
    });
    this.#ctx = { ...context, faults: this.#faults };
    this.#logsScope = { region: this.region, accountId: options.accountId ?? "123456789012" };
    this.#kits = createKits(KINDS, this.#ctx, this.#store);
    this.#runtimePort = endpointRuntimePort(this.#kitOf(endpointKind) as unknown as Kit<EndpointRecord>);
    this.#variantDraws = seededRandom(seed ^ 0x27d4eb2f);
    this.#requestLog = new RequestLog(options.requestLog ?? DEFAULT_REQUEST_LOG);
    this.#operations = Object.assign(
      {},
      ...KINDS.map((kind) => kind.operations(this.#kitOf(kind))),
      tagOperations(this.#store),
    ) as Operations;
    this.requestHandler = new EmulatorRequestHandler((request) => this.respond(request));
    // On an auto-advancing VirtualClock nobody may sleep on the clock (the SDK's waiters poll on
    // host timers): it then skips to this emulator's next lifecycle event, one per request.
    (this.clock as { addEventSource?: (next: () => number | undefined) => unknown }).addEventSource?.(() =>
      this.#requestClock.atOneInstant((now) => {
        this.#sync(now);
        return this.#store.nextChange();
      }),
    );
  }

  /** The operations this emulator answers. */
  get operations(): string[] {
    return Object.keys(this.#operations).sort();
  }

  /**
   * Runs one operation on a decoded request; throws ServiceError as the service would answer.
   * The input is validated and copied (only the model's members survive), and the output is a
   * fresh object: nothing the caller holds aliases what the emulator stores, either way.
   */
  call(operation: string, input: Record<string, unknown>): object {
    return structuredClone(this.#call(operation, input));
  }

  /**
   * {@link Emulator.call} without the copy of its output, for the wire, which encodes the output
   * at once (serveWire): the bytes are the copy, and a second one was a tenth of a Describe's cost
   * over HTTP (BENCHMARKS.md).
   */
  #call(operation: string, input: Record<string, unknown>): object {
    const run = (Object.hasOwn(this.#operations, operation) ? this.#operations[operation as OperationName] : undefined) as
      | Operation<OperationName>
      | undefined;
    if (!run) {
      // The real service never answers UnknownOperation for an operation it has: say it is ours.
      if (isModelOperation(operation)) throw unimplementedOperation(operation);
      throw new ServiceError("UnknownOperationException", "");
    }
    const request = validateInput(operation, input) as Parameters<typeof run>[0];
    return this.#requestClock.atOneInstant((now) => {
      this.#sync(now);
      // An injected instance quota refuses the Create before it runs (src/faults/instance-quota.ts).
      if (operation === "CreateTrainingJob") this.#faults.checkQuotas(request as CreateTrainingJobRequest, now);
      const output = run(request);
      // What the operation scheduled for this very instant (a woken tuner) happens before anyone looks.
      this.#sync(now);
      return output;
    });
  }

  /**
   * Answers one request for any service the emulator serves: the shared path of every front door.
   * The router (service-router.ts) picks the service, and the service's wire module reads the
   * request: AWS JSON 1.1 for SageMaker and CloudWatch Logs, REST-XML for S3, REST-JSON for
   * SageMaker Runtime. The whole request sees one instant, and the request log records it.
   */
  serve(request: WireRequest): WireResponse {
    // Every request is an observation of the clock (see VirtualClock.addEventSource).
    const release = holdClock(this.clock);
    try {
      return this.#requestClock.atOneInstant((now) => {
        const service = serviceOf(request);
        this.#requestIdsDrawn++;
        const response = this.#answerOrRefuse(service, request, this.#requestIds.uuid(), now);
        this.#requestLog.record(service, request, response, now);
        this.onServed?.({ service, request, response, at: now, requestIdsBefore: this.#requestIdsDrawn - 1 });
        return response;
      });
    } finally {
      release();
    }
  }

  /**
   * Every request this emulator answered (through any front door), oldest first: the service, the
   * operation, its decoded input, when (epoch ms on its clock), the status and any error code.
   * Keeps the last `requestLog` (option, default 10,000; 0 keeps none); {@link Emulator.reset} clears it.
   *
   * @example
   * await emulator.client().send(new ListTrainingJobsCommand({}));
   * emulator.requests(); // [{ service: "sagemaker", operation: "ListTrainingJobs", input: {}, at: 1767225600000, statusCode: 200 }]
   */
  requests(): ReceivedRequest[] {
    return this.#requestLog.entries();
  }

  /**
   * How many request ids this emulator has drawn (one per request served), and drawing on to
   * `count`. A state dir (persistence/) logs the first with each change and replays to it, so a
   * replayed multipart upload keeps its id (upload ids are request ids) and a new one after a
   * restart never repeats an old one.
   */
  get requestIdsDrawn(): number {
    return this.#requestIdsDrawn;
  }

  skipRequestIdsTo(count: number): void {
    for (; this.#requestIdsDrawn < count; this.#requestIdsDrawn++) this.#requestIds.uuid();
  }

  /**
   * {@link Emulator.serve} after any injected latency (a wall-clock delay on a timer): what every
   * front door awaits, in-process, msw and HTTP alike. Without latency faults it is serve itself.
   */
  async respond(request: WireRequest): Promise<WireResponse> {
    if (this.#faults.hasRequestFaults) {
      const delayMs = this.#requestClock.atOneInstant((now) => this.#faults.delayMs(serviceOf(request), request, now));
      if (delayMs > 0) await wallClockDelay(delayMs);
    }
    return this.serve(request);
  }

  /** An injected throttling or 5xx in the service's own protocol (faults/answers.ts), else the service's answer. */
  #answerOrRefuse(service: ServiceName, request: WireRequest, requestId: string, now: number): WireResponse {
    const refusal = this.#faults.hasRequestFaults ? this.#faults.refusal(service, request, now) : undefined;
    if (refusal === undefined) return this.#answer(service, request, requestId, now);
    const { operation } = refusal.subject;
    return refusalAnswer(refusal.fault, service, request, requestId, operation === undefined ? undefined : { operation, input: {} });
  }

  /** The service's answer, at the request's one instant `now`. */
  #answer(service: ServiceName, request: WireRequest, requestId: string, now: number): WireResponse {
    if (service === "sagemaker") return serveWire(request, (operation, input) => this.#call(operation, input), requestId);
    // Jobs write to S3 and to Logs as their lives unfold: catch up with the clock before either is read.
    this.#sync(now);
    if (service === "s3") return serveS3(request, this.#s3, now, requestId, this.region);
    if (service === "runtime") {
      const context = { requestId, region: this.region, accountId: this.#logsScope.accountId, random: () => this.#variantDraws.next() };
      return serveRuntime(request, this.#runtimePort, context);
    }
    const dispatch = (operation: string, input: Record<string, unknown>) =>
      structuredClone(callLogs(this.#logs, this.#logsScope, operation, input, now));
    return serveWire(request, dispatch, requestId, TARGET_PREFIX.logs);
  }

  /** A SageMakerClient wired to this emulator in-process (test credentials, no retries unless asked). */
  client(config: SageMakerClientConfig = {}): SageMakerClient {
    return this.#wired(new SageMakerClient(this.#clientConfig(config)));
  }

  /**
   * An S3Client wired to this emulator in-process, as {@link Emulator.client} is. Needs
   * `@aws-sdk/client-s3`, which is loaded only when this is called.
   *
   * @example
   * const { S3Client } = await import("@aws-sdk/client-s3");
   * const s3 = emulator.s3Client(S3Client);
   */
  s3Client(S3: new (config: S3ClientConfig) => S3Client, config: S3ClientConfig = {}): S3Client {
    return this.#wired(new S3(this.#clientConfig(config)));
  }

  /**
   * A CloudWatchLogsClient wired to this emulator in-process, as {@link Emulator.s3Client} is.
   * Needs `@aws-sdk/client-cloudwatch-logs`, which is loaded only when this is called.
   *
   * @example
   * const { CloudWatchLogsClient } = await import("@aws-sdk/client-cloudwatch-logs");
   * const logs = emulator.logsClient(CloudWatchLogsClient);
   */
  logsClient(
    Logs: new (config: CloudWatchLogsClientConfig) => CloudWatchLogsClient,
    config: CloudWatchLogsClientConfig = {},
  ): CloudWatchLogsClient {
    return this.#wired(new Logs(this.#clientConfig(config)));
  }

  /**
   * A SageMakerRuntimeClient wired to this emulator in-process: InvokeEndpoint runs the endpoint's
   * model serving code. Needs `@aws-sdk/client-sagemaker-runtime`, loaded only when this is called.
   *
   * @example
   * const { SageMakerRuntimeClient } = await import("@aws-sdk/client-sagemaker-runtime");
   * const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
   */
  runtimeClient(
    Runtime: new (config: SageMakerRuntimeClientConfig) => SageMakerRuntimeClient,
    config: SageMakerRuntimeClientConfig = {},
  ): SageMakerRuntimeClient {
    return this.#wired(new Runtime(this.#clientConfig(config)));
  }

  /**
   * Appends log events to `group`/`stream` in the emulated CloudWatch Logs, creating the group and
   * the stream when they do not exist, ingested now on the emulator's clock: how the emulator's own
   * jobs write their log lines. `timestamp` is epoch milliseconds.
   */
  appendEvents(group: string, stream: string, events: readonly LogEventInput[]): void {
    this.#requestClock.atOneInstant((now) => this.#logs.appendEvents(group, stream, events, now));
  }

  /** Test credentials, this emulator's region, no retries unless asked, and always this emulator's handler. */
  #clientConfig<C extends object>(config: C) {
    return {
      region: this.region,
      credentials: { accessKeyId: "sagerun", secretAccessKey: "sagerun" },
      maxAttempts: 1,
      ...config,
      requestHandler: this.requestHandler,
    };
  }

  /**
   * A send can wait on the host (the SDK's retry back-off sleeps on real timers); a virtual clock
   * must not jump for other tasks meanwhile, so the whole send holds it.
   */
  #wired<T extends SageMakerClient | S3Client | CloudWatchLogsClient | SageMakerRuntimeClient>(client: T): T {
    (client.middlewareStack as SageMakerClient["middlewareStack"]).add(
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
    checkRules(rules, PHASES);
    this.#ctx.setRules([...rules]);
  }

  /** The rules in force, first match first, as they were given (the list is a copy). */
  rules(): EmulatorRule[] {
    return [...this.#ctx.rules()];
  }

  /**
   * Replaces the injected faults (src/faults/types.ts); an empty list clears them. Jobs already
   * created keep the plan they got. Checked like the constructor's `faults`.
   */
  setFaults(faults: readonly EmulatorFault[]): void {
    this.#faults.replace(faults);
  }

  /** The injected faults, as they were given. */
  faults(): EmulatorFault[] {
    return [...this.#faults.list()];
  }

  /** Forgets every resource, every S3 bucket, every log group and the request log (the clock keeps its time). */
  reset(): void {
    this.#requestLog.clear();
    this.#store.clear();
    this.#s3.clear();
    this.#logs.clear();
  }

  /**
   * A JSON-ready dump of every resource as Describe shows it now, and under `s3Buckets` every
   * bucket with its objects' keys, sizes and ETags (not their bytes), and under `logGroups` every
   * log group with its streams and how many events each holds (not the events).
   */
  state(): Record<string, unknown[]> {
    return this.#requestClock.atOneInstant((now) => {
      this.#sync(now);
      const dump: Record<string, unknown[]> = {};
      for (const kind of KINDS) {
        const kit = this.#kitOf(kind);
        dump[kind.key] = kit.table.values().map((row) => structuredClone(kind.describe(row, now, kit)));
      }
      dump.s3Buckets = this.#s3.state();
      dump.logGroups = this.#logs.state();
      return dump;
    });
  }

  /** When the next resource changes on its own (a status, a child launch), if anything will. */
  nextChange(): number | undefined {
    return this.#store.nextChange();
  }

  #kitOf(kind: AnyKind): Kit<StoredRecord> {
    return this.#kits.get(kind)!;
  }

  /** Brings every resource whose life changed by `now` up to date: only those, never the whole store. */
  #sync(now: number): void {
    this.#store.advance(now, (spec, row, at) => {
      const kind = spec as AnyKind;
      // Handled at the instant it came due, not when a request first looked (decision 0006): a
      // pipeline step waiting on a job that ended at `at` starts at `at` even after a long jump.
      this.#requestClock.at(at, () => kind.onDue?.(row, at, this.#kitOf(kind)));
    });
    this.#logs.reveal(now);
  }
}

export function createEmulator(options?: EmulatorOptions): Emulator {
  return new Emulator(options);
}
