import type { Clock } from "@sagerun/transport";
import type { ImageCode } from "./containers/contract.js";
import { checkFaults } from "./faults/check.js";
import type { EmulatorFault } from "./faults/types.js";

/**
 * The emulator's configuration: `createEmulator(options)`, `createBackend({ emulator: options })`
 * and `sagerun-emulator serve --config FILE` all take it. {@link checkOptions} refuses anything
 * misspelled, so a typo never silently turns a rule into "match everything".
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
      /** SageMaker's form is `<Category>: <text>` (docs/fidelity.md §5.1, FailureReason). */
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
  /**
   * Code to run for container images (training, processing, serving), besides the built-in
   * algorithms the emulator recognises by image (k-NN, linear learner): the first match wins.
   */
  images?: readonly ImageCode[];
  /**
   * Refuse, as SageMaker does, a training or transform job whose S3 input names no object
   * (ValidationException "No S3 objects found under S3 URL …"). Turn it off to play lifecycles
   * without uploading data first: such jobs are then accepted and their channels are empty.
   * @default true
   */
  requireInputData?: boolean;
  /**
   * How many requests `emulator.requests()` keeps, the most recent ones: each holds the input the
   * service decoded anyway (no payloads), so keeping them is cheap. 0 keeps none.
   * @default 10000
   */
  requestLog?: number;
  /**
   * Faults to inject, as the real service throws them: throttling, 5xx and latency on requests
   * (by rate, by what they name, in a window of virtual time), and at CreateTrainingJob instance
   * quotas, CapacityError and InternalServerError failures and managed spot interruptions
   * (src/faults/types.ts; docs/fidelity.md §13). `emulator.setFaults` replaces them at run time.
   */
  faults?: readonly EmulatorFault[];
}

/** The keys each option object may have, to refuse misspellings (`nmae`, `trainSeconds`). */
const KNOWN = {
  options: [
    "clock",
    "seed",
    "region",
    "accountId",
    "partition",
    "preserveArnNameCase",
    "durations",
    "jitter",
    "rules",
    "listTrainingJobsStatusFilterAfterPage",
    "images",
    "requireInputData",
    "requestLog",
    "faults",
  ],
  rule: ["match", "durations", "outcome", "metrics"],
  match: ["name", "image", "hyperParameters"],
  outcome: ["status", "failureReason", "afterSeconds"],
  image: ["image", "train", "process", "serve"],
} as const satisfies Record<string, readonly string[]>;

/**
 * Refuses options the emulator cannot honour, before any resource is planned with them: unknown
 * keys (listing the known ones), durations that would make time run backwards, outcomes and
 * metrics of the wrong kind. Programmer errors, so TypeError/RangeError.
 */
export function checkOptions(options: EmulatorOptions, phases: readonly string[]): void {
  checkObject(options, "options", KNOWN.options);
  if (options.durations !== undefined) checkDurations(options.durations, "durations", phases);
  if (options.jitter !== undefined && !(typeof options.jitter === "number" && options.jitter >= 0 && options.jitter < 1)) {
    throw new RangeError(`jitter [${String(options.jitter)}] must be a number from 0 (no jitter) up to, not including, 1.`);
  }
  if (options.requestLog !== undefined && !(Number.isSafeInteger(options.requestLog) && options.requestLog >= 0)) {
    throw new RangeError(
      `requestLog [${String(options.requestLog)}] must be a whole number of requests to keep, 0 or more (0 keeps none).`,
    );
  }
  if (options.rules !== undefined) checkRules(options.rules, phases);
  if (options.images !== undefined) checkImages(options.images);
  if (options.faults !== undefined) checkFaults(options.faults);
}

/**
 * Each image registration names its image and gives only functions for what it runs: at creation,
 * and for `sagerun-emulator serve --images FILE` before the emulator is made.
 */
