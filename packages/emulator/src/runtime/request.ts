import { header, type WireRequest } from "../wire/aws-json.js";

/**
 * An InvokeEndpoint request as read off the wire: the endpoint from the path, the payload from the
 * body, the other members from their headers (botocore's sagemaker-runtime model,
 * InvokeEndpointInput's `locationName`s). Header names are matched in any case.
 */
export interface InvokeRequest {
  readonly endpointName: string;
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  readonly customAttributes: string | undefined;
  readonly targetModel: string | undefined;
  readonly targetVariant: string | undefined;
  readonly inferenceId: string | undefined;
}

/**
 * Members the emulator reads but does not act on: TargetContainerHostname, InferenceComponentName,
 * SessionId and EnableExplanations need multi-container endpoints, inference components,
 * stateful sessions and SageMaker Clarify, none of which it emulates (docs/fidelity.md §11).
 */
const HEADERS = {
  contentType: "content-type",
  accept: "accept",
  customAttributes: "x-amzn-sagemaker-custom-attributes",
  targetModel: "x-amzn-sagemaker-target-model",
  targetVariant: "x-amzn-sagemaker-target-variant",
  inferenceId: "x-amzn-sagemaker-inference-id",
} as const;

export function readInvokeRequest(wire: WireRequest, endpointName: string): InvokeRequest {
  const body = typeof wire.body === "string" ? new TextEncoder().encode(wire.body) : (wire.body ?? new Uint8Array());
  return {
    endpointName,
    body,
    contentType: header(wire, HEADERS.contentType),
    accept: header(wire, HEADERS.accept),
    customAttributes: header(wire, HEADERS.customAttributes),
    targetModel: header(wire, HEADERS.targetModel),
    targetVariant: header(wire, HEADERS.targetVariant),
    inferenceId: header(wire, HEADERS.inferenceId),
  };
}
