/**
 * Local structural types for the parts of the optional peer `@sagerun/emulator` that
 * `createBackend` exposes, its options included (copied from the emulator's src/options.ts).
 * Written out here, not derived with `typeof import("@sagerun/emulator")`, so that this package's
 * published .d.ts never names the peer: a project that talks only to AWS and never installed the
 * emulator must still type-check. The compiler keeps the copies honest:
 * `internal/load-emulator.ts` assigns the real module to {@link EmulatorModule}, which stops
 * compiling if these types and the emulator's drift apart.
 */
import type { SageMakerClient, SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import type { AwsServiceClient } from "./backend.js";

/** The emulator `createBackend` started: the members an operator user needs. */
export interface Emulator {
  /** The clock the emulator's lifecycles play on (the backend's `clock`). */
  readonly clock: Clock;
  readonly region: string;
  /** The operations this emulator answers. */
  readonly operations: string[];
  /** Another SageMakerClient wired to this emulator in-process. */
  client(config?: SageMakerClientConfig): SageMakerClient;
  /**
   * A CloudWatchLogsClient wired to this emulator in-process, for the operators' `logs` option:
   * `emulator.logsClient(CloudWatchLogsClient)`, the class from `@aws-sdk/client-cloudwatch-logs`.
   */
  logsClient(Logs: new (config: object) => AwsServiceClient, config?: object): AwsServiceClient;
  /**
   * An S3Client wired to this emulator in-process: `emulator.s3Client(S3Client)`, the class from
   * `@aws-sdk/client-s3`. `backend.s3()` calls it for you.
   */
  s3Client(S3: new (config: object) => AwsServiceClient, config?: object): AwsServiceClient;
  /**
   * A SageMakerRuntimeClient wired to this emulator in-process (InvokeEndpoint):
   * `emulator.runtimeClient(SageMakerRuntimeClient)`, from `@aws-sdk/client-sagemaker-runtime`.
   * `backend.runtime()` calls it for you.
   */
  runtimeClient(Runtime: new (config: object) => AwsServiceClient, config?: object): AwsServiceClient;
  /** Forgets every resource (the clock keeps its time). */
  reset(): void;
  /** A JSON-ready dump of every resource as Describe shows it now. */
  state(): Record<string, unknown[]>;
}

/** The one export of `@sagerun/emulator` that `createBackend` uses. */
export interface EmulatorModule {
  readonly createEmulator: (options?: EmulatorOptions) => Emulator;
}

/** Durations of lifecycle phases, in seconds. Each resource kind reads the phases it has. */
interface EmulatorPhaseDurations {
  /** Training: instances launching (SecondaryStatus Starting). */
  startingSeconds?: number;
  /** Training: input data download (SecondaryStatus Downloading, File mode only). */
  downloadingSeconds?: number;
  /** Training: the algorithm running (SecondaryStatus Training). */
  trainingSeconds?: number;
  /** Training: model artifacts upload (SecondaryStatus Uploading). */
  uploadingSeconds?: number;
  /** Every job kind: from a stop request (or a runtime limit) to Stopped. */
  stoppingSeconds?: number;
  /** Processing and transform jobs: provisioning before the container starts. */
  provisioningSeconds?: number;
  /** Processing and transform jobs: the container running. */
  runningSeconds?: number;
  /** Endpoints: Creating → InService. */
  creatingSeconds?: number;
  /** Endpoints: Updating → InService. */
  updatingSeconds?: number;
  /** Endpoints: Deleting → gone. */
  deletingSeconds?: number;
}

/** How a job ends when nothing stops it first. */
type Outcome =
  | { readonly status: "Completed" }
  | {
      readonly status: "Failed";
      /** SageMaker's form is `<Category>: <text>`, e.g. `AlgorithmError: …` or `CapacityError: …`. */
      readonly failureReason?: string;
      /** Seconds after the main phase began that the failure is detected. @default half of it */
      readonly afterSeconds?: number;
    };

interface RuleMatch {
  /** The resource's name: exact string (case-insensitive) or a pattern. */
  readonly name?: string | RegExp;
  /** The container image (TrainingImage, AppSpecification.ImageUri, the model's Image). */
  readonly image?: string | RegExp;
  /** Hyperparameters that must all be present with these values. */
  readonly hyperParameters?: Readonly<Record<string, string | RegExp>>;
}

/**
 * Per-resource overrides: the first rule whose `match` fits a new resource fixes its durations,
 * outcome and reported metrics. Rules are read at creation; the plan never changes afterwards.
 */
interface EmulatorRule {
  readonly match?: RuleMatch;
  readonly durations?: EmulatorPhaseDurations;
  readonly outcome?: Outcome;
  /** Final metric values a training job reports (FinalMetricDataList; tuning objectives). */
  readonly metrics?: Readonly<Record<string, number>>;
}

export interface EmulatorOptions {
  /** The clock every lifecycle is played on. @default a new VirtualClock (auto-advancing) */
  clock?: Clock;
  /** Seeds request ids, name suffixes, metric values and duration jitter. @default 1 */
  seed?: number;
  /** @default "us-east-1" */
  region?: string;
  /** @default "123456789012" */
  accountId?: string;
  /** @default "aws" */
  partition?: string;
  /** Keep names' case in ARNs (SageMaker lower-cases them). @default false */
  preserveArnNameCase?: boolean;
  /** Phase durations for every resource, in seconds; rules override them per resource. */
  durations?: EmulatorPhaseDurations;
  /** Scales each planned phase by a seeded factor in [1 - jitter, 1 + jitter]. @default 0 */
  jitter?: number;
  /** Per-resource durations, outcomes and metrics; the first matching rule applies. */
  rules?: readonly EmulatorRule[];
  /**
   * ListTrainingJobs pages first and filters by StatusEquals afterwards, as documented, so pages
   * can come back short or empty with a NextToken. @default true
   */
  listTrainingJobsStatusFilterAfterPage?: boolean;
  /**
   * Code the emulator runs for container images, besides its built-in algorithms: type each
   * entry with `ImageCode` from `@sagerun/emulator` for typed `train`, `process` and `serve`.
   */
  images?: readonly EmulatorImageCode[];
  /** Refuse a job whose S3 input names no object, as SageMaker does. @default true */
  requireInputData?: boolean;
  /** How many requests `emulator.requests()` keeps (0: none). @default 10000 */
  requestLog?: number;
}

/** The shape of the emulator's `ImageCode` (an image and the code that runs for it), structurally. */
export interface EmulatorImageCode {
  readonly image: string | RegExp;
  train?(input: unknown, io: unknown): void;
  process?(input: unknown, io: unknown): void;
  serve?(
    files: ReadonlyMap<string, Uint8Array>,
    environment: Readonly<Record<string, string>>,
  ): {
    invoke(request: { readonly body: Uint8Array; readonly contentType: string; readonly accept?: string | undefined }): {
      readonly body: Uint8Array | string;
      readonly contentType: string;
    };
  };
}
