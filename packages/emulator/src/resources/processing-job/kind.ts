import { defineKind } from "../kind.js";
import { duplicateJob, jobNotFound, PROCESSING_JOB } from "../simple-job/errors.js";
import { timelineLife } from "../timeline-life.js";
import { describeProcessingJob } from "./describe.js";
import { processingJobOperations } from "./operations.js";
import type { ProcessingJobRecord } from "./record.js";

const life = timelineLife((row: ProcessingJobRecord) => row.timeline, (row) => row.plan.createdAt);

/** Processing jobs: Create/Describe/List/Stop/DeleteProcessingJob. */
export const processingJobKind = defineKind<ProcessingJobRecord>({
  key: "processingJobs",
  arnType: "processing-job",
  durations: { provisioningSeconds: 60, runningSeconds: 180, stoppingSeconds: 30 },
  life,
  notFound: (name) => jobNotFound(name),
  duplicate: (existing) => duplicateJob(PROCESSING_JOB, existing.arn),
  // [DOC] ListProcessingJobs: SortBy default CreationTime, SortOrder default Ascending.
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Ascending", lastModified: life.lastModified },
  describe: (row, now) => describeProcessingJob(row, now),
  operations: processingJobOperations,
});
