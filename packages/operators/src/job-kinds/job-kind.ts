import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import {
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  type JobErrorInit,
  type JsonDescription,
} from "../errors.js";
import { toJsonSafe, type JsonSafe } from "../json-safe.js";

/** A kind's Describe output as sagerun hands it out: JSON-safe, without the SDK's `$metadata`. */
export type JobDescription<Output> = JsonSafe<Omit<Output, "$metadata">>;

/**
 * What a status means for a waiting caller. `running` keeps polling; `completed` is the only
 * success; the rest end the wait with {@link JobFailedError}, {@link JobStoppedError} or
 * {@link MaxRuntimeExceededError}.
 */
export type JobOutcome = "running" | "completed" | "failed" | "stopped" | "maxRuntimeExceeded";

/** An outcome, or a function of the description when the primary status alone is not enough. */
export type OutcomeRule<D> = JobOutcome | ((description: D) => JobOutcome);

/**
 * Everything generic code needs to create, watch and stop one kind of SageMaker job, as data:
 * the generated AWS waiters copy the same `checkState` into every kind
 * (aws-sdk-js-v3 `waitForTrainingJobCompletedOrStopped.ts` and siblings); here each kind is one
 * file (`job-kinds/training.ts`, later processing, transform, tuning) and `runJob`/`waitForJob`
 * serve them all (STYLE.md lesson 6).
 *
 * @typeParam Input - the Create request, e.g. `CreateTrainingJobCommandInput`
 * @typeParam Output - the Describe response, e.g. `DescribeTrainingJobCommandOutput`
 * @typeParam Status - the primary status enum; {@link JobKind.outcomes} must cover every value
 */
export interface JobKind<Input extends object, Output extends object, Status extends string> {
  /** The kind in words, for messages: `"training job"`. */
  readonly label: string;
  /** The Create member that carries the job's name: `"TrainingJobName"`. */
  readonly nameField: keyof Input & string;
  /** The Describe member with the primary status: `"TrainingJobStatus"`. */
  readonly statusField: keyof Output & string;
  /** The Describe member with the secondary status, when the kind has one: `"SecondaryStatus"`. */
  readonly secondaryStatusField?: keyof Output & string;
  /** The Describe member with SageMaker's failure text: `"FailureReason"`. */
  readonly failureReasonField: keyof Output & string;
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
  /** The runtime limit the job was given, quoted by {@link MaxRuntimeExceededError}. */
  readonly maxRuntimeSeconds?: (description: JobDescription<Output>) => number | undefined;
}

/** The primary and secondary status of a description. */
export interface JobStatus {
  readonly status: string;
  readonly secondaryStatus: string | undefined;
}

/**
 * One Describe call, handed out JSON-safe and without `$metadata` (request ids and retry counts
 * describe the HTTP exchange, not the job; airflow-sagemaker-operators.md §6 item 6 leaves it optional).
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
  abortSignal?: AbortSignal,
): Promise<JobDescription<O>> {
  const output: Record<string, unknown> = { ...(await kind.commands.describe(client, jobName, abortSignal)) } as Record<string, unknown>;
  delete output["$metadata"];
  return toJsonSafe(output) as JobDescription<O>;
}

/**
 * Reads the status members named by the kind.
 *
 * @example
 * ```ts
 * jobStatus(trainingJob, d); // { status: "InProgress", secondaryStatus: "Training" }
 * ```
 */
export function jobStatus<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  description: JobDescription<O>,
): JobStatus {
  const record = description as JsonDescription;
  return {
    status: stringMember(record, kind.statusField) ?? "Unknown",
    secondaryStatus: kind.secondaryStatusField ? stringMember(record, kind.secondaryStatusField) : undefined,
  };
}

/**
 * Looks the status up in the kind's table.
 *
 * @example
 * ```ts
 * jobOutcome(trainingJob, { TrainingJobStatus: "Stopped", SecondaryStatus: "MaxRuntimeExceeded", … }); // "maxRuntimeExceeded"
 * ```
 */
export function jobOutcome<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  description: JobDescription<O>,
): JobOutcome {
  const table = kind.outcomes as Readonly<Record<string, OutcomeRule<JobDescription<O>> | undefined>>;
  const rule = table[jobStatus(kind, description).status] ?? "running";
  return typeof rule === "function" ? rule(description) : rule;
}

/**
 * The error a finished, unsuccessful job ends the wait with; `undefined` while it runs or once
 * it completed.
 *
 * @example
 * ```ts
 * const error = outcomeError(trainingJob, "nightly", description);
 * if (error) throw error; // JobFailedError, JobStoppedError or MaxRuntimeExceededError
 * ```
 */
export function outcomeError<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  description: JobDescription<O>,
): JobFailedError | JobStoppedError | MaxRuntimeExceededError | undefined {
  const init: JobErrorInit = { jobKind: kind.label, jobName, ...jobStatus(kind, description), description: description as JsonDescription };
  switch (jobOutcome(kind, description)) {
    case "running":
    case "completed":
      return undefined;
    case "failed":
      return new JobFailedError({ ...init, failureReason: stringMember(init.description, kind.failureReasonField) });
    case "stopped":
      return new JobStoppedError(init);
    case "maxRuntimeExceeded":
      return new MaxRuntimeExceededError({ ...init, maxRuntimeSeconds: kind.maxRuntimeSeconds?.(description) });
  }
}

function stringMember(record: JsonDescription, field: string): string | undefined {
  const value = record[field];
  return typeof value === "string" ? value : undefined;
}
