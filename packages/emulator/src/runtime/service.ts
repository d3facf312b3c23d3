import { ContainerError } from "../containers/contract.js";
import { pathOf } from "../service-router.js";
import type { ServedOperation, WireRequest, WireResponse } from "../wire/aws-json.js";
import { asRestJsonError, payloadResponse, restJsonErrorResponse } from "../wire/rest-json.js";
import { checkConstraints } from "./constraints.js";
import {
  bodyTooLarge,
  endpointNotFound,
  endpointNotInService,
  MAX_BODY_BYTES,
  modelError,
  noWeightedVariant,
  notMultiModel,
  runtimeNotImplemented,
  type RuntimeScope,
  unknownRuntimeOperation,
  variantNotFound,
} from "./errors.js";
import type { RuntimePort, RuntimeVariant } from "./port.js";
import { type InvokeRequest, readInvokeRequest } from "./request.js";
import { runtimeRouteOf } from "./routes.js";
import { chooseVariant } from "./variant.js";

/** Who is calling and with what randomness: the answer's request id, the account and region it names, the variant draw. */
export interface RuntimeContext extends RuntimeScope {
  readonly requestId: string;
  /** Uniform in [0, 1): the emulator's seeded Random's `next`, so a seed replays the same variant choices. */
  readonly random: () => number;
}

/**
 * Answers one SageMaker Runtime request (REST-JSON): route it by method and path, read it, ask
 * the port for the endpoint and its serving code, and answer the payload, or the refusal in
 * REST-JSON's error shape. Only InvokeEndpoint is served; the streaming and asynchronous
 * invocations answer NotImplemented, marked for the HTTP server's gap log.
 */
export function serveRuntime(wire: WireRequest, port: RuntimePort, context: RuntimeContext): WireResponse {
  const method = (wire.method ?? "POST").toUpperCase();
  const path = pathOf(wire);
  let served: ServedOperation | undefined;
  try {
    const route = method === "POST" ? runtimeRouteOf(path) : undefined;
    if (!route) throw unknownRuntimeOperation(method, path);
    served = { operation: route.operation, input: { EndpointName: route.endpointName } };
    if (route.operation !== "InvokeEndpoint") {
      const response = restJsonErrorResponse(runtimeNotImplemented(route.operation), context.requestId);
      return { ...response, served, unimplemented: `SageMaker Runtime ${route.operation}` };
    }
    const request = readInvokeRequest(wire, route.endpointName);
    served = { operation: route.operation, input: inputOf(request) };
    return { ...invokeEndpoint(request, port, context), served };
  } catch (error) {
    const response = restJsonErrorResponse(asRestJsonError(error), context.requestId);
    return served ? { ...response, served } : response;
  }
}

/** The members read from the headers, as the SDK's input names them (the body is left out): what the request log records. */
function inputOf(request: InvokeRequest): Record<string, unknown> {
  const members: Record<string, string | undefined> = {
    EndpointName: request.endpointName,
    ContentType: request.contentType,
    Accept: request.accept,
    CustomAttributes: request.customAttributes,
    TargetModel: request.targetModel,
    TargetVariant: request.targetVariant,
    InferenceId: request.inferenceId,
  };
  return Object.fromEntries(Object.entries(members).filter(([, value]) => value !== undefined));
}

/**
 * The statuses in which an endpoint takes requests: InService, and the updates that keep the old
 * fleet serving until the new one takes over ("there is no availability loss", API_UpdateEndpoint;
 * UpdateRollbackFailed "is in service with a mix of the old and new endpoint configurations",
 * API_DescribeEndpoint). Creating, Deleting, Failed and OutOfService do not.
 */
const SERVING = new Set(["InService", "Updating", "SystemUpdating", "RollingBack", "UpdateRollbackFailed"]);

function invokeEndpoint(request: InvokeRequest, port: RuntimePort, context: RuntimeContext): WireResponse {
  // The front end refuses an oversized body before anything reads it (errors.ts, bodyTooLarge).
  if (request.body.byteLength > MAX_BODY_BYTES) throw bodyTooLarge();
  checkConstraints(request);
  const name = request.endpointName;
  const endpoint = port.endpoint(name);
  if (!endpoint) throw endpointNotFound(name, context);
  if (!SERVING.has(endpoint.status)) throw endpointNotInService(name, endpoint.status, context);
  if (request.targetModel !== undefined) throw notMultiModel(name);
  const variant = variantFor(request, endpoint.variants, context);
  let answer: ReturnType<RuntimePort["invoke"]>;
  try {
    answer = port.invoke(name, variant.name, {
      body: request.body,
      // [INF] a request without Content-Type reaches the container as raw bytes (the JS SDK sends
      // application/octet-stream then; botocore sends no Content-Type).
      contentType: request.contentType ?? "application/octet-stream",
      accept: request.accept,
      customAttributes: request.customAttributes,
    });
  } catch (error) {
    if (error instanceof ContainerError) throw modelError(error, name, context);
    throw error;
  }
  const body = typeof answer.body === "string" ? new TextEncoder().encode(answer.body) : answer.body;
  return payloadResponse(body, context.requestId, {
    "content-type": answer.contentType,
    "x-amzn-invoked-production-variant": variant.name,
    ...(answer.customAttributes === undefined ? {} : { "x-amzn-sagemaker-custom-attributes": answer.customAttributes }),
  });
}

/** TargetVariant names the variant (exactly); without it the weighted draw picks one. */
function variantFor(request: InvokeRequest, variants: readonly RuntimeVariant[], context: RuntimeContext): RuntimeVariant {
  const name = request.endpointName;
  if (request.targetVariant !== undefined) {
    const named = variants.find((variant) => variant.name === request.targetVariant);
    if (!named) throw variantNotFound(request.targetVariant, name, context);
    return named;
  }
  const drawn = chooseVariant(variants, context.random);
  if (!drawn) throw noWeightedVariant(name, context);
  return drawn;
}
