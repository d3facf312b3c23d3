/**
 * Errors sagerun's operators throw, one file per family. See {@link SagerunError} for how to tell
 * them apart.
 */
export { SagerunError } from "./sagerun-error.js";
export type { AnySagerunError, JsonDescription, SagerunErrorCode } from "./sagerun-error.js";
export { JobFailedError, JobStoppedError, MaxRuntimeExceededError, MaxWaitTimeExceededError } from "./job-outcome-errors.js";
export type { JobErrorInit } from "./job-outcome-errors.js";
export { WaitFailedError, WaitTimeoutError } from "./wait-errors.js";
export { NameConflictError } from "./name-conflict-error.js";
export { OutputCheckFailedError } from "./output-check-failed-error.js";
export { EmulatorNotInstalledError } from "./emulator-not-installed-error.js";
export { PackageNotInstalledError } from "./package-not-installed-error.js";
export { EndpointFailedError, EndpointWaitTimeoutError } from "./endpoint-errors.js";
export { AwsInCiRefusedError, BudgetExceededError } from "./budget-errors.js";
