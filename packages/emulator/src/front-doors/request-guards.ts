import type { IncomingMessage } from "node:http";
import { ServiceError } from "../errors.js";
import type { ServiceName } from "../service-router.js";
import { hostnameOfHeader, hostnameOfOrigin, type OwnHosts } from "./own-host.js";
import type { RequestTarget } from "./request-target.js";

/**
 * Who may use the HTTP server: requests addressed to one of its own names (own-host.ts), and, for
 * the admin routes, no page of a foreign web origin. Each check answers the refusal to send, or
 * undefined to go on.
 */

/**
 * Every request must name its host (HTTP/1.1 requires it, RFC 9112 §3.2: a request without Host
 * is 400), and the host must be one of the server's own; an absolute-form target's host as well.
 */
export function hostRefusal(hosts: OwnHosts, request: IncomingMessage, target: RequestTarget): ServiceError | undefined {
  const header = request.headers.host;
  if (header === undefined || header === "") {
    return new ServiceError("BadRequestException", "The request has no Host header; HTTP/1.1 requires one (RFC 9112, section 3.2).");
  }
  const name = hostnameOfHeader(header);
  if (name === undefined) return new ServiceError("BadRequestException", `The Host header ${quote(header)} is not a host name.`);
  for (const host of [name, target.host]) {
    if (host !== undefined && !hosts.has(host)) return foreignHost(hosts, host);
  }
  return undefined;
}

/**
 * The admin routes change the emulator, so a web page must not reach them. A page's requests carry
 * its `Origin`: one that is not the server's own is refused. A write must also say
 * `Content-Type: application/json`: a browser sends that type cross-site only after a CORS
 * preflight, which this server never grants, while a form or a `text/plain` fetch goes out
 * without one (https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS#simple_requests).
 */
export function adminRefusal(hosts: OwnHosts, request: IncomingMessage, isWrite: boolean): ServiceError | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const name = hostnameOfOrigin(origin);
    if (name === undefined || !hosts.has(name)) {
      return new ServiceError(
        "AccessDeniedException",
        `The admin routes refuse requests from web pages of other origins; got Origin ${quote(origin)}.`,
      );
    }
  }
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (isWrite && type !== "application/json") {
    return new ServiceError(
      "AccessDeniedException",
      `Admin writes need Content-Type: application/json (a guard against cross-site requests); got ${type === "" ? "none" : quote(type)}.`,
    );
  }
  return undefined;
}

/** Each service as a refusal names it. */
const SERVICE_TITLE: Readonly<Record<ServiceName, string>> = {
  sagemaker: "SageMaker",
  runtime: "SageMaker Runtime",
  logs: "CloudWatch Logs",
  s3: "S3",
};

/**
 * S3 is REST: every method is an operation there. SageMaker, CloudWatch Logs and SageMaker Runtime
 * are served on POST only (the runtime's operations are all `POST` in botocore's model), so any other
 * method is refused, naming the service the router picked for the request.
 */
export function methodRefusal(service: ServiceName, method: string, path: string): ServiceError | undefined {
  if (method === "POST" || service === "s3") return undefined;
  return new ServiceError(
    "MethodNotAllowedException",
    `The ${SERVICE_TITLE[service]} API is served on POST only, got ${method} ${path.slice(0, 200)}.`,
  );
}

function foreignHost(hosts: OwnHosts, name: string): ServiceError {
  const own = ["localhost", "an IP address", ...hosts.names].join(", ");
  return new ServiceError(
    "AccessDeniedException",
    `The sagerun emulator serves only requests addressed to one of its own names (${own}; add one with --allow-host); ` +
      `got ${quote(name)}. This guards it against DNS rebinding.`,
  );
}

/** A client's text in a message: quoted, and cut short so a huge header cannot bloat the answer. */
function quote(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
