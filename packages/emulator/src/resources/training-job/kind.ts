import { validationError } from "../../errors.js";
import { defineKind, type Kit } from "../kind.js";
import { alsoDueAt, timelineLife } from "../timeline-life.js";
import { computeDueAt, playContainer } from "./container-run.js";
import { describeTrainingJob } from "./describe.js";
import { duplicateTrainingJob, TRAINING_JOB_NOT_FOUND } from "./errors.js";
import { trainingJobOperations } from "./operations.js";
import { withEvents, type TrainingJobRecord } from "./record.js";

const statusLife = timelineLife(
  (row: TrainingJobRecord) => row.timeline,
  (row) => row.plan.createdAt,
);

/** Training jobs: Create/Describe/List/Stop/DeleteTrainingJob; a tuning job's children are training jobs too. */
export const trainingJobKind = defineKind({
  key: "trainingJobs",
  arnType: "training-job",
  // [INF] of the order the real service takes (instance launch takes minutes).
  durations: { startingSeconds: 90, downloadingSeconds: 20, trainingSeconds: 300, uploadingSeconds: 15, stoppingSeconds: 30 },
  life: alsoDueAt(statusLife, computeDueAt),
  notFound: () => validationError(TRAINING_JOB_NOT_FOUND),
  duplicate: (existing: TrainingJobRecord) => duplicateTrainingJob(existing.arn),
  // [DOC] ListTrainingJobs: SortBy default CreationTime, SortOrder default Ascending.
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Ascending", lastModified: statusLife.lastModified },
  describe: (row, now) => describeTrainingJob(row, now),
  onDue: playContainer,
  operations: trainingJobOperations,
  effects: {
    /** A tuning job's child launching: it appears as an ordinary training job. */
    launchChild(kit: Kit<TrainingJobRecord>, child: TrainingJobRecord) {
      // [INF] a training job someone created under the child's exact name keeps its place.
      if (!kit.table.has(child.name)) kit.save(child);
    },
    /** The tuner's stop reaching a child already launched (the earlier of the two stops wins). */
    stopChild(kit: Kit<TrainingJobRecord>, name: string, tuningJobArn: string, at: number) {
      const stored = kit.table.get(name);
      if (stored?.tuningJobArn !== tuningJobArn) return;
      const own = stored.events.stopRequestedAt;
      if (own === undefined || at < own) kit.save(withEvents(stored, { ...stored.events, stopRequestedAt: at }));
    },
  },
});
