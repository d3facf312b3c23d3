import type { Clock } from "./clock.js";

/**
 * The emulator's configuration, part of the backend contract: `@sagerun/emulator` takes it and
 * `@sagerun/operators` passes it through `createBackend`, without either package naming the other
 * in its published types (the emulator is an optional peer of the operators).
 */

/** Durations of lifecycle phases, in seconds. Each resource kind reads the phases it has. */
export interface PhaseDurations {
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
export type Outcome =
  | { readonly status: "Completed" }
  | {
      readonly status: "Failed";
      /** SageMaker's form is `<Category>: <text>` (sagemaker-semantics.md §5.1 FailureReason). */
      readonly failureReason?: string;
      /** Seconds after the main phase began that the failure is detected. @default half of it */
      readonly afterSeconds?: number;
    };

export interface RuleMatch {
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
export interface EmulatorRule {
  readonly match?: RuleMatch;
  readonly durations?: PhaseDurations;
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
  durations?: PhaseDurations;
  /** Scales each planned phase by a seeded factor in [1 - jitter, 1 + jitter]. @default 0 */
  jitter?: number;
  /** Per-resource durations, outcomes and metrics; the first matching rule applies. */
  rules?: readonly EmulatorRule[];
  /**
   * ListTrainingJobs pages first and filters by StatusEquals afterwards, as documented, so pages
   * can come back short or empty with a NextToken. @default true
   */
  listTrainingJobsStatusFilterAfterPage?: boolean;
}
