import {
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  MaxWaitTimeExceededError,
  type JobErrorInit,
  type JsonDescription,
} from "../errors/index.js";
import type { JobLogLine } from "../logs/logs-options.js";
import type { JobDescription, JobKind, JobOutcome, OutcomeRule } from "./job-kind.js";

/** The primary and secondary status of a description. */
interface JobStatus {
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
 * The one verdict on a job: `"running"` or `"completed"`, or the error its unsuccessful end
 * stands for, thrown: `JobFailedError` (with `FailureReason`), `JobStoppedError`,
 * `MaxRuntimeExceededError` or `MaxWaitTimeExceededError`. Waiting, reattaching and skipping
 * all judge a description here, so a finished job means the same whichever way it was reached.
 * `logTail`, the job's last log lines when a wait streamed them, goes into the error.
 *
 * @example
 * ```ts
 * if (judgeJob(trainingJob, "nightly", description) === "completed") return description;
 * ```
 */
export function judgeJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  jobName: string,
  description: JobDescription<O>,
  logTail?: readonly JobLogLine[],
): "running" | "completed" {
  const outcome = jobOutcome(kind, description);
  if (outcome === "running" || outcome === "completed") return outcome;
  const init: JobErrorInit = {
    jobKind: kind.label,
    jobName,
    ...jobStatus(kind, description),
    description: description as JsonDescription,
    logTail,
  };
  switch (outcome) {
    case "failed":
      throw new JobFailedError({ ...init, failureReason: stringMember(init.description, kind.failureReasonField) });
    case "stopped":
      throw new JobStoppedError(init);
    case "maxRuntimeExceeded":
      throw new MaxRuntimeExceededError({ ...init, maxRuntimeSeconds: kind.maxRuntimeSeconds?.(description) });
    case "maxWaitTimeExceeded":
      throw new MaxWaitTimeExceededError({ ...init, maxWaitTimeSeconds: kind.maxWaitTimeSeconds?.(description) });
  }
}

function stringMember(record: JsonDescription, field: string): string | undefined {
  const value = record[field];
  return typeof value === "string" ? value : undefined;
}
