import { hostnameOfHeader } from "./front-doors/own-host.js";
import { parseRequestTarget } from "./front-doors/request-target.js";
import { isRuntimeHost, runtimeRouteOf } from "./runtime/routes.js";
import { isS3Host } from "./s3/addressing.js";
import { header, TARGET_PREFIX, type WireRequest } from "./wire/aws-json.js";

/** The services one emulator answers, each through its own wire protocol. */
export type ServiceName = "sagemaker" | "runtime" | "s3" | "logs";

/**
 * Which service a request is for, the way LocalStack routes one port to many services (its
 * `localstack/aws/protocol/service_router.py`, in localstack/localstack; docs/fidelity.md §9): an
 * `X-Amz-Target` names an AWS JSON service by its prefix (`Logs_20140328.`: CloudWatch Logs; any
 * other: SageMaker); else the service in the SigV4 credential scope
 * (`Credential=AKID/20250101/us-east-1/s3/aws4_request`, in the Authorization header or a presigned
 * URL's `X-Amz-Credential`); else S3's hosts (`s3.…`, `<bucket>.s3.…`, `<bucket>.localhost`).
 * SageMaker Runtime signs as `sagemaker` too (its model's `signingName`), so within that scope, and
 * for unsigned requests to no S3 host, its hosts and paths pick it (docs/fidelity.md §11).
 * Everything else is SageMaker's, whose wire then answers what it does not understand.
 */
export function serviceOf(request: WireRequest): ServiceName {
  const target = header(request, "x-amz-target");
  if (target !== undefined) return target.startsWith(`${TARGET_PREFIX.logs}.`) ? "logs" : "sagemaker";
  const scoped = credentialScope(request)?.service;
  if (scoped === "s3" || scoped === "logs") return scoped;
  if (scoped !== undefined && scoped !== "sagemaker") return "sagemaker";
  const host = hostOf(request);
  if (host !== undefined && isRuntimeHost(host)) return "runtime";
  if (scoped === undefined && host !== undefined && isS3Host(host)) return "s3";
  return runtimeRouteOf(pathOf(request)) ? "runtime" : "sagemaker";
}

/** The region and service a request is signed for, if it is signed. */
export function credentialScope(request: WireRequest): { region: string; service: string } | undefined {
  const credential =
    /Credential=([^,\s]+)/.exec(header(request, "authorization") ?? "")?.[1] ?? queryOf(request).get("X-Amz-Credential") ?? undefined;
  const parts = credential?.split("/");
  if (!parts || parts.length < 5) return undefined;
  return { region: parts[parts.length - 3]!, service: parts[parts.length - 2]! };
}

/** The host the request is addressed to: an absolute target's, else the Host header's (no port, lower case). */
export function hostOf(request: WireRequest): string | undefined {
  const target = request.target ?? "/";
  if (!target.startsWith("/")) return parseRequestTarget(target)?.host?.toLowerCase();
  const host = header(request, "host");
  return host === undefined ? undefined : hostnameOfHeader(host);
}

/** The path (still percent-encoded) of the request target, without its query. */
export function pathOf(request: WireRequest): string {
  return parseRequestTarget(request.target ?? "/")?.path ?? "/";
}

export function queryOf(request: WireRequest): URLSearchParams {
  const target = request.target ?? "/";
  const question = target.indexOf("?");
  return new URLSearchParams(question < 0 ? "" : target.slice(question + 1).replace(/#.*$/s, ""));
}
