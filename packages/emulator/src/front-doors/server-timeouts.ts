/**
 * How long the HTTP server waits on a client, set on purpose rather than left to node's defaults
 * (60 s for headers, 300 s for a request, 5 s keep-alive, all checked only every 30 s). A request
 * that runs out of time gets 408 RequestTimeoutException; an idle connection is closed quietly.
 * docs/clients.md lists them for users.
 */
export interface ServerTimeouts {
  /**
   * From a connection's first byte (or its opening, when it sends nothing) to the end of the
   * request's headers. A client sends its headers in one write, so this only frees connections
   * that never send a request (slowloris). @default 20_000
   */
  headersMs?: number;
  /**
   * To receive a whole request, body included: the largest body the SageMaker model allows
   * (~11 MB, CreateHyperParameterTuningJob at every limit) arrives in time at 200 KB/s. @default 60_000
   */
  requestMs?: number;
  /**
   * How long an idle keep-alive connection stays open between requests. Long enough that a client
   * polling once a minute keeps its connection, so a request is rarely written onto a connection
   * the server is just closing (a reset the client sees as a network error). AWS gives the same
   * advice to servers behind its load balancers, whose idle timeout defaults to 60 s ("Connection
   * idle timeout", Elastic Load Balancing user guide). @default 65_000
   */
  keepAliveMs?: number;
}

export interface ResolvedTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
  readonly keepAliveMs: number;
  /** How often node checks the first two: a quarter of the shorter, at most a second. */
  readonly checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: Required<ServerTimeouts> = { headersMs: 20_000, requestMs: 60_000, keepAliveMs: 65_000 };

export function resolveTimeouts(timeouts: ServerTimeouts = {}): ResolvedTimeouts {
  const known = Object.keys(DEFAULT_TIMEOUTS);
  for (const key of Object.keys(timeouts)) {
    if (!known.includes(key))
      throw new TypeError(`startServer: timeouts has an unknown key ${JSON.stringify(key)}; the known keys are ${known.join(", ")}.`);
  }
  const resolved = { ...DEFAULT_TIMEOUTS, ...timeouts };
  for (const [key, value] of Object.entries(resolved)) {
    if (!(typeof value === "number" && Number.isInteger(value) && value > 0)) {
      throw new RangeError(`startServer: timeouts.${key} [${String(value)}] must be a whole number of milliseconds greater than 0.`);
    }
  }
  if (resolved.headersMs > resolved.requestMs) {
    throw new RangeError(
      `startServer: timeouts.headersMs [${resolved.headersMs}] must not exceed timeouts.requestMs [${resolved.requestMs}].`,
    );
  }
  const checkEveryMs = Math.max(1, Math.min(1000, Math.floor(Math.min(resolved.headersMs, resolved.requestMs) / 4)));
  return { ...resolved, checkEveryMs };
}
