/**
 * @module
 * `@sagerun/emulator/msw`: the emulator behind msw, for code that creates its own SageMakerClient,
 * S3Client, CloudWatchLogsClient or SageMakerRuntimeClient.
 * Needs the optional peer dependency `msw` (2.x).
 *
 * @example
 * const server = setupServer(...sageMakerHandlers(createEmulator()));
 * server.listen({ onUnhandledRequest: "error" });
 */

export { logsHandlers, runtimeHandlers, s3Handlers, sageMakerHandlers } from "./front-doors/msw.js";
export type { SageMakerHandlersOptions } from "./front-doors/msw.js";
