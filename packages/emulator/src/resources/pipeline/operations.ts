import { validationError } from "../../errors.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { parseDefinition } from "./definition/parse.js";
import { definitionText } from "./definition-source.js";
import { describePipeline, summarizePipeline } from "./describe.js";
import { listCreatedWithin } from "./listing.js";
import { pipelineNameOf, pipelineNotFound } from "./errors.js";
import { latestVersion, type PipelineRecord, type PipelineVersion } from "./record.js";

/** CreatePipeline, DescribePipeline, UpdatePipeline, DeletePipeline, ListPipelines, ListPipelineVersions. */
export function pipelineOperations(kit: Kit<PipelineRecord>): Operations {
  const find = (nameOrArn: string): PipelineRecord => kit.find(pipelineNameOf(nameOrArn));

  return {
    CreatePipeline(input) {
      const existing = kit.table.get(input.PipelineName);
      // [DOC] ClientRequestToken: "A unique, case-sensitive identifier that you provide to ensure
      // the idempotency of the operation": the same token for the same name answers the same ARN.
      if (existing && existing.clientRequestToken === input.ClientRequestToken) return { PipelineArn: existing.arn };
      kit.checkNameFree(input.PipelineName);
      const text = definitionText(kit.ctx, input.PipelineDefinition, input.PipelineDefinitionS3Location);
      if (text === undefined) throw validationError("Either PipelineDefinition or PipelineDefinitionS3Location must be specified.");
      const parsed = parseDefinition(text);
      const now = kit.now();
      const record = kit.create(input.PipelineName, (arn) => ({
        name: input.PipelineName,
        arn,
        createdAt: now,
        clientRequestToken: input.ClientRequestToken ?? "",
        versions: [
          {
            id: 1,
            definition: text,
            parsed,
            roleArn: input.RoleArn,
            displayName: input.PipelineDisplayName,
            description: input.PipelineDescription,
            maxParallelExecutionSteps: input.ParallelismConfiguration?.MaxParallelExecutionSteps,
            createdAt: now,
          },
        ],
        tags: [...(input.Tags ?? [])],
      }));
      return { PipelineArn: record.arn };
    },

    DescribePipeline(input) {
      const record = find(input.PipelineName);
      return describePipeline(record, versionOf(record, input.PipelineVersionId));
    },

    UpdatePipeline(input) {
      const record = find(input.PipelineName);
      const latest = latestVersion(record);
      const text = definitionText(kit.ctx, input.PipelineDefinition, input.PipelineDefinitionS3Location);
      const version: PipelineVersion = {
        id: latest.id + 1,
        definition: text ?? latest.definition,
        parsed: text === undefined ? latest.parsed : parseDefinition(text),
        roleArn: input.RoleArn ?? latest.roleArn,
        displayName: input.PipelineDisplayName ?? latest.displayName,
        description: input.PipelineDescription ?? latest.description,
        maxParallelExecutionSteps: input.ParallelismConfiguration?.MaxParallelExecutionSteps ?? latest.maxParallelExecutionSteps,
        createdAt: kit.now(),
      };
      kit.save({ ...record, versions: [...record.versions, version] });
      return { PipelineArn: record.arn, PipelineVersionId: version.id };
    },

    DeletePipeline(input) {
      const record = find(input.PipelineName);
      // [INF] executions already started keep running and stay describable.
      kit.table.delete(record.name);
      return { PipelineArn: record.arn };
    },

    ListPipelines(input) {
      const prefix = input.PipelineNamePrefix;
      const { items, nextToken } = listCreatedWithin(kit.table.values(), input, {
        nameKey: "Name",
        name: (r) => r.name,
        keep: (r) => prefix === undefined || r.name.startsWith(prefix),
        query: { PipelineNamePrefix: prefix },
      });
      return { PipelineSummaries: items.map(summarizePipeline), NextToken: nextToken };
    },

    ListPipelineVersions(input) {
      const record = find(input.PipelineName);
      // [MODEL] CreatedAfter/CreatedBefore and SortOrder, no SortBy: versions sort by creation.
      const { items, nextToken } = listCreatedWithin(record.versions, input, {
        nameKey: "PipelineVersionId",
        name: (v) => String(v.id),
        seq: (v) => v.id,
        keep: () => true,
        query: { PipelineName: record.name },
      });
      return {
        PipelineVersionSummaries: items.map((v) => ({
          PipelineArn: record.arn,
          PipelineVersionId: v.id,
          CreationTime: new Date(v.createdAt),
          ...(v.description !== undefined ? { PipelineVersionDescription: v.description } : {}),
        })),
        NextToken: nextToken,
      };
    },
  };
}

/** The version asked for, or the latest; [INF] an unknown id is a ResourceNotFound like a missing pipeline. */
export function versionOf(record: PipelineRecord, id: number | undefined): PipelineVersion {
  if (id === undefined) return latestVersion(record);
  const version = record.versions.find((v) => v.id === id);
  if (!version) throw pipelineNotFound(`${record.name}' version '${id}`);
  return version;
}
