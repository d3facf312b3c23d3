import { VirtualClock } from "@sagerun/transport";
import { startServer, type RunningServer } from "../../src/http.js";
import { createEmulator, type EmulatorOptions } from "../../src/index.js";
import type { WireRequest, WireResponse } from "../../src/wire/aws-json.js";
import { signedFor } from "./raw-request.js";

/**
 * One HTTP server on a manual virtual clock for the race tests, and the few calls they make over
 * it with fetch, many at once. `served` lists every request in the order the emulator answered it
 * (the server's emulator.serve, observed), which is what "the last one wins" is measured against.
 */
export interface RaceServer {
  readonly server: RunningServer;
  readonly served: { request: WireRequest; response: WireResponse }[];
  /** An AWS JSON call: SageMaker's unless `prefix` names another service. */
  call(operation: string, input: object, prefix?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** An S3 request, path-style, signed for S3. */
  s3(method: string, path: string, body?: Uint8Array): Promise<{ status: number; headers: Headers; body: Uint8Array }>;
  /** Moves the virtual clock by the admin route. */
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export async function raceServer(options: EmulatorOptions = {}): Promise<RaceServer> {
  const emulator = createEmulator({ requireInputData: false, clock: new VirtualClock({ autoAdvance: false }), ...options });
  const served: RaceServer["served"] = [];
  const serve = emulator.serve.bind(emulator);
  emulator.serve = (request) => {
    const response = serve(request);
    served.push({ request, response });
    return response;
  };
  const server = await startServer({ port: 0, emulator, log: () => {} });
  return {
    server,
    served,
    async call(operation, input, prefix = "SageMaker") {
      const response = await fetch(`${server.url}/`, {
        method: "POST",
        headers: { "x-amz-target": `${prefix}.${operation}`, "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async s3(method, path, body) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: signedFor("s3") },
        ...(body === undefined ? {} : { body: body as Uint8Array<ArrayBuffer> }),
      });
      return { status: response.status, headers: response.headers, body: new Uint8Array(await response.arrayBuffer()) };
    },
    async advance(seconds) {
      const response = await fetch(`${server.url}/_sagerun/clock/advance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ seconds }),
      });
      if (response.status !== 200) throw new Error(`clock/advance answered ${response.status}: ${await response.text()}`);
    },
    close: () => server.close(),
  };
}

/** Resolves after `ms` real milliseconds: the jitter that shuffles concurrent requests' arrival. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
