import { validationError } from "../../errors.js";
import type { Kit } from "../kind.js";
import { modelNotFound } from "../model/errors.js";
import { modelKind } from "../model/kind.js";
import type { Operations } from "../operation.js";
import { checkVariants } from "./check-request.js";
import { describeEndpointConfig, summarizeEndpointConfig } from "./describe.js";
import type { EndpointConfigRecord } from "./record.js";

/** CreateEndpointConfig, DescribeEndpointConfig, ListEndpointConfigs, DeleteEndpointConfig. */
export function endpointConfigOperations(kit: Kit<EndpointConfigRecord>): Operations {
  const models = kit.read(modelKind);
  return {
    CreateEndpointConfig(input) {
      const name = input.EndpointConfigName;
      kit.checkNameFree(name);
      checkVariants(input);
      // [INF] the config's models must exist now; the text is the one CreateEndpoint gives [OBS].
      for (const variant of [...input.ProductionVariants, ...(input.ShadowProductionVariants ?? [])]) {
        if (variant.ModelName !== undefined && !models.has(variant.ModelName)) {
          throw validationError(modelNotFound(kit.ctx.arn("model", variant.ModelName)));
        }
      }
      const record = kit.create(name, (arn) => ({ name, arn, request: input, createdAt: kit.now(), tags: [...(input.Tags ?? [])] }));
      return { EndpointConfigArn: record.arn };
    },

    DescribeEndpointConfig: (input) => describeEndpointConfig(kit.find(input.EndpointConfigName)),

    ListEndpointConfigs(input) {
      const { items, nextToken } = kit.list(input);
      return { EndpointConfigs: items.map(summarizeEndpointConfig), NextToken: nextToken };
    },

    DeleteEndpointConfig(input) {
      // [DOC] DeleteEndpointConfig deletes only the config; endpoints using it keep running, so
      // there is no in-use check [INF]. Endpoints keep a snapshot of what they deployed.
      kit.table.delete(kit.find(input.EndpointConfigName).name);
      return {};
    },
  };
}
