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
export type { CreateBackendOptions, SagerunBackend } from "./backend.js";
export type { Emulator, EmulatorOptions, EmulatorPhaseDurations, EmulatorRule } from "./emulator-types.js";

/* Job kinds */
export { trainingJob } from "./job-kinds/training.js";
export { describeJob } from "./job-kinds/job-kind.js";
export type { JobKind, JobDescription, JobOutcome, OutcomeRule } from "./job-kinds/job-kind.js";
export { jobOutcome, jobStatus, outcomeError } from "./job-kinds/job-outcome.js";
export type { JobStatus } from "./job-kinds/job-outcome.js";

/* Naming */
export { resolveJobName, resolveNameConflictPolicy, DEFAULT_NAME_CONFLICT_POLICY } from "./naming/name-conflict.js";
export type { NameConflictPolicy, NameResolution, ResolveJobNameOptions } from "./naming/name-conflict.js";
export { findJob } from "./naming/find-job.js";
export { timestampName, incrementName, MAX_JOB_NAME_LENGTH } from "./naming/job-names.js";
export { RUN_ID_TAG_KEY } from "./create/run-tag.js";

/* Waiting */
export { waitForJob } from "./wait/wait-for-job.js";
export type { WaitForJobOptions } from "./wait/wait-for-job.js";
export { watchJob } from "./wait/watch-job.js";
export type { JobStatusEvent, WatchJobOptions } from "./wait/watch-job.js";
export { resolveWaitOptions, DEFAULT_CHECK_INTERVAL_SECONDS, MAX_CONSECUTIVE_TRANSIENT_ERRORS } from "./wait/wait-options.js";
export type { WaitOptions, ResolvedWaitOptions } from "./wait/wait-options.js";

/* Errors */
export {
  SagerunError,
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  MaxWaitTimeExceededError,
  WaitTimeoutError,
  WaitFailedError,
  NameConflictError,
  EmulatorNotInstalledError,
} from "./errors/index.js";
export type {
  AnySagerunError,
  SagerunErrorCode,
  JobErrorInit,
  JobRef,
  JsonDescription,
  WaitFailedInit,
  WaitTimeoutInit,
} from "./errors/index.js";

/* Utilities */
export { toJsonSafe } from "./json-safe.js";
export type { JsonSafe } from "./json-safe.js";
