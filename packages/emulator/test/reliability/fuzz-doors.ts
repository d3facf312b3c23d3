import { connect } from "node:net";
import { Readable } from "node:stream";
import { CreateLogGroupCommand, CreateLogStreamCommand, CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, CreateMultipartUploadCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import type { VirtualClock } from "@sagerun/transport";
import { HttpRequest } from "@smithy/protocol-http";
import { expect } from "vitest";
import type { Emulator } from "../../src/index.js";
import { type ServiceName, serviceOf } from "../../src/service-router.js";
import { trainingJobRequest } from "../fixtures.js";
import { endpointConfigRequest, endpointRequest, modelRequest, variant } from "../fixtures/hosting.js";
import { judge, type Tally } from "./protocol-errors.js";
import { type RawAnswer, type RawRequest, signedFor, text } from "./raw-request.js";

/**
 * The emulator's three front doors as the fuzz drives them: each takes a {@link RawRequest}, carries
 * as much of it as that door can (the in-process handler any header and body, msw what a fetch
 * Request accepts, the HTTP server any bytes), and returns the answer as the client received it
 * with the service the router picked; undefined when the door cannot carry the request at all.
 */
export interface Door {
  readonly name: string;
  send(request: RawRequest): Promise<{ answer: RawAnswer; service: ServiceName } | undefined>;
  /** Whether the answers may be the HTTP server's own refusals. */
  readonly isServer: boolean;
}

/** What the fuzz requests meet: a bucket with an object and an upload, a log stream, a training job, an endpoint InService. */
export async function seedState(emulator: Emulator, clock: VirtualClock): Promise<Seeded> {
  const s3 = emulator.s3Client(S3Client);
  await s3.send(new CreateBucketCommand({ Bucket: "fuzz-bucket" }));
  await s3.send(new PutObjectCommand({ Bucket: "fuzz-bucket", Key: "data/train.csv", Body: new TextEncoder().encode("1,2\n3,4\n") }));
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "fuzz-bucket", Key: "big" }));
  const logs = emulator.logsClient(CloudWatchLogsClient);
  await logs.send(new CreateLogGroupCommand({ logGroupName: "alpha" }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: "alpha", logStreamName: "alpha" }));
  const sagemaker = emulator.client();
  await sagemaker.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "alpha" })));
  await sagemaker.send(new CreateModelCommand(modelRequest({ ModelName: "ep" })));
  await sagemaker.send(
    new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "ep", ProductionVariants: [variant("ep")] })),
  );
  await sagemaker.send(new CreateEndpointCommand(endpointRequest({ EndpointName: "ep", EndpointConfigName: "ep" })));
  await clock.advance(3_600_000);
  return { uploadId: UploadId! };
}

/** What the seeded state holds that requests refer to by a placeholder: `{uploadId}` in a path. */
export interface Seeded {
  readonly uploadId: string;
}

/** The hosts the SDKs resolve in us-east-1, by service (what the in-process and msw doors address). */
function awsHost(request: RawRequest): string {
  switch (request.service) {
    case "sagemaker":
      return "api.sagemaker.us-east-1.amazonaws.com";
    case "logs":
      return "logs.us-east-1.amazonaws.com";
    case "runtime":
      return "runtime.sagemaker.us-east-1.amazonaws.com";
    case "s3":
      return request.virtualBucket === undefined ? "s3.us-east-1.amazonaws.com" : `${request.virtualBucket}.s3.us-east-1.amazonaws.com`;
  }
}

/** The query of `path` as the SDK hands it to a request handler: decoded values (a bad escape kept as sent). */
function queryOf(path: string): Record<string, string | string[] | null> {
  const question = path.indexOf("?");
  const query: Record<string, string | string[] | null> = {};
  if (question < 0) return query;
  for (const part of path.slice(question + 1).split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const name = decodeLoosely(equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? null : decodeLoosely(part.slice(equals + 1));
    const before = query[name];
    query[name] = before === undefined || value === null ? value : [...(Array.isArray(before) ? before : [before ?? ""]), value];
  }
  return query;
}

function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The in-process door: the emulator's smithy request handler, as `new SageMakerClient({ requestHandler })` calls it. */
export function inProcessDoor(emulator: Emulator): Door {
  return {
    name: "in-process SDK handler",
    isServer: false,
    async send(request) {
      if (request.rawOnly) return undefined;
      const question = request.path.indexOf("?");
      const hostname = awsHost(request);
      const headers = { ...request.headers, host: hostname };
      const { response } = await emulator.requestHandler.handle(
        new HttpRequest({
          method: request.method,
          protocol: "https:",
          hostname,
          path: question < 0 ? request.path : request.path.slice(0, question),
          query: queryOf(request.path),
          headers,
          body: request.body,
        }),
      );
      const body = response.body instanceof Readable ? await collect(response.body) : (response.body as Uint8Array);
      const service = serviceOf({ method: request.method, target: `https://${hostname}${request.path}`, headers, body: request.body });
      return { answer: { status: response.statusCode, headers: lowerCased(response.headers), body }, service };
    },
  };
}

/** Headers a fetch Request refuses or rewrites (undici); the msw door leaves them out. */
const FETCH_FORBIDDEN = new Set(["expect", "host", "connection", "content-length", "transfer-encoding", "keep-alive", "upgrade"]);

/** The msw door: a global fetch to the AWS host, answered by the emulator's msw handlers (the caller starts msw). */
export function mswDoor(): Door {
  return {
    name: "msw",
    isServer: false,
    async send(request) {
      if (request.rawOnly) return undefined;
      // msw's handlers answer POST only for the AWS JSON services and the runtime; anything else would go out to AWS.
      if (request.service !== "s3" && request.method !== "POST") return undefined;
      const url = `https://${awsHost(request)}${request.path}`;
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !FETCH_FORBIDDEN.has(name)));
      let fetched: Request;
      try {
        const hasBody = request.method !== "GET" && request.method !== "HEAD";
        fetched = new Request(url, { method: request.method, headers, ...(hasBody ? { body: request.body } : {}) });
      } catch {
        return undefined; // a header value or URL fetch itself refuses: no fetch client can send it
      }
      const response = await fetch(fetched);
      const body = new Uint8Array(await response.arrayBuffer());
      const service = serviceOf({ method: request.method, target: fetched.url, headers, body: request.body });
      return { answer: { status: response.status, headers: Object.fromEntries(response.headers), body }, service };
    },
  };
}

