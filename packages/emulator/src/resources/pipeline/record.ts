import type { StoredRecord } from "../../store/kind-table.js";
import type { PipelineDefinition } from "./definition/types.js";

/** One version of a pipeline: what CreatePipeline, then each UpdatePipeline, set. */
export interface PipelineVersion {
  /** [MODEL] PipelineVersionId is a Long; [INF] 1 for the created pipeline, +1 per update. */
  readonly id: number;
  /** The definition as given (DescribePipeline and DescribePipelineDefinitionForExecution answer it verbatim). */
  readonly definition: string;
  readonly parsed: PipelineDefinition;
  readonly roleArn: string;
  readonly displayName?: string | undefined;
  readonly description?: string | undefined;
  readonly maxParallelExecutionSteps?: number | undefined;
  readonly createdAt: number;
}

/** What the emulator stores for a pipeline: its versions; it has no life of its own. */
export interface PipelineRecord extends StoredRecord {
  readonly createdAt: number;
  /** CreatePipeline's ClientRequestToken: the same token again is the same request. */
  readonly clientRequestToken: string;
  readonly versions: readonly PipelineVersion[];
  /** Set by its executions' kind (the `recordRun` effect). */
  readonly lastRunAt?: number | undefined;
}

export function latestVersion(record: PipelineRecord): PipelineVersion {
  return record.versions[record.versions.length - 1]!;
}
