import type {
  CreateEndpointConfigInput,
  CreateEndpointConfigOutput,
  DeleteEndpointConfigInput,
  DescribeEndpointConfigInput,
  DescribeEndpointConfigOutput,
  ListEndpointConfigsInput,
  ListEndpointConfigsOutput,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { validationError } from "../../errors.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { listPage } from "../../store/list-page.js";
import { modelNotFound } from "../model/messages.js";
import type { OperationTable } from "../operation.js";
import { checkVariants } from "./check-variants.js";
import { describeEndpointConfig, summarizeEndpointConfig } from "./describe.js";
import { endpointConfigAlreadyExists, endpointConfigNotFound } from "./messages.js";
import type { EndpointConfigRecord } from "./record.js";

/** CreateEndpointConfig, DescribeEndpointConfig, ListEndpointConfigs, DeleteEndpointConfig (§5.6). */
export function endpointConfigOperations(ctx: EmulatorContext, store: EmulatorStore): OperationTable {
  const configs = store.endpointConfigs;
  const find = (name: string): EndpointConfigRecord => {
    const record = configs.get(name);
    if (!record) throw validationError(endpointConfigNotFound(ctx.arn("endpoint-config", name)));
    return record;
  };

  return {
    CreateEndpointConfig(input: CreateEndpointConfigInput): CreateEndpointConfigOutput {
      const name = input.EndpointConfigName!;
      const existing = configs.get(name);
      if (existing) throw validationError(endpointConfigAlreadyExists(existing.arn));
      checkVariants(input);
      // [INF] the config's models must exist now (§5.6); the text is the one CreateEndpoint gives [OBS].
      for (const variant of [...input.ProductionVariants!, ...(input.ShadowProductionVariants ?? [])]) {
        if (variant.ModelName !== undefined && !store.models.has(variant.ModelName)) {
          throw validationError(modelNotFound(ctx.arn("model", variant.ModelName)));
        }
      }
      const record: EndpointConfigRecord = {
        name,
        arn: ctx.arn("endpoint-config", name),
        request: input,
        createdAt: ctx.clock.now(),
        tags: [...(input.Tags ?? [])],
      };
      configs.set(name, record);
      return { EndpointConfigArn: record.arn };
    },

    DescribeEndpointConfig(input: DescribeEndpointConfigInput): DescribeEndpointConfigOutput {
      return describeEndpointConfig(find(input.EndpointConfigName!));
    },

    ListEndpointConfigs(input: ListEndpointConfigsInput): ListEndpointConfigsOutput {
      const { items, nextToken } = listPage(configs.values(), input, {
        name: (r) => r.name,
        creationTime: (r) => r.createdAt,
        // [INF] Name sorts by the name as given, in binary order, like every other List* (list-page.ts).
        sortKeys: { Name: (r) => r.name, CreationTime: (r) => r.createdAt },
        // [DOC] ListEndpointConfigs: SortBy default CreationTime, SortOrder default Descending.
        defaultSortBy: "CreationTime",
        defaultSortOrder: "Descending",
      });
      return { EndpointConfigs: items.map(summarizeEndpointConfig), NextToken: nextToken };
    },

    DeleteEndpointConfig(input: DeleteEndpointConfigInput): object {
      // [DOC] DeleteEndpointConfig deletes only the config; endpoints using it keep running, so
      // there is no in-use check ([INF] §5.6). Endpoints keep a snapshot of what they deployed.
      configs.delete(find(input.EndpointConfigName!).name);
      return {};
    },
  };
}
