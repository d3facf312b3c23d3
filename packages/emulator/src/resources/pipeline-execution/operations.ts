import { validationError } from "../../errors.js";
import { arraySource } from "../../store/cursor.js";
import type { StoredRecord } from "../../store/kind-table.js";
import { listPage } from "../../store/list-page.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { parameterList, resolveParameters } from "../pipeline/definition/parameters.js";
import { pipelineNameOf, pipelineNotFound } from "../pipeline/errors.js";
import { pipelineKind } from "../pipeline/kind.js";
import { listCreatedWithin } from "../pipeline/listing.js";
import { versionOf } from "../pipeline/operations.js";
import { callbackOperations } from "./callback.js";
import { describeExecution, describeStep, summarizeExecution } from "./describe.js";
import { executionNameOf, executionNotFound, notExecuting } from "./errors.js";
import { executionId } from "./names.js";
import type { PipelineExecutionRecord, StepAttempt } from "./record.js";
import { executionState } from "./status.js";
import { syncExecution } from "./sync.js";

/**
 * StartPipelineExecution and the operations on one execution: Describe/List/ListSteps/Stop/Retry,
 * DescribePipelineDefinitionForExecution, ListPipelineParametersForExecution,
 * UpdatePipelineExecution and SendPipelineExecutionStepSuccess/Failure.
 */
