/**
 * SageMaker Runtime's operations by their paths (botocore's sagemaker-runtime model, each
 * operation's `http.requestUri`, all `POST`): the service router asks {@link runtimeRouteOf} whether a
 * path is the runtime's, and the service asks it which operation and endpoint the path names.
 */
export type RuntimeOperation = "InvokeEndpoint" | "InvokeEndpointWithResponseStream" | "InvokeEndpointAsync";

const OPERATION_BY_SUFFIX: Readonly<Record<string, RuntimeOperation>> = {
  invocations: "InvokeEndpoint",
  "invocations-response-stream": "InvokeEndpointWithResponseStream",
  "async-invocations": "InvokeEndpointAsync",
};

/** `/endpoints/{EndpointName}/<suffix>`; the name is one path segment, still percent-encoded. */
const RUNTIME_PATH = /^\/endpoints\/([^/]+)\/(invocations|invocations-response-stream|async-invocations)$/;

/** The operation and endpoint name a path names, or undefined when it is no runtime path. */
export function runtimeRouteOf(path: string): { operation: RuntimeOperation; endpointName: string } | undefined {
  const match = RUNTIME_PATH.exec(path);
  if (!match) return undefined;
  const operation = OPERATION_BY_SUFFIX[match[2]!]!;
  let endpointName: string;
  try {
    endpointName = decodeURIComponent(match[1]!);
  } catch {
    // A malformed escape is no name the service would find; the raw segment keeps the answer honest.
    endpointName = match[1]!;
  }
  return { operation, endpointName };
}

/**
 * The hosts the SDKs resolve for SageMaker Runtime (botocore's sagemaker-runtime
 * `endpoint-rule-set-1.json`): `runtime.sagemaker.<region>.<dns suffix>`, its FIPS forms
 * `runtime-fips.sagemaker.…` and `runtime.sagemaker-fips.…`.
 */
export function isRuntimeHost(host: string): boolean {
  return /^runtime(?:-fips)?\.sagemaker(?:-fips)?\./.test(host);
}
