import type { ResourceModuleFactory } from "../resource-module.js";
import { describeTuningJob } from "./describe.js";
import { tuningJobOperations } from "./operations.js";
import { syncTuningJobs } from "./sync.js";

/**
 * Hyperparameter tuning jobs: Create/Describe/List/Stop/DeleteHyperParameterTuningJob and
 * ListTrainingJobsForHyperParameterTuningJob. Their children are real training jobs, written to
 * the training-job table by `sync` as their (derived) launch times come.
 */
export const tuningJobModule: ResourceModuleFactory = (ctx, store) => ({
  operations: tuningJobOperations(ctx, store),
  sync: (now) => syncTuningJobs(ctx, store, now),
  dump: (now) => store.tuningJobs.values().map((record) => describeTuningJob(ctx, record, now)),
});
