import {
  DeleteEndpointCommand,
  DescribeEndpointCommand,
  type DescribeEndpointCommandOutput,
  type EndpointStatus,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { isValidationException, messageOf } from "../internal/aws-errors.js";
import { raceAbort } from "../internal/race-abort.js";
import { sendOptions, type JobDescription } from "../job-kinds/job-kind.js";
import { toJsonSafe } from "../json-safe.js";

/** A DescribeEndpoint output as sagerun hands it out: JSON-safe (dates as ISO-8601), without `$metadata`. */
export type EndpointDescription = JobDescription<DescribeEndpointCommandOutput>;

/**
 * What an endpoint status means for a waiting caller: `running` (a change is under way, keep
 * polling), `ready` (InService: serving), `failed` (settled, not serving what was asked), `gone`
 * (being deleted, or no longer found).
 */
type EndpointPhase = "running" | "ready" | "failed" | "gone";

/** The endpoint waiter descriptor's shape; see {@link endpointKind}. */
interface EndpointKind {
  /** Every `EndpointStatus` → its phase. */
  readonly phases: { readonly [S in EndpointStatus]: EndpointPhase };
  /** One SDK call each; `describe` may be cancelled, `delete` must run to the end. */
  readonly commands: {
    readonly describe: (client: SageMakerClient, name: string, abortSignal?: AbortSignal) => Promise<DescribeEndpointCommandOutput>;
    readonly delete: (client: SageMakerClient, name: string) => Promise<unknown>;
  };
}

/**
 * Endpoints as a waiter sees them: one table from every `EndpointStatus` to its phase, and the
 * two calls a wait needs. Not a `JobKind`: an endpoint succeeds by reaching InService and staying
 * there, has no Stop (Delete instead) and no MaxRuntime.
 *
 * | EndpointStatus (API reference, DescribeEndpoint) | phase |
 * |---|---|
 * | Creating, Updating, SystemUpdating, RollingBack | running: RollingBack "returns to an InService status" once done |
 * | InService | ready |
 * | Failed | failed: "DeleteEndpoint is the only operation that can be performed on a failed endpoint" |
 * | UpdateRollbackFailed | failed: in service "with a mix of the old and new endpoint configurations" |
 * | OutOfService | failed: "not available to take incoming requests", with no documented way back by waiting |
 * | Deleting | gone |
 *
 * Airflow's `SageMakerEndpointSensor` waits through Deleting and counts OutOfService as success
 * (the Amazon provider's `hooks/sagemaker.py` `endpoint_non_terminal_states`); sagerun does
 * neither. Statuses: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html
 */
export const endpointKind: EndpointKind = {
  phases: {
    Creating: "running",
    Updating: "running",
    SystemUpdating: "running",
    RollingBack: "running",
    InService: "ready",
    Failed: "failed",
    UpdateRollbackFailed: "failed",
    OutOfService: "failed",
    Deleting: "gone",
  },
  commands: {
    describe: (client, name, abortSignal) => client.send(new DescribeEndpointCommand({ EndpointName: name }), sendOptions(abortSignal)),
    delete: (client, name) => client.send(new DeleteEndpointCommand({ EndpointName: name })),
  },
};

/**
 * SageMaker's answer for an endpoint that does not exist: a `ValidationException` "Could not find
 * endpoint "arn:…"." (on Describe and Delete alike; aws/amazon-sagemaker-examples#2402).
 */
export function isEndpointNotFound(err: unknown): boolean {
  return isValidationException(err) && /^Could not find endpoint/.test(messageOf(err));
}

/** The endpoint's phase; `undefined` (not found) is `gone`, and a status AWS adds later counts as `running`. */
export function endpointPhase(description: EndpointDescription | undefined): EndpointPhase {
  if (description === undefined) return "gone";
  const phases: Readonly<Record<string, EndpointPhase | undefined>> = endpointKind.phases;
  return phases[description.EndpointStatus ?? ""] ?? "running";
}

/**
 * One DescribeEndpoint call, JSON-safe and without `$metadata`; `undefined` when the endpoint does
 * not exist. An aborted `signal` rejects with its reason at once, whatever the transport does.
 */
export async function describeEndpoint(
  client: SageMakerClient,
  endpointName: string,
  signal?: AbortSignal,
): Promise<EndpointDescription | undefined> {
  let answer: DescribeEndpointCommandOutput;
  try {
    answer = await raceAbort(endpointKind.commands.describe(client, endpointName, signal), signal);
  } catch (err) {
    if (!signal?.aborted && isEndpointNotFound(err)) return undefined;
    throw err;
  }
  const output: Record<string, unknown> = { ...answer };
  delete output.$metadata;
  return toJsonSafe(output) as EndpointDescription;
}
