import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { checkContainers } from "./check-request.js";
import { describeModel, summarizeModel } from "./describe.js";
import type { ModelRecord } from "./record.js";

/** CreateModel, DescribeModel, ListModels, DeleteModel. */
export function modelOperations(kit: Kit<ModelRecord>): Operations {
  return {
    CreateModel(input) {
      kit.checkNameFree(input.ModelName);
      checkContainers(input);
      const record = kit.create(input.ModelName, (arn) => ({
        name: input.ModelName,
        arn,
        request: input,
        createdAt: kit.now(),
        tags: [...(input.Tags ?? [])],
      }));
      return { ModelArn: record.arn };
    },

    DescribeModel: (input) => describeModel(kit.find(input.ModelName)),

    ListModels(input) {
      const { items, nextToken } = kit.list(input);
      return { Models: items.map(summarizeModel), NextToken: nextToken };
    },

    DeleteModel(input) {
      // [INF] no check for endpoint configs or endpoints that use the model; the real service
      // lets it go and CreateEndpoint fails later with "Could not find model".
      kit.table.delete(kit.find(input.ModelName).name);
      return {};
    },
  };
}
