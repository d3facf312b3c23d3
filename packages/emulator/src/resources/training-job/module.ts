import type { ResourceModuleFactory } from "../resource-module.js";
import { describeTrainingJob } from "./describe.js";
import { trainingJobOperations } from "./operations.js";

/** Training jobs: CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs, StopTrainingJob, DeleteTrainingJob. */
export const trainingJobModule: ResourceModuleFactory = (ctx, store) => ({
  operations: trainingJobOperations(ctx, store),
  dump: (now) => store.trainingJobs.values().map((record) => describeTrainingJob(record, now)),
});
