import {
  CreateModelCommand,
  DeleteModelCommand,
  DescribeModelCommand,
  type CreateModelCommandInput,
  type DescribeModelCommandOutput,
} from "@aws-sdk/client-sagemaker";
import type { JobDescription } from "../job-kinds/job-kind.js";
import {
  createResource,
  deleteResource,
  type HostingCreateOptions,
  type HostingDeleteOptions,
  type HostingResource,
} from "./hosting-resource.js";

/** A DescribeModel output as sagerun hands it out: JSON-safe, without `$metadata`. */
export type ModelDescription = JobDescription<DescribeModelCommandOutput>;

// SageMaker's texts: "Cannot create already existing model "arn:…"." (astronomer/astronomer-providers#1055)
// and "Could not find model "arn:…"." (aws/sagemaker-python-sdk#2112).
export const modelResource: HostingResource<CreateModelCommandInput, DescribeModelCommandOutput> = {
  nameField: "ModelName",
  create: (client, input) => client.send(new CreateModelCommand(input)),
  describe: (client, name) => client.send(new DescribeModelCommand({ ModelName: name })),
  delete: (client, name) => client.send(new DeleteModelCommand({ ModelName: name })),
  existsMessage: /^Cannot create already existing model/,
  notFoundMessage: /^Could not find model/,
};

/**
 * Creates a SageMaker model (CreateModel, then DescribeModel) and resolves its description as
 * plain JSON (Airflow's `SageMakerModelOperator` returns `{"Model": describe_model}`). With
 * `onExists: "reuse"`, a model of that name that already exists is described and returned instead.
 *
 * @example
 * ```ts
 * const model = await createModel(
 *   { ModelName: "churn-v2", ExecutionRoleArn: role, PrimaryContainer: { Image: image, ModelDataUrl: artifacts } },
 *   { client, clock, onExists: "reuse" },
 * );
 * model.CreationTime; // "2026-01-01T00:00:00.000Z"
 * ```
 */
export function createModel(input: CreateModelCommandInput, options: HostingCreateOptions): Promise<ModelDescription> {
  return createResource(modelResource, input, options);
}

/**
 * Deletes a model (DeleteModel; Airflow's `SageMakerDeleteModelOperator`). Endpoints already
 * serving it keep running. Resolves `true`, or `false` when it did not exist and `ifExists` is set.
 *
 * @example
 * ```ts
 * await deleteModel("churn-v1", { client, clock, ifExists: true });
 * ```
 */
export function deleteModel(modelName: string, options: HostingDeleteOptions): Promise<boolean> {
  return deleteResource(modelResource, modelName, options);
}
