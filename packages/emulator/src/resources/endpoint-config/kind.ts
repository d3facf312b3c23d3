import { validationError } from "../../errors.js";
import { defineKind } from "../kind.js";
import { describeEndpointConfig } from "./describe.js";
import { endpointConfigAlreadyExists, endpointConfigNotFound } from "./errors.js";
import { endpointConfigOperations } from "./operations.js";
import type { EndpointConfigRecord } from "./record.js";

/** Endpoint configs: Create/Describe/List/DeleteEndpointConfig. No status. */
export const endpointConfigKind = defineKind<EndpointConfigRecord>({
  key: "endpointConfigs",
  arnType: "endpoint-config",
  life: { created: (row) => row.createdAt },
  notFound: (name, ctx) => validationError(endpointConfigNotFound(ctx.arn("endpoint-config", name))),
  duplicate: (existing) => validationError(endpointConfigAlreadyExists(existing.arn)),
  // [DOC] ListEndpointConfigs: SortBy default CreationTime, SortOrder default Descending.
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Descending" },
  describe: (row) => describeEndpointConfig(row),
  operations: endpointConfigOperations,
});