/**
 * The HTTP door: the request written byte for byte on a fresh socket (`Connection: close`), so
 * nothing between the generator and the server tidies it, and the answer read back raw.
 */
export function httpDoor(port: number): Door {
  const host = `127.0.0.1:${port}`;
  return {
    name: "HTTP server",
    isServer: true,
    async send(request) {
      if (request.rawOnly) {
        const answer = await exchange(port, request.rawOnly(host), "POST");
        const sent = text(request.rawOnly(host));
        return { answer, service: sent.includes("/s3/aws4_request") ? "s3" : "sagemaker" };
      }
      const hostHeader = request.virtualBucket === undefined ? host : `${request.virtualBucket}.localhost:${port}`;
      const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${hostHeader}`];
      for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
      if (request.method !== "GET" && request.method !== "HEAD") lines.push(`Content-Length: ${request.body.byteLength}`);
      lines.push("Connection: close", "", "");
      const bytes = Buffer.concat([Buffer.from(lines.join("\r\n")), request.body]);
      const headers = { ...request.headers, host: hostHeader };
      const service = serviceOf({ method: request.method, target: request.path, headers, body: request.body });
      return { answer: await exchange(port, bytes, request.method), service };
    },
  };
}

/** Writes `bytes`, reads the one answer until the server hangs up (or 5 s pass: a hang is a finding too). */
function exchange(port: number, bytes: Uint8Array, method: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`no answer within 5 s to ${JSON.stringify(Buffer.from(bytes).toString("latin1").slice(0, 200))}`));
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => {}); // the server may hang up while we still write: what it answered is in `chunks`
    socket.on("close", () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks), method));
      } catch (error) {
        reject(error);
      }
    });
    socket.end(bytes);
  });
}

function parseAnswer(raw: Buffer, method: string): RawAnswer {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) throw new Error(`the server hung up without an answer: ${JSON.stringify(raw.toString("latin1").slice(0, 200))}`);
  const [statusLine, ...headerLines] = raw.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? "")?.[1]);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (method === "HEAD") body = Buffer.alloc(0);
  else if (headers["content-length"] !== undefined) body = body.subarray(0, Number(headers["content-length"]));
  return { status, headers, body: new Uint8Array(body) };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

async function collect(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Sends each request through `door` and holds every answer to {@link judge}, counting them in `tally`. */
export async function sendAll(door: Door, requests: readonly RawRequest[], tally: Tally, seeded: Seeded): Promise<void> {
  for (const generated of requests) {
    const request = { ...generated, path: generated.path.replace("{uploadId}", seeded.uploadId) };
    const sent = await door.send(request);
    if (!sent) continue;
    const judged = judge(sent.service, request.method === "RAW" ? "POST" : request.method, sent.answer, door.isServer);
    tally.count(request.rawOnly ? "raw" : request.service, judged.code);
    expect(
      judged.problem,
      `${door.name}: ${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers).slice(0, 300)} body ${JSON.stringify(text(request.body).slice(0, 200))}`,
    ).toBeUndefined();
  }
}

/** A request every service answers 200 to, one per service: after the fuzz, each must still be served. */
const HEALTH: readonly RawRequest[] = [
  {
    service: "sagemaker",
    method: "POST",
    path: "/",
    headers: { "x-amz-target": "SageMaker.ListTrainingJobs", "content-type": "application/x-amz-json-1.1" },
    body: new TextEncoder().encode("{}"),
  },
  {
    service: "logs",
    method: "POST",
    path: "/",
    headers: { "x-amz-target": "Logs_20140328.DescribeLogGroups", "content-type": "application/x-amz-json-1.1" },
    body: new TextEncoder().encode("{}"),
  },
  { service: "s3", method: "GET", path: "/", headers: { authorization: signedFor("s3") }, body: new Uint8Array() },
];

/** Every health request answers 200 through `door`. */
export async function expectHealthy(door: Door): Promise<void> {
  for (const request of HEALTH) {
    const sent = await door.send(request);
    expect(sent?.answer.status, `${door.name}: ${request.service} health after the fuzz: ${sent && text(sent.answer.body)}`).toBe(200);
  }
}
