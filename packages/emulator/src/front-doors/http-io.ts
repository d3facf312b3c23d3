import { randomUUID } from "node:crypto";
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ServiceError } from "../errors.js";
import { errorResponse, type WireResponse } from "../wire/aws-json.js";
import type { ResolvedTimeouts } from "./server-timeouts.js";

/**
 * Transport chores of the HTTP front door: reading a bounded body and writing answers. Every
 * error it writes is the wire module's {@link errorResponse}; nothing here builds an error body.
 */

/** Thrown by {@link readBody} when a request body is larger than the cap. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`HTTP content length exceeded ${limit} bytes.`);
  }
}

/**
 * Reads the whole body, refusing as soon as it passes `limit` bytes: at once from Content-Length,
 * or mid-stream for chunked uploads. The rest of an oversized body is left to node, which discards
 * it after the response, so memory stays bounded. Rejects when the client aborts.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > limit) return reject(new BodyTooLargeError(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      request.off("data", onData);
      settle();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > limit) finish(() => reject(new BodyTooLargeError(limit)));
      else chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => finish(() => resolve(Buffer.concat(chunks))));
    request.on("error", (error) => finish(() => reject(error)));
    request.on("close", () => finish(() => reject(new Error("The client closed the request before its body ended."))));
  });
}

/** Writes an admin route's success payload as JSON (Dates become ISO strings); a no-op once answered. */
export function sendJson(response: ServerResponse, statusCode: number, payload: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const body = Buffer.from(JSON.stringify(payload));
  response.writeHead(statusCode, { "content-type": "application/json", "content-length": String(body.byteLength) });
  response.end(body);
}

/** Writes a wire answer as it is; a no-op once the response has started. */
export function sendWire(response: ServerResponse, wire: WireResponse): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(wire.statusCode, wire.headers);
  response.end(wire.body);
}

/**
 * Writes `error` in AWS's shape. The server's own refusals get a fresh random request id: they
 * never reach the emulator, so they must not draw from its seeded stream (a refused request would
 * shift every later id of a seeded run).
 */
export function sendError(response: ServerResponse, error: ServiceError, headers: Record<string, string> = {}): void {
  sendWire(response, errorResponse(error, randomUUID(), headers));
}

/**
 * Answers `error` on a bare socket, for what never becomes a request (bytes that are not HTTP, a
 * timed-out request, CONNECT), then hangs up. Node's own answers there are empty-bodied.
 */
export function answerOnSocket(socket: Duplex, error: ServiceError): void {
  if (!socket.writable) return void socket.destroy();
  const wire = errorResponse(error, randomUUID(), { connection: "close" });
  const head = Object.entries(wire.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(Buffer.concat([Buffer.from(`HTTP/1.1 ${wire.statusCode} ${STATUS_CODES[wire.statusCode] ?? ""}\r\n${head}\r\n`), wire.body]));
}

/**
 * What the server's `clientError` event reports, as the error node itself would answer (its
 * defaults: 408 for a timeout, 431 for oversized headers, 413 for oversized chunk extensions,
 * 400 for the rest; `lib/_http_server.js`), in AWS's shape; undefined when nobody is left to answer.
 */
export function clientErrorAnswer(error: NodeJS.ErrnoException, timeouts: ResolvedTimeouts): ServiceError | undefined {
  switch (error.code) {
    case "ECONNRESET":
    case "EPIPE":
      return undefined;
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return new ServiceError(
        "RequestTimeoutException",
        `The request did not arrive in time: the server waits ${timeouts.headersMs / 1000} s for a request's headers ` +
          `and ${timeouts.requestMs / 1000} s for all of it.`,
      );
    case "HPE_HEADER_OVERFLOW":
      return new ServiceError("RequestHeaderFieldsTooLargeException", "The request's headers are larger than the server accepts.");
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return new ServiceError("RequestEntityTooLargeException", "The request's chunk extensions are larger than the server accepts.");
    default:
      return new ServiceError("BadRequestException", `Malformed HTTP request: ${error.message}`);
  }
}
