import { track } from "../internal/running-operators.js";
import type { EndpointDescription } from "./endpoint-kind.js";
import { inServiceOrThrow } from "./endpoint-verdict.js";
import { endpointWaiter, resolveEndpointWait, type EndpointWaitOptions } from "./endpoint-waiter.js";
import { checkName } from "./hosting-input.js";

/**
 * A sensor for an endpoint created elsewhere: waits until it is InService and resolves its
 * description (JSON-safe). Rejects with `EndpointFailedError` when it is Failed (with SageMaker's
 * `FailureReason`), UpdateRollbackFailed or OutOfService, or when it is being deleted or does not
 * exist; with `EndpointWaitTimeoutError` when `maxWaitSeconds` or `maxAttempts` runs out; with
 * `signal.reason` on abort. Waiting never changes the endpoint.
 *
 * Airflow's `SageMakerEndpointSensor` keeps poking through Deleting and counts OutOfService as
 * success (the Amazon provider's `hooks/sagemaker.py`); here both end the wait, and one deadline
 * rule, on the injected clock, replaces the "seconds used as an attempt count" of its
 * `max_ingestion_time` (apache/airflow#32683).
 *
 * @example
 * ```ts
 * const endpoint = await waitForEndpoint("churn", {
 *   client,
 *   clock,
 *   maxWaitSeconds: 3600,
 *   onStatusChange: (e) => console.log(e.time, e.status),
 * });
 * ```
 */
export async function waitForEndpoint(endpointName: string, options: EndpointWaitOptions): Promise<EndpointDescription> {
  checkName("EndpointName", endpointName);
  const run = resolveEndpointWait(options);
  return track(options.signal, async (signal) => {
    const waiter = endpointWaiter(endpointName, run, signal);
    // inServiceOrThrow accepts only an InService description.
    return (await waiter.until("InService", (d) => inServiceOrThrow(endpointName, d))) as EndpointDescription;
  });
}
