import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { BackendOptions } from "../backend.js";
import { isTransientError, isValidationException, messageOf } from "../internal/aws-errors.js";
import { checkBackendOptions } from "../internal/check-backend.js";
import type { JobDescription } from "../job-kinds/job-kind.js";
import { toJsonSafe } from "../json-safe.js";
import { checkFlag, checkName, resolveExistsPolicy, type HostingExistsPolicy } from "./hosting-input.js";

/** Options of `createModel` and `createEndpointConfig`. */
export interface HostingCreateOptions extends BackendOptions {
  /**
   * What to do when a resource of that name exists: `"fail"` lets SageMaker's
   * `ValidationException` ("Cannot create already existing model …") through; `"reuse"` returns
   * the existing one's description as it is, whatever its definition (models and endpoint configs
   * cannot be changed, only deleted), so a retried task does not fail on what its first try
   * created (apache/airflow#39502 is that failure for the transform operator's model).
   * Read like every option word: case and surrounding spaces do not matter.
   * @default "fail"
   */
  readonly onExists?: HostingExistsPolicy;
}

/** Options of `deleteModel` and `deleteEndpointConfig`. */
export interface HostingDeleteOptions extends BackendOptions {
  /**
   * Resolve `false` when the resource does not exist, instead of rejecting with SageMaker's
   * `ValidationException` ("Could not find model …").
   * @default false
   */
  readonly ifExists?: boolean;
}

/**
 * A hosting resource without a lifecycle (a model, an endpoint config), as data: its calls and
 * SageMaker's texts for "exists" and "not found", which come as a `ValidationException`.
 */
export interface HostingResource<Input extends object, Output extends object> {
  /** The Create member that carries the name: `"ModelName"`. */
  readonly nameField: keyof Input & string;
  readonly create: (client: SageMakerClient, input: Input) => Promise<unknown>;
  readonly describe: (client: SageMakerClient, name: string) => Promise<Output>;
  readonly delete: (client: SageMakerClient, name: string) => Promise<unknown>;
  /** How SageMaker's message begins when the name is taken: "Cannot create already existing model". */
  readonly existsMessage: RegExp;
  /** How it begins when the name is unknown: "Could not find model". */
  readonly notFoundMessage: RegExp;
}

/** Creates the resource, or with `onExists: "reuse"` takes the existing one; resolves its JSON-safe description. */
export async function createResource<I extends object, O extends object>(
  resource: HostingResource<I, O>,
  input: I,
  options: HostingCreateOptions,
): Promise<JobDescription<O>> {
  const { client } = checkBackendOptions(options);
  const policy = resolveExistsPolicy(options.onExists);
  const name = checkName(resource.nameField, input[resource.nameField]);
  await createOrReuse(resource, client, input, policy === "reuse");
  const output = { ...(await resource.describe(client, name)) } as Record<string, unknown>;
  delete output.$metadata;
  return toJsonSafe(output) as JobDescription<O>;
}

/**
 * Creates the resource. With `reuse`, one already under the name counts as done: SageMaker's
 * "Cannot create already existing …" (the text the SageMaker Python SDK's `Session.create_model`
 * matches to reuse a model), or a Create whose answer was lost (a 5xx, a reset connection, a
 * timeout) after which the resource exists, whoever made it.
 */
export async function createOrReuse<I extends object, O extends object>(
  resource: HostingResource<I, O>,
  client: SageMakerClient,
  input: I,
  reuse: boolean,
): Promise<void> {
  try {
    await resource.create(client, input);
  } catch (err) {
    if (!reuse) throw err;
    if (isValidationException(err) && resource.existsMessage.test(messageOf(err))) return;
    // The lookup failing too leaves the outcome unknown: report Create's own error.
    if (isTransientError(err) && (await resourceExists(resource, client, String(input[resource.nameField])).catch(() => false))) return;
    throw err;
  }
}

/** Whether the resource exists: Describe answers a missing one with its "Could not find …" ValidationException. */
export async function resourceExists<I extends object, O extends object>(
  resource: HostingResource<I, O>,
  client: SageMakerClient,
  name: string,
): Promise<boolean> {
  try {
    await resource.describe(client, name);
    return true;
  } catch (err) {
    if (isValidationException(err) && resource.notFoundMessage.test(messageOf(err))) return false;
    throw err;
  }
}

/** Deletes the resource; resolves `false` when it did not exist and `ifExists` is set. */
export async function deleteResource<I extends object, O extends object>(
  resource: HostingResource<I, O>,
  name: string,
  options: HostingDeleteOptions,
): Promise<boolean> {
  const { client } = checkBackendOptions(options);
  const ifExists = checkFlag("ifExists", options.ifExists, false);
  checkName(resource.nameField, name);
  try {
    await resource.delete(client, name);
    return true;
  } catch (err) {
    if (ifExists && isValidationException(err) && resource.notFoundMessage.test(messageOf(err))) return false;
    throw err;
  }
}
