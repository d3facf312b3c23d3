import type { Tag } from "@aws-sdk/client-sagemaker";
import type { ResourceType } from "../arn.js";
import type { EndpointConfigRecord } from "../resources/endpoint-config/record.js";
import type { EndpointRecord } from "../resources/endpoint/record.js";
import type { ModelRecord } from "../resources/model/record.js";
import type { ProcessingJobRecord } from "../resources/processing-job/record.js";
import type { TrainingJobRecord } from "../resources/training-job/record.js";
import type { TransformJobRecord } from "../resources/transform-job/record.js";
import type { TuningJobRecord } from "../resources/tuning-job/record.js";
import { ResourceTable } from "./resource-table.js";

/** What every stored resource has: the name it was created with, its ARN and its tags. */
export interface TaggedRecord {
  readonly name: string;
  readonly arn: string;
  tags: Tag[];
}

/**
 * Every resource the emulator holds, one table per kind. Resource modules read each other's
 * tables for cross-references (a transform job's model, an endpoint's config, a tuning job's
 * children) but only write their own.
 */
export interface EmulatorStore {
  readonly trainingJobs: ResourceTable<TrainingJobRecord>;
  readonly processingJobs: ResourceTable<ProcessingJobRecord>;
  readonly transformJobs: ResourceTable<TransformJobRecord>;
  readonly tuningJobs: ResourceTable<TuningJobRecord>;
  readonly models: ResourceTable<ModelRecord>;
  readonly endpointConfigs: ResourceTable<EndpointConfigRecord>;
  readonly endpoints: ResourceTable<EndpointRecord>;
}

export function createStore(): EmulatorStore {
  return {
    trainingJobs: new ResourceTable(),
    processingJobs: new ResourceTable(),
    transformJobs: new ResourceTable(),
    tuningJobs: new ResourceTable(),
    models: new ResourceTable(),
    endpointConfigs: new ResourceTable(),
    endpoints: new ResourceTable(),
  };
}

const TABLE_OF: Readonly<Record<ResourceType, keyof EmulatorStore>> = {
  "training-job": "trainingJobs",
  "processing-job": "processingJobs",
  "transform-job": "transformJobs",
  "hyper-parameter-tuning-job": "tuningJobs",
  model: "models",
  "endpoint-config": "endpointConfigs",
  endpoint: "endpoints",
};

/** The stored resource an ARN names (ARN names compare case-insensitively, as names do). */
export function findByArn(store: EmulatorStore, type: string, name: string): TaggedRecord | undefined {
  const table = Object.hasOwn(TABLE_OF, type) ? store[TABLE_OF[type as ResourceType]] : undefined;
  return (table as ResourceTable<TaggedRecord> | undefined)?.get(name);
}
