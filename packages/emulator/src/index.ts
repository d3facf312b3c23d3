/**
 * @module
 * `@sagerun/emulator`: an in-memory Amazon SageMaker control plane whose job lifecycles play on
 * an injected clock, and an in-memory S3 and CloudWatch Logs beside it, served to the real AWS SDK clients in-process.
 *
 * @example
 * import { createEmulator } from "@sagerun/emulator";
 * const emulator = createEmulator();            // virtual clock, auto-advancing
 * const client = emulator.client();             // a real SageMakerClient, wired in-process
 * const s3 = emulator.s3Client(S3Client);       // and S3 beside it (S3Client from @aws-sdk/client-s3)
 * const logs = emulator.logsClient(CloudWatchLogsClient); // CloudWatch Logs (@aws-sdk/client-cloudwatch-logs)
 * emulator.requests();                          // every request it answered, in order
 */

// Emulator
export { Emulator, createEmulator } from "./emulator.js";
export type { EmulatorOptions } from "./emulator.js";
export { DEFAULT_DURATIONS } from "./resources/kinds.js";
export type { EmulatorRule, Outcome, PhaseDurations, RuleMatch } from "./options.js";
export type { EmulatorFault, FaultService, JobFault, RequestFault, RequestMatch, FaultWhen, SpotInterruption } from "./faults/types.js";
export type { ReceivedRequest } from "./request-log.js";

// Code that runs in the emulated containers (EmulatorOptions.images)
export { ContainerError } from "./containers/contract.js";
export type {
  Channel,
  ImageCode,
  InputFile,
  InvocationRequest,
  InvocationResponse,
  ModelFiles,
  ProcessingInput,
  ProcessingIO,
  Server,
  TrainingInput,
  TrainingIO,
} from "./containers/contract.js";

// Errors as the service answers them
export { ServiceError } from "./errors.js";
export type { ServiceErrorCode } from "./errors.js";

// Wire protocol and front doors
export { serveWire, CONTENT_TYPE } from "./wire/aws-json.js";
export type { WireRequest, WireResponse } from "./wire/aws-json.js";
export { EmulatorRequestHandler } from "./front-doors/smithy-handler.js";
