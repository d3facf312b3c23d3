import { PROCESSING_JOB } from "../simple-job/errors.js";
import { defineSimpleJobKind } from "../simple-job/kind.js";
import { processingContainer } from "./container.js";
import { describeProcessingJob } from "./describe.js";
import { processingJobOperations } from "./operations.js";
import type { ProcessingJobRecord } from "./record.js";

/** Processing jobs: Create/Describe/List/Stop/DeleteProcessingJob. */
export const processingJobKind = defineSimpleJobKind<ProcessingJobRecord>({
  key: "processingJobs",
  arnType: "processing-job",
  words: PROCESSING_JOB,
  // [DOC] ListProcessingJobs: SortBy default CreationTime, SortOrder default Ascending.
  defaultSortOrder: "Ascending",
  describe: describeProcessingJob,
  operations: processingJobOperations,
  container: processingContainer,
});
