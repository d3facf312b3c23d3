import type {
  CreateModelInput,
  CreateModelOutput,
  DeleteModelInput,
  DescribeModelInput,
  DescribeModelOutput,
  ListModelsInput,
  ListModelsOutput,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { validationError } from "../../errors.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { listPage } from "../../store/list-page.js";
import type { OperationTable } from "../operation.js";
import { describeModel, summarizeModel } from "./describe.js";
import { modelAlreadyExists, modelNotFound } from "./messages.js";
import type { ModelRecord } from "./record.js";

/** CreateModel, DescribeModel, ListModels, DeleteModel (sagemaker-semantics.md §5.5). */
export function modelOperations(ctx: EmulatorContext, store: EmulatorStore): OperationTable {
  const models = store.models;
  const find = (name: string): ModelRecord => {
    const record = models.get(name);
    // The message names the ARN of the name asked for, lower-cased like every ARN (§3).
    if (!record) throw validationError(modelNotFound(ctx.arn("model", name)));
    return record;
  };

  return {
    CreateModel(input: CreateModelInput): CreateModelOutput {
      const name = input.ModelName!;
      const existing = models.get(name);
      // [OBS] a duplicate model is a ValidationException, not ResourceInUse (§2.2).
      if (existing) throw validationError(modelAlreadyExists(existing.arn));
      checkContainers(input);
      const record: ModelRecord = {
        name,
        arn: ctx.arn("model", name),
        request: input,
        createdAt: ctx.clock.now(),
        tags: [...(input.Tags ?? [])],
      };
      models.set(name, record);
      return { ModelArn: record.arn };
    },

    DescribeModel(input: DescribeModelInput): DescribeModelOutput {
      return describeModel(find(input.ModelName!));
    },

    ListModels(input: ListModelsInput): ListModelsOutput {
      const { items, nextToken } = listPage(models.values(), input, {
        name: (r) => r.name,
        creationTime: (r) => r.createdAt,
        // [INF] Name sorts by the name as given, in binary order, like every other List* (list-page.ts).
        sortKeys: { Name: (r) => r.name, CreationTime: (r) => r.createdAt },
        // [DOC] ListModels: SortBy default CreationTime, SortOrder default Descending.
        defaultSortBy: "CreationTime",
        defaultSortOrder: "Descending",
      });
      return { Models: items.map(summarizeModel), NextToken: nextToken };
    },

    DeleteModel(input: DeleteModelInput): object {
      // [INF] §5.5: no check for endpoint configs or endpoints that use the model; the real
      // service lets it go and CreateEndpoint fails later with "Could not find model".
      models.delete(find(input.ModelName!).name);
      return {};
    },
  };
}

/**
 * The model makes both PrimaryContainer and Containers optional; a model needs exactly one of
 * them ([DOC] CreateModel: "PrimaryContainer … Containers: Specifies the containers in the
 * inference pipeline"). The texts are [INF].
 */
function checkContainers(input: CreateModelInput): void {
  const primary = input.PrimaryContainer !== undefined;
  const pipeline = input.Containers !== undefined && input.Containers.length > 0;
  if (primary && pipeline) {
    throw validationError("Only one of PrimaryContainer and Containers may be specified, not both.");
  }
  if (!primary && !pipeline) {
    throw validationError("Either PrimaryContainer or Containers must be specified.");
  }
}
