import { Readable } from "node:stream";
import { HttpResponse, type HttpHandler } from "@smithy/protocol-http";
import type { HttpHandlerOptions, HttpRequest } from "@smithy/types";
import type { WireRequest, WireResponse } from "../wire/aws-json.js";

/**
 * The in-process front door: a smithy `HttpHandler` for `new SageMakerClient({ requestHandler })`
 * or `new S3Client({ requestHandler })`, so the real client's serializers, retries and error
 * classes run against the emulator: the wire is swapped, never the client.
 */
export class EmulatorRequestHandler implements HttpHandler<Record<string, never>> {
  /** The emulator's answer, awaited: injected latency (src/faults/) delays it on a timer. */
  readonly #serve: (request: WireRequest) => WireResponse | Promise<WireResponse>;

  constructor(serve: (request: WireRequest) => WireResponse | Promise<WireResponse>) {
    this.#serve = serve;
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const signal = options?.abortSignal as AbortSignal | undefined;
    if (signal?.aborted) throw abortError();
    // The SDK's body is a Uint8Array subclass, a string, or (S3 uploads of a stream) a Node stream
    // in aws-chunked encoding: read it whole, never call string methods on it.
    const body = isStream(request.body) ? await collect(request.body) : (request.body as Uint8Array | string | undefined);
    if (signal?.aborted) throw abortError();
    const wire = await this.#serve({ method: request.method, target: targetOf(request), headers: request.headers, body });
    // The response body must be bytes, not a string: the SDK's body collector reads a byte stream,
    // and a streamed payload (GetObject's Body) must be a Node Readable for the SDK's stream mixin.
    // An answer to HEAD has no body (RFC 9110 §9.3.2), as over HTTP and msw, whatever the service wrote.
    const bytes = request.method === "HEAD" ? new Uint8Array() : wire.body;
    const responseBody = wire.streamingBody ? Readable.from([Buffer.from(bytes)]) : bytes;
    return { response: new HttpResponse({ statusCode: wire.statusCode, headers: wire.headers, body: responseBody }) };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** The absolute URL the SDK would have connected to: it names the host (S3's virtual-hosted buckets) and the path. */
function targetOf(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {})
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item: string | null) =>
        item === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(item)}`,
      ),
    )
    .join("&");
  const port = request.port ? `:${request.port}` : "";
  return `${request.protocol || "https:"}//${request.hostname}${port}${request.path}${query ? `?${query}` : ""}`;
}

function isStream(body: unknown): body is AsyncIterable<Uint8Array | string> {
  return typeof body === "object" && body !== null && !(body instanceof Uint8Array) && Symbol.asyncIterator in body;
}

async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function abortError(): Error {
  const error = new Error("Request aborted");
  error.name = "AbortError";
  return error;
}
