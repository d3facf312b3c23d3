/**
 * @module
 * Operators for Amazon SageMaker jobs in the spirit of Apache Airflow's SageMaker operators: one
 * call creates a job with a collision-safe name, waits for it on an injectable clock, and returns
 * its final description as plain JSON, or throws a typed error that says what happened. Run them
 * against AWS or, with `SAGERUN_BACKEND=emulator`, against the in-memory `@sagerun/emulator`.
 */

/* Operators */
export { runTrainingJob } from "./run-training-job.js";
export type { RunTrainingJobOptions, TrainingJobDescription } from "./run-training-job.js";
export { runJob } from "./run-job.js";
export type { RunJobOptions, RunJobResult } from "./run-job.js";

/* Backends */
export { createBackend } from "./backend.js";
export type { CreateBackendOptions, SagerunBackend, Emulator, EmulatorOptions } from "./backend.js";

/* Job kinds */
export { trainingJob } from "./job-kinds/training.js";
export { describeJob, jobOutcome, jobStatus, outcomeError } from "./job-kinds/job-kind.js";
export type { JobKind, JobDescription, JobOutcome, JobStatus, OutcomeRule } from "./job-kinds/job-kind.js";

/* Naming */
export {
  resolveJobName,
  resolveNameConflictPolicy,
  findJob,
  timestampName,
  incrementName,
  DEFAULT_NAME_CONFLICT_POLICY,
  MAX_JOB_NAME_LENGTH,
} from "./naming/name-conflict.js";
export type { NameConflictPolicy, NameResolution, ResolveJobNameOptions } from "./naming/name-conflict.js";

/* Waiting */
export { waitForJob, watchJob } from "./wait/wait-for-job.js";
export type { JobStatusEvent, WaitForJobOptions, WatchJobOptions } from "./wait/wait-for-job.js";
export { resolveWaitOptions, DEFAULT_CHECK_INTERVAL_SECONDS } from "./wait/wait-options.js";
export type { WaitOptions, ResolvedWaitOptions } from "./wait/wait-options.js";

/* Errors */
export {
  SagerunError,
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  WaitTimeoutError,
  NameConflictError,
  EmulatorNotInstalledError,
} from "./errors.js";
export type { AnySagerunError, SagerunErrorCode, JobErrorInit, JsonDescription, WaitTimeoutInit } from "./errors.js";

/* Utilities */
export { toJsonSafe } from "./json-safe.js";
export type { JsonSafe } from "./json-safe.js";
