import { HttpResponse, type HttpHandler } from "@smithy/protocol-http";
import type { HttpHandlerOptions, HttpRequest } from "@smithy/types";
import type { WireRequest, WireResponse } from "../wire/aws-json.js";

/**
 * The in-process front door: a smithy `HttpHandler` for `new SageMakerClient({ requestHandler })`,
 * so the real client's serializers, retries and error classes run against the emulator: the
 * wire is swapped, never the client.
 */
export class EmulatorRequestHandler implements HttpHandler<Record<string, never>> {
  readonly #serve: (request: WireRequest) => WireResponse;

  constructor(serve: (request: WireRequest) => WireResponse) {
    this.#serve = serve;
  }

  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const signal = options?.abortSignal as AbortSignal | undefined;
    if (signal?.aborted) {
      const error = new Error("Request aborted");
      error.name = "AbortError";
      return Promise.reject(error);
    }
    // The SDK's body is a Uint8Array subclass: decode it, never call string methods on it. The
    // response body must be bytes, not a string: the SDK's body collector reads a byte stream.
    const wire = this.#serve({ headers: request.headers, body: request.body as Uint8Array | string | undefined });
    return Promise.resolve({
      response: new HttpResponse({ statusCode: wire.statusCode, headers: wire.headers, body: wire.body }),
    });
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}
