import { defineKind } from "../kind.js";
import { duplicateJob, jobNotFound, TRANSFORM_JOB } from "../simple-job/errors.js";
import { timelineLife } from "../timeline-life.js";
import { describeTransformJob } from "./describe.js";
import { transformJobOperations } from "./operations.js";
import type { TransformJobRecord } from "./record.js";

const life = timelineLife((row: TransformJobRecord) => row.timeline, (row) => row.plan.createdAt);

/** Batch transform jobs: Create/Describe/List/StopTransformJob (there is no DeleteTransformJob). */
export const transformJobKind = defineKind<TransformJobRecord>({
  key: "transformJobs",
  arnType: "transform-job",
  durations: { provisioningSeconds: 60, runningSeconds: 180, stoppingSeconds: 30 },
  life,
  notFound: (name) => jobNotFound(name),
  // There is no DeleteTransformJob, so a name is never free again ([OBS] aws/amazon-sagemaker-examples#633).
  duplicate: (existing) => duplicateJob(TRANSFORM_JOB, existing.arn),
  // [DOC] ListTransformJobs SortOrder: "The default is Descending."
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Descending", lastModified: life.lastModified },
  describe: (row, now) => describeTransformJob(row, now),
  operations: transformJobOperations,
});
