import { holdClock } from "@sagerun/transport";
import { http, HttpResponse, type HttpHandler } from "msw";
import type { Emulator } from "../emulator.js";
import { isS3Host } from "../s3/addressing.js";

export interface SageMakerHandlersOptions {
  /**
   * The regions to answer: a name (`"eu-west-1"`) or a pattern tested against the region. Requests
   * for other regions stay unhandled, so `onUnhandledRequest: "error"` reports them.
   * @default every region
   */
  region?: string | RegExp;
}

/**
 * The hosts the AWS SDK resolves for SageMaker: `api.sagemaker.<region>.amazonaws.com`, plus the
 * FIPS, China and dual-stack variants of the SDK's endpoint rules (`api-fips.`, `.amazonaws.com.cn`,
 * `.api.aws`). The region is the capture group.
 */
const SAGEMAKER_HOST = /^api(?:-fips)?\.sagemaker\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/;

/**
 * msw request handlers that answer the SageMaker API from `emulator`, for code that builds its
 * own `SageMakerClient` with the SDK's default HTTP handler (no `requestHandler` to inject).
 * The handler only moves bytes: every protocol decision is the emulator's {@link Emulator.serve}.
 *
 * @example
 * import { setupServer } from "msw/node";
 * import { createEmulator } from "@sagerun/emulator";
 * import { sageMakerHandlers } from "@sagerun/emulator/msw";
 *
 * const emulator = createEmulator();
 * const server = setupServer(...sageMakerHandlers(emulator));
 * beforeAll(() => server.listen({ onUnhandledRequest: "error" })); // never reach real AWS
 * afterAll(() => server.close());
 *
 * @see https://mswjs.io/docs/api/setup-server
 */
export function sageMakerHandlers(emulator: Emulator, options: SageMakerHandlersOptions = {}): HttpHandler[] {
  return postHandlers(emulator, SAGEMAKER_HOST, options);
}

/**
 * S3's hosts as the AWS SDK resolves them: `s3.<region>.amazonaws.com`, the global
 * `s3.amazonaws.com`, and virtual-hosted `<bucket>.s3.<region>.amazonaws.com` (the SDK's default
 * addressing for DNS-compatible names). The region, when the host names one, is the capture group.
 */
const S3_REGION = /(?:^|\.)s3[.-](?:fips\.)?(?:dualstack\.)?([a-z]{2}(?:-[a-z]+)+-\d+)\./;

/**
 * msw request handlers that answer S3 from `emulator`, for code that builds its own `S3Client`
 * with the SDK's default HTTP handler; every method, since S3's operations are REST. Use them
 * beside {@link sageMakerHandlers}: the emulator routes each request to its service.
 *
 * @example
 * const server = setupServer(...sageMakerHandlers(emulator), ...s3Handlers(emulator));
 */
export function s3Handlers(emulator: Emulator, options: SageMakerHandlersOptions = {}): HttpHandler[] {
  const inRegion = regionPredicate(options.region);
  const answers = (url: string): boolean => {
    const host = new URL(url).hostname;
    if (!/\.amazonaws\.com(?:\.cn)?$/.test(host) || !isS3Host(host)) return false;
    // The global endpoint names no region: it is the emulator's.
    return inRegion(S3_REGION.exec(host)?.[1] ?? emulator.region);
  };
  return [http.all(({ request }) => answers(request.url), serveThrough(emulator))];
}

/**
 * CloudWatch Logs' hosts as the AWS SDK resolves them: `logs.<region>.amazonaws.com`, with the FIPS
 * (`logs-fips.`), China (`.amazonaws.com.cn`) and dual-stack (`.api.aws`) variants. The region is the capture group.
 */
const LOGS_HOST = /^logs(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/;

/**
 * msw request handlers that answer CloudWatch Logs from `emulator`, for code that builds its own
 * `CloudWatchLogsClient` with the SDK's default HTTP handler.
 *
 * @example
 * const server = setupServer(...sageMakerHandlers(emulator), ...logsHandlers(emulator));
 */
export function logsHandlers(emulator: Emulator, options: SageMakerHandlersOptions = {}): HttpHandler[] {
  return postHandlers(emulator, LOGS_HOST, options);
}

/**
 * SageMaker Runtime's hosts as the AWS SDK resolves them (its endpoint rules):
 * `runtime.sagemaker.<region>.amazonaws.com`, the FIPS forms `runtime-fips.sagemaker.…` and
 * `runtime.sagemaker-fips.…`, and the China and dual-stack suffixes. The region is the capture group.
 */
const RUNTIME_HOST = /^runtime(?:-fips)?\.sagemaker(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/;

/**
 * msw request handlers that answer SageMaker Runtime from `emulator`, for code that builds its own
 * `SageMakerRuntimeClient` with the SDK's default HTTP handler: InvokeEndpoint
 * (`POST /endpoints/{EndpointName}/invocations`) runs the endpoint's serving code. Every POST to a
 * runtime host is answered, so the invocations the emulator lacks (streaming, asynchronous) get its
 * NotImplemented instead of msw's unhandled-request error.
 *
 * @example
 * const server = setupServer(...sageMakerHandlers(emulator), ...s3Handlers(emulator), ...runtimeHandlers(emulator));
 */
export function runtimeHandlers(emulator: Emulator, options: SageMakerHandlersOptions = {}): HttpHandler[] {
  return postHandlers(emulator, RUNTIME_HOST, options);
}

/** A POST-only service's handlers: POST to a host `host` matches, in a region the options allow (its capture group). */
function postHandlers(emulator: Emulator, host: RegExp, options: SageMakerHandlersOptions): HttpHandler[] {
  const inRegion = regionPredicate(options.region);
  const answers = (url: string): boolean => {
    const region = host.exec(new URL(url).hostname)?.[1];
    return region !== undefined && inRegion(region);
  };
  return [http.post(({ request }) => answers(request.url), serveThrough(emulator))];
}

/** The one resolver every service's handlers use: bytes in, the emulator's answer out. */
function serveThrough(emulator: Emulator) {
  return async ({ request }: { request: Request }) => {
    const release = holdClock(emulator.clock);
    try {
      const body = new Uint8Array(await request.arrayBuffer());
      const wire = await emulator.respond({
        method: request.method,
        target: request.url,
        headers: Object.fromEntries(request.headers),
        body,
      });
      // A HEAD answer and a 204 carry no body (the fetch Response refuses one).
      const noBody = request.method === "HEAD" || wire.statusCode === 204 || wire.statusCode === 304;
      return new HttpResponse(noBody ? null : wire.body, { status: wire.statusCode, headers: wire.headers });
    } finally {
      release();
    }
  };
}

function regionPredicate(region: string | RegExp | undefined): (name: string) => boolean {
  if (region === undefined) return () => true;
  if (typeof region === "string") return (name) => name === region;
  const pattern = new RegExp(region.source, region.flags.replace(/[gy]/g, "")); // no lastIndex state between requests
  return (name) => pattern.test(name);
}
