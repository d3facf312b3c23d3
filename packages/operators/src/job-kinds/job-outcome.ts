import {
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  MaxWaitTimeExceededError,
  type JobErrorInit,
  type JsonDescription,
} from "../errors/index.js";
import type { JobDescription, JobKind, JobOutcome, OutcomeRule } from "./job-kind.js";

/** The primary and secondary status of a description. */
export interface JobStatus {
  readonly status: string;
  readonly secondaryStatus: string | undefined;
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
 * if (error) throw error; // JobFailedError, JobStoppedError, MaxRuntimeExceededError or MaxWaitTimeExceededError
 * ```
 */
export function outcomeError<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  description: JobDescription<O>,
): JobFailedError | JobStoppedError | MaxRuntimeExceededError | MaxWaitTimeExceededError | undefined {
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
    case "maxWaitTimeExceeded":
      return new MaxWaitTimeExceededError({ ...init, maxWaitTimeSeconds: kind.maxWaitTimeSeconds?.(description) });
  }
}

function stringMember(record: JsonDescription, field: string): string | undefined {
  const value = record[field];
  return typeof value === "string" ? value : undefined;
}
