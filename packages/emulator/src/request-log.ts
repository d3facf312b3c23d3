import { pathOf, type ServiceName } from "./service-router.js";
import type { WireRequest, WireResponse } from "./wire/aws-json.js";

/** One request the emulator answered, as {@link Emulator.requests} lists it. */
export interface ReceivedRequest {
  /** The service the request was for. */
  readonly service: ServiceName;
  /**
   * The operation, as its service's API names it (`CreateTrainingJob`, `PutObject`,
   * `InvokeEndpoint`); the method and path (`POST /`) when the service could not tell which.
   */
  readonly operation: string;
  /**
   * The decoded request: the JSON body for SageMaker and CloudWatch Logs; `{ Bucket, Key }` and the
   * query's members (`Prefix`, `MaxKeys`, `UploadId`, …) for S3; the members SageMaker Runtime
   * reads from headers (`EndpointName`, `ContentType`, `Accept`, `TargetVariant`, …). Payloads (an
   * S3 object, an invocation's body) are left out. Shared with the log: do not modify it.
   */
  readonly input: Readonly<Record<string, unknown>>;
  /** When the emulator answered it: epoch milliseconds on its clock. */
  readonly at: number;
  /** The HTTP status of the answer. */
  readonly statusCode: number;
  /** The code of the error answered, if it was one (`ValidationException`, `NoSuchKey`, `ModelError`). */
  readonly errorCode?: string;
}

/** How many requests an emulator keeps unless told (EmulatorOptions.requestLog). */
export const DEFAULT_REQUEST_LOG = 10_000;

/**
 * The last `capacity` requests an emulator answered, oldest first. Recording one costs an object
 * and a slot in a ring: the input is the one the service decoded anyway, never copied.
 */
export class RequestLog {
  readonly #capacity: number;
  readonly #ring: ReceivedRequest[] = [];
  /** Once the ring is full: the slot of the oldest entry, which the next one replaces. */
  #oldest = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  record(service: ServiceName, request: WireRequest, response: WireResponse, at: number): void {
    if (this.#capacity === 0) return;
    const entry = receivedRequest(service, request, response, at);
    if (this.#ring.length < this.#capacity) {
      this.#ring.push(entry);
    } else {
      this.#ring[this.#oldest] = entry;
      this.#oldest = (this.#oldest + 1) % this.#capacity;
    }
  }

  /** Every request kept, oldest first, in a new array. */
  entries(): ReceivedRequest[] {
    return [...this.#ring.slice(this.#oldest), ...this.#ring.slice(0, this.#oldest)];
  }

  clear(): void {
    this.#ring.length = 0;
    this.#oldest = 0;
  }
}

function receivedRequest(service: ServiceName, request: WireRequest, response: WireResponse, at: number): ReceivedRequest {
  const errorCode = response.error?.code ?? response.errorCode;
  return Object.freeze({
    service,
    operation: response.served?.operation ?? `${(request.method ?? "POST").toUpperCase()} ${pathOf(request)}`,
    input: response.served?.input ?? {},
    at,
    statusCode: response.statusCode,
    ...(errorCode === undefined ? {} : { errorCode }),
  });
}
