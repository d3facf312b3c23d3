import { connect } from "node:net";
import { afterEach } from "vitest";
import { ScaledClock } from "@sagerun/transport";
import { createEmulator } from "../../src/index.js";
import { startServer, type RunningServer, type ServerOptions } from "../../src/http.js";
import { rawOf, type RawResponse } from "./front-door.js";

/**
 * Helpers for the HTTP server's own tests: one server per test (closed after it), fetch for what a
 * client sends, raw sockets for what fetch will not send (no Host, CONNECT, odd targets, stalls).
 */
export function serverPerTest() {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const current = (): RunningServer => {
    if (!server) throw new Error("start() the server first");
    return server;
  };
  return {
    /** Starts a server on a free port, its log silenced unless `options.log` is given. */
    async start(options: ServerOptions = {}): Promise<RunningServer> {
      await server?.close();
      // Jobs here play lifecycles without input data (requireInputData off); the rest is the server's default.
      const { timeScale, seed, ...rest } = options;
      const emulator =
        options.emulator ?? createEmulator({ requireInputData: false, clock: new ScaledClock({ scale: timeScale ?? 1 }), seed: seed ?? 1 });
      server = await startServer({ port: 0, log: () => {}, ...rest, emulator });
      return server;
    },
    current,
    /** fetch against the server; the answer as a RawResponse. */
    call: async (path: string, init: RequestInit = {}): Promise<RawResponse> => rawOf(await fetch(`${current().url}${path}`, init)),
    /** An admin write as a client should send it: JSON with its content type. */
    admin: async (path: string, body: unknown, method = "POST"): Promise<RawResponse> =>
      rawOf(
        await fetch(`${current().url}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      ),
  };
}

export interface RawAnswer {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The body as JSON, when it is. */
  readonly json?: Record<string, unknown>;
  /** Milliseconds from connecting to the server closing the connection. */
  readonly closedAfterMs: number;
  /** Everything the server sent. */
  readonly raw: string;
}

/**
 * Sends `bytes` on a fresh connection and collects everything until the server closes it. With
 * `end: false` the client keeps its side open, as a stalled or keep-alive client does.
 */
export function exchange(port: number, bytes: string, { end = true, giveUpMs = 10_000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1", () => (end ? socket.end(bytes) : socket.write(bytes)));
    let raw = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${giveUpMs} ms; got ${JSON.stringify(raw)}`));
    }, giveUpMs);
    socket.on("data", (chunk) => (raw += chunk.toString("utf8")));
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseAnswer(raw, performance.now() - started));
    });
  });
}

/** The first (final, not 1xx) response in `raw`. */
function parseAnswer(raw: string, closedAfterMs: number): RawAnswer {
  const final = raw.replace(/^(HTTP\/1\.1 1\d\d [^\r]*\r\n(?:[^\r]+\r\n)*\r\n)+/, "");
  const [head = "", ...rest] = final.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  const body = rest.join("\r\n\r\n");
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body, ...(json ? { json } : {}), closedAfterMs, raw };
}

/** A complete HTTP/1.1 request, Content-Length included. */
export function httpRequest(method: string, target: string, headers: Record<string, string>, body = ""): string {
  const lines = Object.entries({ ...headers, ...(body || method === "POST" ? { "content-length": String(Buffer.byteLength(body)) } : {}) });
  return `${method} ${target} HTTP/1.1\r\n${lines.map(([name, value]) => `${name}: ${value}\r\n`).join("")}\r\n${body}`;
}
