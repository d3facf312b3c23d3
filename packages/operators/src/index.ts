/**
 * @module
 * Operators for Amazon SageMaker jobs in the spirit of Apache Airflow's SageMaker operators: one
 * call creates a job with a collision-safe name, waits for it on the backend's clock, and returns
 * its final description as plain JSON, or throws a typed error that says what happened. Run them
 * against AWS or, with `SAGERUN_BACKEND=emulator`, against the in-memory `@sagerun/emulator`.
 *
 * Everything exported here is public and listed in `test/public-api.test.ts`; anything else is
 * internal and may change.
 */

/* Operators */
export { runTrainingJob } from "./run-training-job.js";
export type { RunTrainingJobOptions, TrainingJobDescription } from "./run-training-job.js";
export { runJob } from "./run-job.js";
export type { RunJobOptions, RunJobResult } from "./run-job.js";
export type { NameConflictPolicy } from "./naming/name-conflict.js";

/* Job kinds */
export { trainingJob } from "./job-kinds/training.js";
export type { JobKind, JobDescription } from "./job-kinds/job-kind.js";

/* Waiting */
export { waitForJob } from "./wait/wait-for-job.js";
export type { WaitForJobOptions } from "./wait/wait-for-job.js";
export { watchJob } from "./wait/watch-job.js";
export type { JobStatusEvent, JobWatchEvent, WatchJobOptions } from "./wait/watch-job.js";
export type { WaitOptions } from "./wait/wait-options.js";

/* Job logs: CloudWatch Logs lines while waiting (the `logs` option) */
export type { JobLogLine, JobLogsOptions } from "./logs/logs-options.js";
export type { JobLogEvent } from "./wait/watch-logs.js";

/* Backends: where the calls go and the clock the jobs run on */
export { createBackend } from "./backend.js";
export type { BackendOptions, CreateBackendOptions, SagerunBackend } from "./backend.js";
export type { Emulator, EmulatorOptions } from "./emulator-types.js";
// For a SageMakerClient of your own: operators take `{ client, clock: systemClock }`.
export { systemClock } from "@sagerun/transport";
export type { Clock } from "@sagerun/transport";

/* Process signals */
export { stopJobsOnSignal } from "./stop-jobs-on-signal.js";

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
export type { AnySagerunError, SagerunErrorCode } from "./errors/index.js";
