import type { ResourceModuleFactory } from "../resource-module.js";
import { describeProcessingJob } from "./describe.js";
import { processingJobOperations } from "./operations.js";

/** Processing jobs: Create/Describe/List/Stop/DeleteProcessingJob (sagemaker-semantics.md §5.2). */
export const processingJobModule: ResourceModuleFactory = (ctx, store) => ({
  operations: processingJobOperations(ctx, store),
  dump: (now) => store.processingJobs.values().map((record) => describeProcessingJob(record, now)),
});
