import { PIPELINE_EXECUTION } from "../../arn.js";
import type { StoredRecord } from "../../store/kind-table.js";
import { defineKind, type Kit } from "../kind.js";
import { describeExecution } from "./describe.js";
import { executionNotFound } from "./errors.js";
import { pipelineExecutionOperations } from "./operations.js";
import type { PipelineExecutionRecord } from "./record.js";
import { syncExecution } from "./sync.js";

/**
 * SageMaker Pipelines' executions. Each runs its definition's steps: job steps create real jobs
 * (through their kinds' own Create handlers) that run and compute like any other, and the
 * execution is woken (onDue) when one of them next changes, so the steps that waited on it start
 * at that instant. Statuses are derived from the attempts recorded, the jobs' tables and `now`.
 */
export const pipelineExecutionKind = defineKind({
  key: "pipelineExecutions",
  arnType: PIPELINE_EXECUTION,
  life: {
    created: (row: PipelineExecutionRecord) => row.createdAt,
    nextChange: (row, now) => (row.wakeAt !== undefined && row.wakeAt > now ? row.wakeAt : undefined),
  },
  notFound: (name, ctx) => executionNotFound(ctx.arn(PIPELINE_EXECUTION, name)),
  duplicate: (_existing, name) => executionNotFound(name),
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Descending" },
  describe: (row, now, kit) => describeExecution(kit as unknown as Kit<StoredRecord>, row, now),
  onDue: (row, now, kit) => void syncExecution(kit, row, now),
  operations: pipelineExecutionOperations,
});