export function checkImages(images: readonly ImageCode[]): void {
  if (!Array.isArray(images)) throw new TypeError(`images must be an array of image registrations, got ${describe(images)}.`);
  images.forEach((code, i) => {
    const where = `images[${i}]`;
    checkObject(code, where, KNOWN.image);
    if (code.image === undefined) throw new TypeError(`${where}.image is required: the image URI (a string) or a RegExp.`);
    checkPattern(code.image, `${where}.image`);
    for (const part of ["train", "process", "serve"] as const) {
      if (code[part] !== undefined && typeof code[part] !== "function") {
        throw new TypeError(`${where}.${part} must be a function, got ${describe(code[part])}.`);
      }
    }
    if (code.train === undefined && code.process === undefined && code.serve === undefined) {
      throw new TypeError(`${where} gives no code: set train, process or serve.`);
    }
  });
}

/** Checks rules on their own: at creation, and when they are replaced at run time. */
export function checkRules(rules: readonly EmulatorRule[], phases: readonly string[]): void {
  if (!Array.isArray(rules)) throw new TypeError(`rules must be an array of rules, got ${describe(rules)}.`);
  rules.forEach((rule, i) => {
    const where = `rules[${i}]`;
    checkObject(rule, where, KNOWN.rule);
    if (rule.match !== undefined) checkRuleMatch(rule.match, `${where}.match`);
    if (rule.durations !== undefined) checkDurations(rule.durations, `${where}.durations`, phases);
    const outcome = rule.outcome;
    if (outcome !== undefined) {
      checkObject(outcome, `${where}.outcome`, KNOWN.outcome);
      if (outcome.status !== "Completed" && outcome.status !== "Failed") {
        throw new TypeError(
          `${where}.outcome.status [${String((outcome as { status: unknown }).status)}] must be "Completed" or "Failed".`,
        );
      }
      if (outcome.status === "Failed" && outcome.afterSeconds !== undefined)
        checkSeconds(outcome.afterSeconds, `${where}.outcome.afterSeconds`);
      if (outcome.status === "Failed" && outcome.failureReason !== undefined && typeof outcome.failureReason !== "string") {
        throw new TypeError(`${where}.outcome.failureReason must be a string, got ${describe(outcome.failureReason)}.`);
      }
    }
    if (rule.metrics !== undefined) {
      checkObject(rule.metrics, `${where}.metrics`);
      for (const [metric, value] of Object.entries(rule.metrics)) {
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw new RangeError(`${where}.metrics[${JSON.stringify(metric)}] [${String(value)}] must be a finite number.`);
        }
      }
    }
  });
}

/** A rule's `match` (also a job fault's): known keys, patterns that are strings or RegExps. */
export function checkRuleMatch(match: RuleMatch, where: string): void {
  checkObject(match, where, KNOWN.match);
  for (const key of ["name", "image"] as const) checkPattern(match[key], `${where}.${key}`);
  if (match.hyperParameters !== undefined) {
    checkObject(match.hyperParameters, `${where}.hyperParameters`);
    for (const [name, value] of Object.entries(match.hyperParameters)) {
      checkPattern(value, `${where}.hyperParameters[${JSON.stringify(name)}]`);
    }
  }
}

/** Every phase duration must be one of `phases` (the kinds' own) and a finite number of seconds, 0 or more. */
function checkDurations(durations: PhaseDurations, where: string, phases: readonly string[]): void {
  checkObject(durations, where, phases);
  for (const [phase, value] of Object.entries(durations)) {
    if (value !== undefined) checkSeconds(value, `${where}.${phase}`);
  }
}

export function checkSeconds(value: unknown, where: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${where} [${String(value)}] must be a finite number of seconds, 0 or more.`);
  }
}

export function checkPattern(value: unknown, where: string): void {
  if (value !== undefined && typeof value !== "string" && !(value instanceof RegExp)) {
    throw new TypeError(`${where} must be a string or a RegExp, got ${describe(value)}.`);
  }
}

/** A plain object whose keys are all in `known` (any keys when `known` is omitted). */
export function checkObject(value: unknown, where: string, known?: readonly string[]): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object, got ${describe(value)}.`);
  }
  if (!known) return;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new TypeError(`${where} has an unknown key ${JSON.stringify(key)}; the known keys are ${known.join(", ")}.`);
    }
  }
}

export function describe(value: unknown): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}
