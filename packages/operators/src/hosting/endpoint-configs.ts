import {
  CreateEndpointConfigCommand,
  DeleteEndpointConfigCommand,
  DescribeEndpointConfigCommand,
  type CreateEndpointConfigCommandInput,
  type DescribeEndpointConfigCommandOutput,
} from "@aws-sdk/client-sagemaker";
import type { JobDescription } from "../job-kinds/job-kind.js";
import {
  createResource,
  deleteResource,
  type HostingCreateOptions,
  type HostingDeleteOptions,
  type HostingResource,
} from "./hosting-resource.js";

/** A DescribeEndpointConfig output as sagerun hands it out: JSON-safe, without `$metadata`. */
export type EndpointConfigDescription = JobDescription<DescribeEndpointConfigCommandOutput>;

// SageMaker's texts: "Cannot create already existing endpoint configuration "arn:…"."
// (awslabs/spot-tagging-bot-for-digital-assets#2) and "Could not find endpoint configuration "arn:…"."
// (aws/amazon-sagemaker-examples#2339).
const endpointConfig: HostingResource<CreateEndpointConfigCommandInput, DescribeEndpointConfigCommandOutput> = {
  nameField: "EndpointConfigName",
  create: (client, input) => client.send(new CreateEndpointConfigCommand(input)),
  describe: (client, name) => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name })),
  delete: (client, name) => client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name })),
  existsMessage: /^Cannot create already existing endpoint configuration/,
  notFoundMessage: /^Could not find endpoint configuration/,
};

/**
 * Creates an endpoint config (CreateEndpointConfig, then DescribeEndpointConfig) and resolves its
 * description as plain JSON; Airflow's `SageMakerEndpointConfigOperator` returned `datetime`s here
 * until apache/airflow#26541. With `onExists: "reuse"`, an existing config of that name is
 * described and returned instead.
 *
 * @example
 * ```ts
 * await createEndpointConfig(
 *   {
 *     EndpointConfigName: "churn-v2",
 *     ProductionVariants: [{ VariantName: "AllTraffic", ModelName: "churn-v2", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
 *   },
 *   { client, clock, onExists: "reuse" },
 * );
 * ```
 */
export function createEndpointConfig(
  input: CreateEndpointConfigCommandInput,
  options: HostingCreateOptions,
): Promise<EndpointConfigDescription> {
  return createResource(endpointConfig, input, options);
}

/**
 * Deletes an endpoint config (DeleteEndpointConfig). Endpoints created from it keep running.
 * Resolves `true`, or `false` when it did not exist and `ifExists` is set.
 *
 * @example
 * ```ts
 * await deleteEndpointConfig("churn-v1", { client, clock, ifExists: true });
 * ```
 */
export function deleteEndpointConfig(endpointConfigName: string, options: HostingDeleteOptions): Promise<boolean> {
  return deleteResource(endpointConfig, endpointConfigName, options);
}
