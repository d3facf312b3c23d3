import type { InvocationRequest, InvocationResponse } from "../containers/contract.js";

/**
 * What SageMaker Runtime needs of the rest of the emulator, and nothing more: the runtime never
 * sees the store, the clock or the containers, only this port (the emulator adapts its endpoints
 * and their serving code to it; tests pass a fake).
 */
export interface RuntimePort {
  /** The endpoint by its exact name (InvokeEndpoint matches case), or undefined. */
  endpoint(name: string): RuntimeEndpoint | undefined;
  /**
   * Runs the serving code of `variant` of `endpoint` on the request. May throw ContainerError
   * (src/containers/contract.ts), which the runtime answers as ModelError.
   */
  invoke(endpoint: string, variant: string, request: RuntimeInvocation): RuntimeAnswer;
}

/** An endpoint as the runtime sees it: its DescribeEndpoint status and ARN, and its production variants. */
export interface RuntimeEndpoint {
  readonly status: string;
  readonly arn: string;
  readonly variants: readonly RuntimeVariant[];
}

export interface RuntimeVariant {
  readonly name: string;
  /** The variant's current weight; traffic splits in proportion to it (0 takes none). */
  readonly weight: number;
}

/**
 * The request as the container gets it, plus the caller's `X-Amzn-SageMaker-Custom-Attributes`,
 * which SageMaker forwards verbatim to the container (API_runtime_InvokeEndpoint, CustomAttributes).
 * A port that takes a plain InvocationRequest fits here.
 */
export interface RuntimeInvocation extends InvocationRequest {
  readonly customAttributes?: string | undefined;
}

/**
 * The container's answer, plus the custom attributes it sets on the way back: only the serving
 * code sets them, and without them the response carries none (API_runtime_InvokeEndpoint,
 * CustomAttributes). A port that answers a plain InvocationResponse fits here.
 */
export interface RuntimeAnswer extends InvocationResponse {
  readonly customAttributes?: string | undefined;
}
