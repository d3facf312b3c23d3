import { TRANSFORM_JOB } from "../simple-job/errors.js";
import { defineSimpleJobKind } from "../simple-job/kind.js";
import { transformContainer } from "./container.js";
import { describeTransformJob } from "./describe.js";
import { transformJobOperations } from "./operations.js";
import type { TransformJobRecord } from "./record.js";

/**
 * Batch transform jobs: Create/Describe/List/StopTransformJob. There is no DeleteTransformJob, so
 * a name is never free again ([OBS] aws/amazon-sagemaker-examples#633).
 */
export const transformJobKind = defineSimpleJobKind<TransformJobRecord>({
  key: "transformJobs",
  arnType: "transform-job",
  words: TRANSFORM_JOB,
  // [DOC] ListTransformJobs SortOrder: "The default is Descending."
  defaultSortOrder: "Descending",
  describe: describeTransformJob,
  operations: transformJobOperations,
  container: transformContainer,
});
