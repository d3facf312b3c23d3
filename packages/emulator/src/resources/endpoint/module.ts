import type { ResourceModuleFactory } from "../resource-module.js";
import { endpointContext } from "./context.js";
import { describeEndpoint } from "./describe.js";
import { endpointOperations } from "./operations.js";
import { isGone } from "./record.js";
import { endpointUpdateOperations } from "./update-operations.js";

/**
 * Endpoints: Create/Describe/List/Delete/UpdateEndpoint and UpdateEndpointWeightsAndCapacities.
 * `sync` drops endpoints whose Deleting has ended, a pure function of their timelines and `now`.
 */
export const endpointModule: ResourceModuleFactory = (ctx, store) => {
  const shared = endpointContext(ctx, store);
  return {
    operations: { ...endpointOperations(shared), ...endpointUpdateOperations(shared) },
    sync(now) {
      for (const record of store.endpoints.values()) {
        if (isGone(record, now)) store.endpoints.delete(record.name);
      }
    },
    dump: (now) => store.endpoints.values().filter((r) => !isGone(r, now)).map((r) => describeEndpoint(r, now)),
  };
};
