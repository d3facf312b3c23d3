import { defineKind, type Kit } from "../kind.js";
import { describePipeline } from "./describe.js";
import { pipelineAlreadyExists, pipelineNotFound } from "./errors.js";
import { pipelineOperations } from "./operations.js";
import { latestVersion, type PipelineRecord } from "./record.js";

/**
 * SageMaker Pipelines' pipelines: Create/Describe/Update/Delete/ListPipelines and
 * ListPipelineVersions. A pipeline is a versioned definition, checked at Create/Update; it has no
 * life of its own. Its executions are a kind of their own (pipeline-execution/).
 */
export const pipelineKind = defineKind({
  key: "pipelines",
  arnType: "pipeline",
  life: { created: (row: PipelineRecord) => row.createdAt },
  notFound: (name) => pipelineNotFound(name),
  duplicate: (_existing, name) => pipelineAlreadyExists(name),
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Descending" },
  describe: (row) => describePipeline(row, latestVersion(row)),
  operations: pipelineOperations,
  effects: {
    /** An execution started: DescribePipeline's LastRunTime, ListPipelines' LastExecutionTime. */
    recordRun(kit: Kit<PipelineRecord>, name: string, at: number) {
      const row = kit.table.get(name);
      if (row) kit.save({ ...row, lastRunAt: at });
    },
  },
});
