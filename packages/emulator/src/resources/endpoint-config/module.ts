import type { ResourceModuleFactory } from "../resource-module.js";
import { describeEndpointConfig } from "./describe.js";
import { endpointConfigOperations } from "./operations.js";

/** Endpoint configs: Create/Describe/List/DeleteEndpointConfig. No status, so nothing to sync. */
export const endpointConfigModule: ResourceModuleFactory = (ctx, store) => ({
  operations: endpointConfigOperations(ctx, store),
  dump: () => store.endpointConfigs.values().map(describeEndpointConfig),
});
