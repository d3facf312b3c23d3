import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { isValidationException } from "../internal/aws-errors.js";
import { track } from "../internal/running-operators.js";
import { endpointKind, endpointPhase, isEndpointNotFound } from "./endpoint-kind.js";
import { endpointFailed } from "./endpoint-verdict.js";
import { endpointWaiter, resolveEndpointWait, type EndpointWaitOptions, type EndpointWaiter } from "./endpoint-waiter.js";
import { checkFlag, checkName } from "./hosting-input.js";

/** Options of {@link deleteEndpoint}. */
export interface DeleteEndpointOptions extends EndpointWaitOptions {
  /**
   * Resolve `false` when the endpoint does not exist, instead of rejecting with SageMaker's
   * `ValidationException` ("Could not find endpoint …").
   * @default false
   */
  readonly ifExists?: boolean;
}

// SageMaker refuses DeleteEndpoint while the endpoint is Creating or Updating; after the wait for it
// to settle the next try is accepted, unless someone changes it again in between.
const MAX_DELETE_ROUNDS = 3;

/**
 * Sends DeleteEndpoint. An endpoint that is Creating or Updating cannot be deleted yet (SageMaker
 * answers "Cannot update in-progress endpoint"; aws/amazon-sagemaker-examples#3432, #3188), so on a
 * refusal it waits for the endpoint to settle and tries again. Resolves once a deletion is under
 * way (this one, or one found in progress) or the endpoint is gone; rejects with SageMaker's "Could
 * not find endpoint" when it did not exist in the first place.
 */
export async function requestDeletion(client: SageMakerClient, endpointName: string, waiter: EndpointWaiter): Promise<void> {
  for (let round = 1; ; round++) {
    try {
      await endpointKind.commands.delete(client, endpointName);
      return;
    } catch (err) {
      // Gone after a first refusal: someone else's deletion finished while we waited.
      if (round > 1 && isEndpointNotFound(err)) return;
      if (isEndpointNotFound(err) || !isValidationException(err) || round >= MAX_DELETE_ROUNDS) throw err;
    }
    const settled = await waiter.until("settled", (d) => endpointPhase(d) !== "running");
    if (endpointPhase(settled) === "gone") return;
  }
}

/**
 * Deletes an endpoint and waits until DescribeEndpoint no longer finds it, so the name can be
 * used again. One still Creating or Updating is deleted as soon as it settles; one already being
 * deleted is waited for. The endpoint config and models stay (DeleteEndpoint does not touch them).
 * Resolves `true` once it is gone, `false` when it did not exist and `ifExists` is set. An abort
 * rejects with `signal.reason`; a deletion already requested goes on.
 *
 * Airflow has no operator for this (the Amazon provider's `hooks/sagemaker.py` has no delete
 * helper for endpoints).
 *
 * @example
 * ```ts
 * await deleteEndpoint("churn", { client, clock, ifExists: true });
 * await deleteEndpointConfig("churn-v2", { client, clock, ifExists: true });
 * ```
 */
export async function deleteEndpoint(endpointName: string, options: DeleteEndpointOptions): Promise<boolean> {
  checkName("EndpointName", endpointName);
  const run = resolveEndpointWait(options);
  const ifExists = checkFlag("ifExists", options.ifExists, false);
  return track(options.signal, async (signal) => {
    signal.throwIfAborted();
    const waiter = endpointWaiter(endpointName, run, signal);
    try {
      await requestDeletion(run.client, endpointName, waiter);
    } catch (err) {
      if (ifExists && isEndpointNotFound(err)) return false;
      throw err;
    }
    // Deleting, then gone; another status means the deletion did not go through, or a new endpoint took the name.
    const after = await waiter.until("deleted", (d) => d?.EndpointStatus !== "Deleting");
    if (after !== undefined && endpointPhase(after) === "failed") throw endpointFailed(endpointName, after);
    return true;
  });
}
