import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { holdClock, ScaledClock } from "@sagerun/transport";
import { createEmulator, type Emulator } from "../emulator.js";
import { ADMIN_PREFIX, runAdmin } from "./admin-routes.js";
import { answerMalformedHttp, BodyTooLargeError, readBody, sendError, sendJson } from "./http-io.js";

export interface ServerOptions {
  /**
   * The emulator to serve. On a VirtualClock its time moves only by `POST /_sagerun/clock/advance`
   * (and auto-advance pauses while a request is in flight). @default a new one on
   * `new ScaledClock({ scale: timeScale })`
   */
  emulator?: Emulator;
  /** @default "127.0.0.1" (loopback only: the emulator checks no credentials) */
  host?: string;
  /** 0 picks a free port. @default 4566 */
  port?: number;
  /** Virtual seconds per real second, for clients that poll with real sleeps. @default 1 */
  timeScale?: number;
  /** Seed of the emulator's randomness. @default 1 */
  seed?: number;
  /**
   * Larger request bodies get 413. The botocore model's own limits allow CreateHyperParameterTuningJob
   * bodies of ~11 MB, so the default refuses nothing the service would validate. @default 16 MiB
   */
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** `http://host:port`, for `endpoint_url` / `--endpoint-url` / `AWS_ENDPOINT_URL_SAGEMAKER`. */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** The default request body cap, 16 MiB (see {@link ServerOptions.maxBodyBytes}). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Serves the SageMaker API (AWS JSON 1.1 on `POST /`) over node:http for clients outside the
 * process: boto3, the AWS CLI, Airflow. Admin routes under `/_sagerun/` reset the emulator, move
 * its clock and dump its state. The default clock runs on real time (scale 1), not the
 * auto-advancing VirtualClock: external clients sleep on real time between polls.
 *
 * @example
 * const server = await startServer({ port: 0, timeScale: 60 }); // a virtual minute per second
 * // boto3.client("sagemaker", endpoint_url=server.url, region_name="us-east-1", ...)
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { host = "127.0.0.1", port = 4566, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  if (!(maxBodyBytes >= 0)) throw new RangeError(`startServer: maxBodyBytes [${maxBodyBytes}] must be a number greater than or equal to 0.`);
  if (options.emulator && (options.timeScale !== undefined || options.seed !== undefined)) {
    throw new TypeError("startServer: pass either `emulator` or `timeScale`/`seed`, not both; the emulator already has its clock and seed.");
  }
  const emulator =
    options.emulator ?? createEmulator({ clock: new ScaledClock({ scale: options.timeScale ?? 1 }), seed: options.seed ?? 1 });

  const server = createServer((request, response) => {
    const release = holdClock(emulator.clock);
    response.on("close", release);
    handle(emulator, request, response, maxBodyBytes).catch((error: unknown) => {
      sendError(response, 500, "InternalFailure", `The emulator failed to process the request: ${String(error)}`);
    });
  });
  server.on("clientError", answerMalformedHttp);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`,
    port: bound,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(emulator: Emulator, request: IncomingMessage, response: ServerResponse, limit: number): Promise<void> {
  const method = request.method ?? "GET";
  const path = new URL(request.url ?? "/", "http://emulator").pathname;
  const isAdmin = path.startsWith(ADMIN_PREFIX) || `${path}/` === ADMIN_PREFIX;
  if (!isAdmin && method !== "POST") {
    return sendError(response, 405, "MethodNotAllowedException", `The SageMaker API is served on POST only, got ${method} ${path}.`, { allow: "POST" });
  }

  let body: Uint8Array;
  try {
    body = method === "POST" ? await readBody(request, limit) : new Uint8Array();
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return sendError(response, 413, "RequestEntityTooLargeException", error.message, { connection: "close" });
    }
    return void response.destroy(); // the client went away mid-body: nobody to answer
  }

  if (!isAdmin) {
    const wire = emulator.serve({ headers: request.headers, body });
    response.writeHead(wire.statusCode, wire.headers);
    return void response.end(wire.body);
  }

  let input: unknown = {};
  try {
    if (body.byteLength > 0) input = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    return sendError(response, 400, "SerializationException", "The admin request body is not valid JSON.");
  }
  const result = await runAdmin(emulator, method, path, input);
  if ("error" in result) {
    return sendError(response, result.status, result.error.type, result.error.message, result.allow ? { allow: result.allow } : {});
  }
  sendJson(response, result.status, result.payload);
}
