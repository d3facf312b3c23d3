import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Transport chores of the HTTP front door: reading a bounded body and writing JSON. Nothing here
 * knows the SageMaker protocol; that is the emulator's `serve`.
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

/** Writes `payload` as JSON (Dates become ISO strings); a no-op once the response has started. */
export function sendJson(
  response: ServerResponse,
  statusCode: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  const body = Buffer.from(JSON.stringify(payload));
  response.writeHead(statusCode, { "content-type": "application/json", ...headers, "content-length": String(body.byteLength) });
  response.end(body);
}

/**
 * An error in the shape AWS JSON clients parse, `{"__type", "message"}` plus `x-amzn-ErrorType`
 * (sagemaker-semantics.md §1.1), so boto3 and the JS SDK raise it with its code and text.
 */
export function sendError(
  response: ServerResponse,
  statusCode: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, statusCode, { __type: type, message }, {
    "content-type": "application/x-amz-json-1.1",
    "x-amzn-errortype": type,
    ...headers,
  });
}

/**
 * The server's `clientError` listener, for bytes that are not HTTP at all: answers in the same
 * error shape, then hangs up (node's default is a bare 400 with no body).
 */
export function answerMalformedHttp(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const body = JSON.stringify({ __type: "SerializationException", message: `Malformed HTTP request: ${error.message}` });
  socket.end(
    "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-ErrorType: SerializationException\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
