import type { ResourceModuleFactory } from "../resource-module.js";
import { describeTransformJob } from "./describe.js";
import { transformJobOperations } from "./operations.js";

/** Transform jobs: Create/Describe/List/StopTransformJob; there is no Delete (sagemaker-semantics.md §5.3). */
export const transformJobModule: ResourceModuleFactory = (ctx, store) => ({
  operations: transformJobOperations(ctx, store),
  dump: (now) => store.transformJobs.values().map((record) => describeTransformJob(record, now)),
});
