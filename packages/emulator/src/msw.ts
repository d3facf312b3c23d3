/**
 * @module
 * `@sagerun/emulator/msw`: the emulator behind msw, for code that creates its own SageMakerClient
 * or S3Client.
 * Needs the optional peer dependency `msw` (2.x).
 *
 * @example
 * const server = setupServer(...sageMakerHandlers(createEmulator()));
 * server.listen({ onUnhandledRequest: "error" });
 */

export { s3Handlers, sageMakerHandlers } from "./front-doors/msw.js";
export type { SageMakerHandlersOptions } from "./front-doors/msw.js";
