import type { ResourceModuleFactory } from "../resource-module.js";
import { describeModel } from "./describe.js";
import { modelOperations } from "./operations.js";

/** Models: CreateModel, DescribeModel, ListModels, DeleteModel. No status, so nothing to sync. */
export const modelModule: ResourceModuleFactory = (ctx, store) => ({
  operations: modelOperations(ctx, store),
  dump: () => store.models.values().map(describeModel),
});
