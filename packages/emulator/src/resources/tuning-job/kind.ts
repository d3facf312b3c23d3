import { resourceInUse, resourceNotFound } from "../../errors.js";
import { nextChangeAfter, pointAt } from "../../lifecycle/timeline.js";
import { defineKind } from "../kind.js";
import { describeTuningJob } from "./describe.js";
import { tuningJobAlreadyExists, tuningJobNotFound } from "./errors.js";
import { tuningJobOperations } from "./operations.js";
import type { TuningJobRecord } from "./record.js";
import { syncTuningJob } from "./sync.js";

/**
 * Hyperparameter tuning jobs: Create/Describe/List/Stop/DeleteHyperParameterTuningJob and
 * ListTrainingJobsForHyperParameterTuningJob. Their children are real training jobs, launched
 * into the training-job table (through that kind's `launchChild` effect) as their derived launch
 * times come; a child stopped on its own wakes its tuner, whose schedule then follows the stop.
 */
export const tuningJobKind = defineKind<TuningJobRecord>({
  key: "tuningJobs",
  arnType: "hyper-parameter-tuning-job",
  life: {
    created: (row) => row.plan.createdAt,
    status: (row, now) => pointAt(row.schedule.timeline, now).state.status,
    nextChange(row, now) {
      const status = nextChangeAfter(row.schedule.timeline, now, (s) => s.status);
      const launch = row.schedule.children[row.launched]?.launchAt;
      return status === undefined ? launch : launch === undefined ? status : Math.min(status, launch);
    },
  },
  notFound: (name) => resourceNotFound(tuningJobNotFound(name)),
  duplicate: (_existing, name) => resourceInUse(tuningJobAlreadyExists(name)),
  // [DOC] ListHyperParameterTuningJobs: "The default is Name." / "The default is Ascending."
  listing: { defaultSortBy: "Name", defaultSortOrder: "Ascending", lastModified: (row, now) => pointAt(row.schedule.timeline, now).at },
  describe: (row, now, kit) => describeTuningJob(kit.ctx, row, now),
  onDue: (row, now, kit) => syncTuningJob(kit, row, now),
  operations: tuningJobOperations,
});
