/**
 * @module
 * `@sagerun/emulator/http`: the emulator as an HTTP server, for boto3, the AWS CLI, Airflow and
 * any other client outside the process. Also runnable as `sagerun-emulator serve`. Every answer,
 * refusals included, is in AWS's JSON error shape; who may connect, the timeouts and the limits
 * are in docs/clients.md. With `stateDir` (or an emulator from `openState`) every change is on disk
 * before it is answered and a restart carries on where it stood (docs/decisions/0009).
 *
 * @example
 * const server = await startServer({ port: 4566, timeScale: 60 });
 * // AWS_ENDPOINT_URL_SAGEMAKER=http://127.0.0.1:4566 python train.py
 */

export { startServer, DEFAULT_MAX_BODY_BYTES } from "./front-doors/http-server.js";
export type { RunningServer, ServerOptions, ServerTimeouts } from "./front-doors/http-server.js";
export { openState, PersistedEmulator } from "./persistence/persisted-emulator.js";
export type { StateOptions } from "./persistence/persisted-emulator.js";
export { StateFileError } from "./persistence/frames.js";
