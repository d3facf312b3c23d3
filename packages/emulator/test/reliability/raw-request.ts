import type { ServiceName } from "../../src/service-router.js";

/**
 * A request as bytes on its way to a front door, before any client has tidied it: the fuzz
 * generators build these and each front door (fuzz-doors.ts) carries them as far as it can.
 */
export interface RawRequest {
  /** The service the generator meant; the router may read the mutated request otherwise. */
  readonly service: ServiceName;
  readonly method: string;
  /** The request target as sent: path and query, possibly not valid percent-encoding. */
  readonly path: string;
  /** For S3, a bucket addressed virtual-hosted style (in the host, not the path). */
  readonly virtualBucket?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  /**
   * Bytes only a raw socket can send (a header no HTTP client would write, a broken request line):
   * the HTTP door writes them as they are; the other doors skip the request.
   */
  readonly rawOnly?: (hostHeader: string) => Uint8Array;
}

/** An answer as the client received it: status, headers (lower-case names) and body bytes. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export const text = (body: Uint8Array): string => new TextDecoder().decode(body);
export const bytes = (body: string): Uint8Array => new TextEncoder().encode(body);

/** A SigV4 Authorization header scoped to `service` (nothing checks the signature; the router reads the scope). */
export const signedFor = (service: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`;
