import {
  CreateEndpointCommand,
  UpdateEndpointCommand,
  type CreateEndpointCommandInput,
  type SageMakerClient,
  type UpdateEndpointCommandInput,
} from "@aws-sdk/client-sagemaker";
import { abortReason } from "@sagerun/transport";
import { isValidationException, messageOf } from "../internal/aws-errors.js";
import { track } from "../internal/running-operators.js";
import { requestDeletion } from "./delete-endpoint.js";
import { endpointPhase, isEndpointNotFound, type EndpointDescription } from "./endpoint-kind.js";
import { endpointFailed, inServiceOrThrow } from "./endpoint-verdict.js";
import { endpointWaiter, resolveEndpointWait, type EndpointWaitOptions, type EndpointWaitRun } from "./endpoint-waiter.js";
import { checkFlag, checkName } from "./hosting-input.js";

/**
 * What {@link deployEndpoint} takes: the CreateEndpoint request, plus the UpdateEndpoint members
 * that only apply when the endpoint exists and is updated.
 */
export type DeployEndpointInput = CreateEndpointCommandInput &
  Pick<UpdateEndpointCommandInput, "RetainAllVariantProperties" | "ExcludeRetainedVariantProperties" | "RetainDeploymentConfig">;

/** Options of {@link deployEndpoint}. */
export interface DeployEndpointOptions extends EndpointWaitOptions {
  /**
   * When `signal` aborts after this call created the endpoint, delete it before rejecting with
   * `signal.reason`, so a cancelled deployment does not keep instances running and billing
   * (Airflow's operators never clean up: the gap of apache/airflow#31099). SageMaker refuses to
   * delete an endpoint that is still Creating, so the rejection comes once it has settled and
   * DeleteEndpoint was accepted: up to the rest of its Creating phase, on the clock. An endpoint
   * this call only updated, or found deploying, is never deleted.
   * @default true
   */
  readonly deleteOnAbort?: boolean;
}

/** What {@link deployEndpoint} resolves to. */
export interface DeployEndpointResult {
  /**
   * `"created"`: CreateEndpoint; `"updated"`: the endpoint existed and UpdateEndpoint moved it to
   * the config; `"unchanged"`: it already served (or was deploying) that config, so nothing was sent.
   */
  readonly action: "created" | "updated" | "unchanged";
  /** The endpoint's description once InService on the requested config, JSON-safe. */
  readonly description: EndpointDescription;
}

// Create → "already exists" → the endpoint turns out to be Deleting → wait → Create again: a name
// that keeps being taken and freed this often means something else is racing us.
const MAX_CREATE_ROUNDS = 3;

/**
 * Deploys an endpoint config to an endpoint and waits until it serves it (InService). The
 * endpoint is created, or, when it exists, updated to the config (Airflow's
 * `SageMakerEndpointOperator` falls back from create to update on "Cannot create already existing
 * endpoint", apache/airflow#7891, and only on that error, #33487). An existing endpoint is first
 * waited for while Creating or Updating (SageMaker refuses to update it then); one already on
 * the config is left alone (`"unchanged"`); one being deleted is waited for, then created again.
 * `Tags` only apply on create: UpdateEndpoint has none.
 *
 * Rejects with `EndpointFailedError` when the endpoint ends Failed (with SageMaker's
 * `FailureReason`), when an existing endpoint is Failed (delete it first), and when an update
 * fails and SageMaker rolls it back (`rolledBack: true`: InService again, on the old config, which
 * is not a success); with `EndpointWaitTimeoutError` when the wait options run out (the endpoint
 * is left as it is); with `signal.reason` on abort, after deleting an endpoint it created (see
 * `deleteOnAbort`). An update cannot be cancelled: an abort leaves it to finish.
 *
 * @example
 * ```ts
 * await createModel(modelRequest, { client, clock, onExists: "reuse" });
 * await createEndpointConfig(configRequest, { client, clock, onExists: "reuse" });
 * const { action, description } = await deployEndpoint(
 *   { EndpointName: "churn", EndpointConfigName: "churn-v2" },
 *   { client, clock, maxWaitSeconds: 3600, onStatusChange: (e) => console.log(e.time, e.status) },
 * );
 * console.log(action, description.EndpointStatus); // "updated" "InService"
 * ```
 */
