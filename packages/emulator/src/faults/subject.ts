import { runtimeRouteOf } from "../runtime/routes.js";
import { readS3Request } from "../s3/request.js";
import { routeOf } from "../s3/routes.js";
import { pathOf, type ServiceName } from "../service-router.js";
import { header, TARGET_PREFIX, type WireRequest } from "../wire/aws-json.js";
import { bodyText, decodeJson } from "../wire/json-codec.js";

/** What a request names, for a request fault's `match`: read the way its service reads it, without running it. */
export interface RequestSubject {
  readonly operation?: string | undefined;
  readonly resource?: string | undefined;
}

/**
 * The operation and resource `request` names, through each service's own readers (the AWS JSON
 * target, S3's router, the runtime's paths): a request they cannot read names nothing, and a fault
 * that asks for an operation or a resource then does not apply (the service answers it itself).
 */
export function requestSubject(service: ServiceName, request: WireRequest, region: string): RequestSubject {
  try {
    if (service === "s3") {
      const s3 = readS3Request(request, region);
      return { operation: routeOf(s3).name, resource: s3.bucket };
    }
    if (service === "runtime") {
      const route = runtimeRouteOf(pathOf(request));
      return { operation: route?.operation, resource: route?.endpointName };
    }
    const prefix = `${service === "logs" ? TARGET_PREFIX.logs : TARGET_PREFIX.sagemaker}.`;
    const target = header(request, "x-amz-target");
    const operation = target?.startsWith(prefix) ? target.slice(prefix.length) : undefined;
    return { operation, resource: nameMember(request) };
  } catch {
    return {};
  }
}

/**
 * The resource an AWS JSON request names: its first top-level string member called `…Name`
 * (TrainingJobName, EndpointName; Logs' logGroupName). Read only when a fault matches on resources.
 */
function nameMember(request: WireRequest): string | undefined {
  const text = bodyText(request.body);
  if (text.trim() === "") return undefined;
  const input = decodeJson(text);
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (/name$/i.test(key) && typeof value === "string") return value;
  }
  return undefined;
}