export function pipelineExecutionOperations(kit: Kit<PipelineExecutionRecord>): Operations {
  const base = kit as unknown as Kit<StoredRecord>;
  const find = (arn: string): PipelineExecutionRecord => {
    const name = executionNameOf(arn);
    const record = name === undefined ? undefined : kit.table.get(name);
    if (!record) throw executionNotFound(arn);
    return record;
  };
  const findPipeline = (nameOrArn: string) => {
    const name = pipelineNameOf(nameOrArn);
    const pipeline = kit.read(pipelineKind).get(name);
    if (!pipeline) throw pipelineNotFound(name);
    return pipeline;
  };

  return {
    StartPipelineExecution(input) {
      const pipeline = findPipeline(input.PipelineName);
      // [DOC] ClientRequestToken makes the call idempotent: the same token answers the same execution.
      const same = kit.table.values().find((r) => r.pipelineArn === pipeline.arn && r.clientRequestToken === input.ClientRequestToken);
      if (same) return { PipelineExecutionArn: same.arn };
      if (input.SelectiveExecutionConfig) {
        throw validationError("SelectiveExecutionConfig is not supported by the sagerun emulator yet: start the whole pipeline.");
      }
      const version = versionOf(pipeline, input.PipelineVersionId);
      const parameters = resolveParameters(version.parsed.parameters, input.PipelineParameters);
      const now = kit.now();
      const id = executionId(kit.ctx.random);
      const record = kit.create(`${pipeline.name}/execution/${id}`, (arn) => ({
        name: `${pipeline.name}/execution/${id}`,
        arn,
        tags: [],
        pipelineName: pipeline.name,
        pipelineArn: pipeline.arn,
        executionId: id,
        versionId: version.id,
        definitionText: version.definition,
        definition: version.parsed,
        parameters,
        // [INF] the display name an execution gets when none is given: `execution-<epoch ms>` (docs/fidelity.md §14).
        displayName: input.PipelineExecutionDisplayName ?? `execution-${now}`,
        description: input.PipelineExecutionDescription,
        maxParallel: input.ParallelismConfiguration?.MaxParallelExecutionSteps ?? version.maxParallelExecutionSteps,
        createdAt: now,
        clientRequestToken: input.ClientRequestToken ?? "",
        events: { attempts: {}, retries: [] },
      }));
      kit.effect(pipelineKind, "recordRun", pipeline.name, now);
      syncExecution(kit, record, now);
      return { PipelineExecutionArn: record.arn };
    },

    DescribePipelineExecution: (input) => describeExecution(base, find(input.PipelineExecutionArn), kit.now()),

    ListPipelineExecutions(input) {
      const pipeline = findPipeline(input.PipelineName);
      const { items, nextToken } = listCreatedWithin(kit.table.values(), input, {
        nameKey: "PipelineExecutionArn",
        name: (r) => r.arn,
        keep: (r) => r.pipelineArn === pipeline.arn,
        query: { PipelineName: pipeline.name },
      });
      const now = kit.now();
      return { PipelineExecutionSummaries: items.map((r) => summarizeExecution(base, r, now)), NextToken: nextToken };
    },

    ListPipelineExecutionSteps(input) {
      if (input.PipelineExecutionArn === undefined) throw validationError("PipelineExecutionArn is required.");
      const record = find(input.PipelineExecutionArn);
      const views = executionState(base, record, kit.now()).steps;
      const source = arraySource(views, (v) => ({
        key: v.startedAt,
        created: v.startedAt,
        seq: record.definition.steps.findIndex((s) => s.name === v.name),
        name: v.name,
      }));
      const { items, nextToken } = listPage(
        source,
        { NextToken: input.NextToken, MaxResults: input.MaxResults, SortOrder: input.SortOrder },
        // [DOC] developer guide "run-pipeline": the most recently started step is listed first.
        {
          name: (v) => v.name,
          created: (v) => v.startedAt,
          sortKeys: ["CreationTime"],
          defaultSortBy: "CreationTime",
          defaultSortOrder: "Descending",
        },
        { PipelineExecutionArn: record.arn },
      );
      return { PipelineExecutionSteps: items.map((v) => describeStep(record, v)), NextToken: nextToken };
    },

    StopPipelineExecution(input) {
      const record = find(input.PipelineExecutionArn);
      const now = kit.now();
      const { status } = executionState(base, record, now);
      // [INF] the same token again (a retried Stop) answers as the first did.
      if (status === "Stopping" && record.events.stopToken === input.ClientRequestToken) return { PipelineExecutionArn: record.arn };
      if (status !== "Executing") throw notExecuting(record.arn, status);
      syncExecution(kit, { ...record, events: { ...record.events, stopRequestedAt: now, stopToken: input.ClientRequestToken } }, now);
      return { PipelineExecutionArn: record.arn };
    },

    RetryPipelineExecution(input) {
      const record = find(input.PipelineExecutionArn);
      const now = kit.now();
      const state = executionState(base, record, now);
      // [OBS] aws-controllers-k8s/community#1494: failed executions are retried; [INF] stopped ones too.
      if (state.status !== "Failed" && state.status !== "Stopped") {
        throw validationError(
          `Pipeline execution ${record.arn} is in status ${state.status}. Only pipelines with 'Failed' or 'Stopped' status can be retried.`,
        );
      }
      // [DOC] developer guide "build-and-manage-steps" (Fail step): an execution that a Fail step ended cannot be retried.
      const failStep = state.steps.find((v) => v.status === "Failed" && v.metadata.Fail !== undefined);
      if (failStep)
        throw validationError(`Pipeline execution ${record.arn} ended in the Fail step ${failStep.name} and cannot be retried.`);
      const attempts: Record<string, readonly StepAttempt[]> = { ...record.events.attempts };
      for (const view of state.steps) {
        if (view.status === "Failed" || view.status === "Stopped")
          attempts[view.name] = [...attempts[view.name]!, { startsAt: now, pending: true }];
      }
      syncExecution(
        kit,
        {
          ...record,
          maxParallel: input.ParallelismConfiguration?.MaxParallelExecutionSteps ?? record.maxParallel,
          events: { attempts, retries: [...record.events.retries, now] },
        },
        now,
      );
      return { PipelineExecutionArn: record.arn };
    },

    DescribePipelineDefinitionForExecution(input) {
      const record = find(input.PipelineExecutionArn);
      return { PipelineDefinition: record.definitionText, CreationTime: new Date(record.createdAt) };
    },

    ListPipelineParametersForExecution(input) {
      const record = find(input.PipelineExecutionArn);
      const list = parameterList(record.parameters);
      const source = arraySource(list, (p) => ({ key: null, created: 0, seq: list.indexOf(p), name: p.Name! }));
      const { items, nextToken } = listPage(
        source,
        { NextToken: input.NextToken, MaxResults: input.MaxResults },
        { name: (p) => p.Name!, created: () => 0, sortKeys: ["Insertion"], defaultSortBy: "Insertion", defaultSortOrder: "Ascending" },
        { PipelineExecutionArn: record.arn },
      );
      return { PipelineParameters: items, NextToken: nextToken };
    },

    UpdatePipelineExecution(input) {
      const record = find(input.PipelineExecutionArn);
      syncExecution(
        kit,
        {
          ...record,
          displayName: input.PipelineExecutionDisplayName ?? record.displayName,
          description: input.PipelineExecutionDescription ?? record.description,
          maxParallel: input.ParallelismConfiguration?.MaxParallelExecutionSteps ?? record.maxParallel,
        },
        kit.now(),
      );
      return { PipelineExecutionArn: record.arn };
    },

    ...callbackOperations(kit),
  };
}