export async function deployEndpoint(input: DeployEndpointInput, options: DeployEndpointOptions): Promise<DeployEndpointResult> {
  const endpointName = checkName("EndpointName", input.EndpointName);
  const configName = checkName("EndpointConfigName", input.EndpointConfigName);
  const run = resolveEndpointWait(options);
  const deleteOnAbort = checkFlag("deleteOnAbort", options.deleteOnAbort, true);
  const { client } = run;

  return track(options.signal, async (signal) => {
    // One waiter, so that maxWaitSeconds bounds the whole call.
    const waiter = endpointWaiter(endpointName, run, signal);

    const waitForCreated = async (): Promise<EndpointDescription> => {
      try {
        return (await waiter.until("InService", (d) => inServiceOrThrow(endpointName, d))) as EndpointDescription;
      } catch (err) {
        if (!signal.aborted) throw err;
        if (deleteOnAbort) await deleteAfterAbort(endpointName, run);
        throw abortReason(signal);
      }
    };

    const waitForUpdated = async (before: EndpointDescription): Promise<EndpointDescription> => {
      await client.send(new UpdateEndpointCommand(updateRequest(input)));
      let changing = false;
      const after = await waiter.until("InService", (d) => {
        const phase = endpointPhase(d);
        if (phase === "running") {
          changing = true;
          return false;
        }
        if (phase !== "ready") throw endpointFailed(endpointName, d, { endpointConfigName: configName });
        if (sameName(d?.EndpointConfigName, configName)) return true;
        // InService on the old config after the update was seen under way, or with a new
        // FailureReason: SageMaker rolled the update back (API reference, DescribeEndpoint
        // FailureReason; aws-controllers-k8s/sagemaker-controller#7). Before either, this read does
        // not show the update yet: UpdateEndpoint sets Updating when it is accepted.
        if (changing || d?.FailureReason !== before.FailureReason) {
          throw endpointFailed(endpointName, d, { endpointConfigName: configName, rolledBack: true });
        }
        return false;
      });
      return after as EndpointDescription;
    };

    for (let round = 1; ; round++) {
      signal.throwIfAborted();
      const conflict = await createEndpoint(client, input);
      if (conflict === undefined) return { action: "created", description: await waitForCreated() };
      // It exists. SageMaker takes no change while it is Creating or Updating: let it settle first.
      const existing = await waiter.until("settled", (d) => endpointPhase(d) !== "running");
      switch (endpointPhase(existing)) {
        case "gone":
          if (round >= MAX_CREATE_ROUNDS) throw conflict;
          await waiter.until("deleted", (d) => d?.EndpointStatus !== "Deleting");
          continue;
        case "failed":
          throw endpointFailed(endpointName, existing);
        default: {
          const serving = existing as EndpointDescription;
          if (sameName(serving.EndpointConfigName, configName)) return { action: "unchanged", description: serving };
          return { action: "updated", description: await waitForUpdated(serving) };
        }
      }
    }
  });
}

/** CreateEndpoint; resolves `undefined` when created, or SageMaker's error when the endpoint already exists. */
async function createEndpoint(client: SageMakerClient, input: DeployEndpointInput): Promise<unknown> {
  const request: CreateEndpointCommandInput = {
    EndpointName: input.EndpointName,
    EndpointConfigName: input.EndpointConfigName,
    DeploymentConfig: input.DeploymentConfig,
    Tags: input.Tags,
  };
  try {
    await client.send(new CreateEndpointCommand(request));
    return undefined;
  } catch (err) {
    // Only this error means "update instead" (apache/airflow#33487).
    if (isValidationException(err) && /^Cannot create already existing endpoint/.test(messageOf(err))) return err;
    throw err;
  }
}

/** The UpdateEndpoint request: Tags dropped (it has none, apache/airflow#33487), the update-only members kept. */
function updateRequest(input: DeployEndpointInput): UpdateEndpointCommandInput {
  return {
    EndpointName: input.EndpointName,
    EndpointConfigName: input.EndpointConfigName,
    DeploymentConfig: input.DeploymentConfig,
    RetainAllVariantProperties: input.RetainAllVariantProperties,
    ExcludeRetainedVariantProperties: input.ExcludeRetainedVariantProperties,
    RetainDeploymentConfig: input.RetainDeploymentConfig,
  };
}

/** SageMaker resource names are case-insensitive (API reference, CreateEndpoint: EndpointName). */
function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * Deletes the endpoint a cancelled deployment created. The caller's signal has aborted, so this
 * runs to the end on a waiter of its own (a fresh deadline, no status events); an endpoint that is
 * already gone is fine. Its own failure is thrown instead of the abort reason, since the endpoint
 * may still be running.
 */
async function deleteAfterAbort(endpointName: string, run: EndpointWaitRun): Promise<void> {
  const waiter = endpointWaiter(endpointName, { ...run, onStatusChange: undefined }, undefined);
  try {
    await requestDeletion(run.client, endpointName, waiter);
  } catch (err) {
    if (!isEndpointNotFound(err)) throw err;
  }
}
