import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { holdClock, ScaledClock } from "@sagerun/transport";
import { createEmulator, type Emulator } from "../emulator.js";
import { ServiceError, unimplementedTargetOf } from "../errors.js";
import { RestXmlError, restXmlErrorResponse } from "../wire/rest-xml.js";
import { serviceOf, type ServiceName } from "../service-router.js";
import { decodeRequestBody, type WireResponse } from "../wire/aws-json.js";
import { openState, type PersistedEmulator } from "../persistence/persisted-emulator.js";
import { ADMIN_PREFIX, findAdminRoute } from "./admin-routes.js";
import { dashboardAnswer, isDashboardPath } from "../dashboard/routes.js";
import { answerOnSocket, BodyTooLargeError, clientErrorAnswer, readBody, sendError, sendJson, sendWire } from "./http-io.js";
import { ownHosts, type OwnHosts } from "./own-host.js";
import { adminRefusal, hostRefusal, methodRefusal } from "./request-guards.js";
import { parseRequestTarget } from "./request-target.js";
import { resolveTimeouts, type ServerTimeouts } from "./server-timeouts.js";

export type { ServerTimeouts } from "./server-timeouts.js";

export interface ServerOptions {
  /**
   * The emulator to serve. On a VirtualClock its time moves only by `POST /_sagerun/clock/advance`
   * (and auto-advance pauses while a request is in flight). @default a new one on
   * `new ScaledClock({ scale: timeScale })`
   */
  emulator?: Emulator;
  /** @default "127.0.0.1" (loopback only: the emulator checks no credentials) */
  host?: string;
  /**
   * Names besides localhost, IP addresses and `host` that clients may address the server by (the
   * `Host` header), e.g. a docker-compose service name. Others get 403: see own-host.ts.
   */
  allowedHosts?: readonly string[];
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
  /** How long the server waits for a request and keeps an idle connection; see {@link ServerTimeouts}. */
  timeouts?: ServerTimeouts;
  /**
   * Where the server reports what a user should know but no client shows: a SageMaker operation
   * or an S3 request the emulator does not implement (once per operation). @default a line on stderr
   */
  log?: (line: string) => void;
  /**
   * A directory that keeps the emulator's state across restarts: every change (resources, S3
   * objects, log events, rules, the clock's position) is on disk before it is answered, and a
   * server started on the same directory (same seed) carries on where it stood; see
   * docs/decisions/0009. Not with `emulator` (build one on a state dir with `openState` and pass
   * it as `state`).
   */
  stateDir?: string;
  /** An emulator opened on a state dir by `openState`, served instead of `emulator`. */
  state?: PersistedEmulator;
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

/** What every request handler needs, fixed when the server starts. */
interface Served {
  readonly emulator: Emulator;
  readonly hosts: OwnHosts;
  readonly maxBodyBytes: number;
  /** Called with each answer, to notice what should be logged. */
  readonly noticeAnswer: (answer: WireResponse) => void;
  /** The state dir every change is written to before it is answered, if the server has one. */
  readonly state: PersistedEmulator | undefined;
}

/**
 * Serves the SageMaker API and CloudWatch Logs (AWS JSON 1.1 on `POST /`), SageMaker Runtime
 * (REST-JSON, `POST /endpoints/{name}/invocations`) and S3 (REST-XML, any method; the emulator
 * routes each request to its service, see service-router.ts) over node:http for clients outside the
 * process: boto3, the AWS CLI, Airflow. Admin routes under `/_sagerun/` reset the emulator, move
 * its clock, replace its rules and dump its state. The default clock runs on real time (scale 1),
 * not the auto-advancing VirtualClock: external clients sleep on real time between polls. Every
 * answer, refusals included, is in AWS's error shape, never a bare status: S3's XML for what S3
 * answers, AWS JSON for SageMaker and for the server's own refusals (a body over the cap, a
 * foreign Host), which never reach a service.
 *
 * @example
 * const server = await startServer({ port: 0, timeScale: 60 }); // a virtual minute per second
 * // boto3.client("sagemaker", endpoint_url=server.url, region_name="us-east-1", ...)
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { host = "127.0.0.1", port = 4566, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  if (!(maxBodyBytes >= 0))
    throw new RangeError(`startServer: maxBodyBytes [${maxBodyBytes}] must be a number greater than or equal to 0.`);
  if (options.emulator && (options.timeScale !== undefined || options.seed !== undefined)) {
    throw new TypeError(
      "startServer: pass either `emulator` or `timeScale`/`seed`, not both; the emulator already has its clock and seed.",
    );
  }
  if ((options.stateDir !== undefined || options.state) && options.emulator) {
    throw new TypeError("startServer: pass either `emulator` or `stateDir`/`state`; an emulator on a state dir comes from openState.");
  }
  const timeouts = resolveTimeouts(options.timeouts);
  const seed = options.seed ?? 1;
  const state =
    options.state ??
    (options.stateDir === undefined
      ? undefined
      : await openState({
          dir: options.stateDir,
          seed,
          timeScale: options.timeScale ?? 1,
          create: (clock) => createEmulator({ clock, seed }),
          ...(options.log ? { warn: options.log } : {}),
        }));
  const emulator =
    state?.emulator ?? options.emulator ?? createEmulator({ clock: new ScaledClock({ scale: options.timeScale ?? 1 }), seed });
  const served: Served = {
    emulator,
    hosts: ownHosts(host, options.allowedHosts),
    maxBodyBytes,
    noticeAnswer: unimplementedLogger(options.log ?? ((line) => void process.stderr.write(`${line}\n`))),
    state,
  };

  // The response each connection is writing, so a timeout that strikes mid-answer hangs up
  // instead of writing a second response into the first.
  const answering = new WeakMap<object, ServerResponse>();
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
      // Node answers a missing Host with an empty 400 of its own; the handler answers it in AWS's shape.
      requireHostHeader: false,
    },
    (request, response) => {
      const release = holdClock(emulator.clock);
      answering.set(request.socket, response);
      response.on("close", () => {
        release();
        if (answering.get(request.socket) === response) answering.delete(request.socket);
      });
      handle(served, request, response).catch((error: unknown) => {
        sendError(response, new ServiceError("InternalFailure", `The emulator failed to process the request: ${String(error)}`));
      });
    },
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    const answer = clientErrorAnswer(error, timeouts);
    if (!answer || answering.get(socket)?.headersSent) return void socket.destroy();
    answerOnSocket(socket, answer);
  });
  // Node's default answer to any Expect but 100-continue is an empty 417.
  server.on("checkExpectation", (request: IncomingMessage, response: ServerResponse) => {
    const message = `The server meets only "Expect: 100-continue"; got "Expect: ${request.headers.expect}".`;
    sendError(response, new ServiceError("ExpectationFailedException", message), { connection: "close" });
  });
  // Node's default for CONNECT is to drop the socket without a word.
  server.on("connect", (_request: IncomingMessage, socket: Socket) => {
    answerOnSocket(socket, new ServiceError("MethodNotAllowedException", "The sagerun emulator is not a proxy: CONNECT is not served."));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await state?.close();
    throw error;
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`,
    port: bound,
    emulator,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await state?.close();
    },
  };
}

async function handle(served: Served, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? "GET";
  const target = parseRequestTarget(request.url ?? "");
  if (!target) {
    const shown = JSON.stringify((request.url ?? "").slice(0, 200));
    return sendError(response, new ServiceError("BadRequestException", `The request target ${shown} is neither a path nor an http URL.`));
  }
  const refused = hostRefusal(served.hosts, request, target);
  if (refused) return sendError(response, refused);

  if (!target.path.startsWith(ADMIN_PREFIX) && `${target.path}/` !== ADMIN_PREFIX) {
    const wireTarget = request.url ?? "/";
    const service = serviceOf({ method, target: wireTarget, headers: request.headers, body: undefined });
    const wrongMethod = methodRefusal(service, method, target.path);
    if (wrongMethod) return sendError(response, wrongMethod, { allow: "POST" });
    const body = await readOrRefuse(served, request, response, service);
    if (!body) return;
    const wireRequest = { method, target: wireTarget, headers: request.headers, body };
    const wire = await served.emulator.respond(wireRequest);
    served.noticeAnswer(wire);
    if (!(await durable(served, response))) return;
    return sendWire(response, wire);
  }

  // The dashboard (src/dashboard/): a page and the JSON it reads, under the admin routes' rules.
  if (isDashboardPath(target.path)) {
    const forbidden = adminRefusal(served.hosts, request, false);
    if (forbidden) return sendError(response, forbidden);
    const answer = await dashboardAnswer(served.emulator, method, new URL(request.url ?? "/", "http://localhost"));
    if ("error" in answer) return sendError(response, answer.error, answer.headers);
    response.writeHead(answer.status, answer.headers);
    return void response.end(method === "HEAD" ? undefined : answer.body);
  }

  const found = findAdminRoute(method, target.path);
  if ("error" in found) return sendError(response, found.error, found.headers);
  const forbidden = adminRefusal(served.hosts, request, found.route.method !== "GET");
  if (forbidden) return sendError(response, forbidden);
  const body = found.route.method === "GET" ? new Uint8Array() : await readOrRefuse(served, request, response);
  if (!body) return;
  let input: Record<string, unknown>;
  try {
    input = decodeRequestBody(body);
  } catch (error) {
    if (error instanceof ServiceError) return sendError(response, error);
    throw error;
  }
  const result = await (served.state ? served.state.admin(found.route, target.path, input) : found.route.run(served.emulator, input));
  if (!(await durable(served, response))) return;
  if ("error" in result) return sendError(response, result.error);
  sendJson(response, result.status, result.payload);
}

/**
 * With a state dir, waits until every change served so far is on disk, this request's included:
 * nothing is answered that a crash could take back. False once it has answered that the disk failed.
 */
async function durable(served: Served, response: ServerResponse): Promise<boolean> {
  if (!served.state) return true;
  try {
    await served.state.durable();
    return true;
  } catch (error) {
    sendError(response, new ServiceError("InternalFailure", (error as Error).message));
    return false;
  }
}

/** The body, or undefined once it has been refused (413) or the client has gone. */
async function readOrRefuse(
  served: Served,
  request: IncomingMessage,
  response: ServerResponse,
  service?: ServiceName,
): Promise<Uint8Array | undefined> {
  try {
    return await readBody(request, served.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError && service === "s3") {
      // An S3 client reads S3's XML errors only: S3's own refusal of a body too large, naming the cap.
      const refusal = s3BodyTooLarge(error, request);
      sendWire(response, { ...refusal, headers: { ...refusal.headers, connection: "close" } });
    } else if (error instanceof BodyTooLargeError) {
      sendError(response, new ServiceError("RequestEntityTooLargeException", error.message), { connection: "close" });
    } else if (!request.socket.writableEnded) {
      // The client went away mid-body: nobody to answer. (When a timeout ended the socket, its
      // 408 is on the way out; destroying now would cut it off.)
      response.destroy();
    }
    return undefined;
  }
}

/** Logs each unimplemented SageMaker operation or S3 request the first time a client calls it. */
function unimplementedLogger(log: (line: string) => void): (answer: WireResponse) => void {
  const seen = new Set<string>();
  return (answer) => {
    const operation = unimplementedTargetOf(answer.error);
    const gap = operation ?? answer.unimplemented;
    if (gap === undefined || seen.has(gap)) return;
    seen.add(gap);
    const code = operation === undefined ? "NotImplemented" : "UnknownOperationException";
    log(
      `sagerun-emulator: a client called ${gap}, which the emulator does not implement yet; ` +
        `it answered ${code} saying so. (Logged once per operation.)`,
    );
  };
}

/**
 * [DOC] S3's EntityTooLarge ("Your proposed upload exceeds the maximum allowed object size", 400,
 * with MaxSizeAllowed and ProposedSize; S3 API reference, "Error responses"), for a body over
 * the server's cap, which is the emulator's limit, not S3's 5 GB: it says so and how to go on.
 */
function s3BodyTooLarge(error: BodyTooLargeError, request: IncomingMessage): WireResponse {
  const proposed = request.headers["x-amz-decoded-content-length"] ?? request.headers["content-length"];
  const refusal = new RestXmlError(
    "EntityTooLarge",
    `Your proposed upload exceeds the maximum allowed size: the sagerun emulator's HTTP server accepts bodies of up to ${error.limit} bytes (its maxBodyBytes option); send larger objects as a multipart upload (boto3's upload_file and the AWS CLI do).`,
    400,
    { MaxSizeAllowed: String(error.limit), ...(typeof proposed === "string" ? { ProposedSize: proposed } : {}) },
  );
  return restXmlErrorResponse(refusal, randomUUID(), request.method ?? "PUT");
}
