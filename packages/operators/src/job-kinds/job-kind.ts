import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { raceAbort } from "../internal/race-abort.js";
import { toJsonSafe, type JsonSafe } from "../json-safe.js";
import type { TestModeJobKind } from "../test-mode/profile/apply-test-mode.js";

/** A kind's Describe output as sagerun hands it out: JSON-safe, without the SDK's `$metadata`. */
export type JobDescription<Output> = JsonSafe<Omit<Output, "$metadata">>;

/**
 * What a status means for a waiting caller. `running` keeps polling; `completed` is the only
 * success; the rest end the wait with `JobFailedError`, `JobStoppedError`,
 * `MaxRuntimeExceededError` or `MaxWaitTimeExceededError` (see `judgeJob`).
 */
export type JobOutcome = "running" | "completed" | "failed" | "stopped" | "maxRuntimeExceeded" | "maxWaitTimeExceeded";

/** An outcome, or a function of the description when the primary status alone is not enough. */
export type OutcomeRule<D> = JobOutcome | ((description: D) => JobOutcome);

/**
 * Everything generic code needs to create, watch and stop one kind of SageMaker job, as data:
 * the generated AWS waiters copy the same `checkState` into every kind
 * (aws-sdk-js-v3 `waitForTrainingJobCompletedOrStopped.ts` and siblings); here each kind is one
 * file (`job-kinds/training.ts`, later processing, transform, tuning) and `runJob`/`waitForJob`
 * serve them all.
 *
 * @typeParam Input - the Create request, e.g. `CreateTrainingJobCommandInput`
 * @typeParam Output - the Describe response, e.g. `DescribeTrainingJobCommandOutput`
 * @typeParam Status - the primary status enum; {@link JobKind.outcomes} must cover every value
 */
export interface JobKind<Input extends object, Output extends object, Status extends string> {
  /** The kind in words, for messages: `"training job"`. */
  readonly label: string;
  /** The name this descriptor is exported under, for messages that show code: `"trainingJob"`. */
  readonly exportName: string;
  /** The Create member that carries the job's name: `"TrainingJobName"`. */
  readonly nameField: keyof Input & string;
  /** The longest name the kind takes, where shorter than SageMaker's usual 63: tuning jobs, 32. */
  readonly maxNameLength?: number;
  /** The Create member with the job's tags, where sagerun adds its run id: `"Tags"`. */
  readonly tagsField: keyof Input & string;
  /** The Describe member with the job's ARN, which ListTags takes: `"TrainingJobArn"`. */
  readonly arnField: keyof Output & string;
  /** The Describe member with the primary status: `"TrainingJobStatus"`. */
  readonly statusField: keyof Output & string;
  /** The Describe member with the secondary status, when the kind has one: `"SecondaryStatus"`. */
  readonly secondaryStatusField?: keyof Output & string;
  /** The Describe member with SageMaker's failure text: `"FailureReason"`. */
  readonly failureReasonField: keyof Output & string;
  /**
   * The CloudWatch Logs group the kind's containers write to, one stream per instance named
   * `<job name>/…`: `"/aws/sagemaker/TrainingJobs"` (`/aws/sagemaker/ProcessingJobs`,
   * `/aws/sagemaker/TransformJobs`). Without it the kind's waits cannot take the `logs` option.
   */
  readonly logGroup?: string;
  /** How the operators' `testMode` option shrinks the kind's Create request (`applyTestMode`'s kind). Without it the option is refused. */
  readonly testModeKind?: TestModeJobKind;
  /** One SDK call each; `describe` may be cancelled, `create` and `stop` must run to the end. */
  readonly commands: {
    readonly create: (client: SageMakerClient, input: Input) => Promise<unknown>;
    readonly describe: (client: SageMakerClient, name: string, abortSignal?: AbortSignal) => Promise<Output>;
    readonly stop: (client: SageMakerClient, name: string) => Promise<unknown>;
  };
  /**
   * The one terminal-state table of the kind: every primary status → what it means. A status
   * missing at run time (one AWS adds later) counts as `running`, so the wait's deadline still holds.
   */
  readonly outcomes: { readonly [S in Status]: OutcomeRule<JobDescription<Output>> };
  /** The runtime limit the job was given, quoted by `MaxRuntimeExceededError`. */
  readonly maxRuntimeSeconds?: (description: JobDescription<Output>) => number | undefined;
  /** The spot wait limit the job was given, quoted by `MaxWaitTimeExceededError`. */
  readonly maxWaitTimeSeconds?: (description: JobDescription<Output>) => number | undefined;
}

/**
 * The five primary statuses every SageMaker job kind shares, and what each means: the one table
 * each kind's `outcomes` starts from, adding its own (tuning's and training's `Deleting`) or
 * refining one (training's `Stopped` by its secondary status).
 */
export const JOB_OUTCOMES = {
  InProgress: "running",
  Stopping: "running",
  Completed: "completed",
  Failed: "failed",
  Stopped: "stopped",
} as const satisfies Record<string, JobOutcome>;

/**
 * The SDK's per-send options for an optional signal (`exactOptionalPropertyTypes` refuses
 * `{ abortSignal: undefined }`): what every kind's `describe` passes to `client.send`.
 */
export function sendOptions(abortSignal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return abortSignal === undefined ? {} : { abortSignal };
}

/**
 * One Describe call, handed out JSON-safe and without `$metadata` (request ids and retry counts
 * describe the HTTP exchange, not the job). An aborted `signal` rejects with its reason at once:
 * the SDK is given the signal too, but a custom `requestHandler` may ignore it.
 *
 * @example
 * ```ts
 * const d = await describeJob(trainingJob, client, "nightly");
 * d.CreationTime; // "2026-01-01T00:00:00.000Z"
 * ```
 */
export async function describeJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
  signal?: AbortSignal,
): Promise<JobDescription<O>> {
  const answer = await raceAbort(kind.commands.describe(client, jobName, signal), signal);
  const output: Record<string, unknown> = { ...answer } as Record<string, unknown>;
  delete output.$metadata;
  return toJsonSafe(output) as JobDescription<O>;
}
