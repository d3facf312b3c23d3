import { resourceInUse } from "../../errors.js";
import { isTerminalJobStatus, rejectedInStatus } from "../job-status.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { PROCESSING_JOB } from "../simple-job/errors.js";
import { listSimpleJobs } from "../simple-job/kind.js";
import { planSimpleJob } from "../simple-job/plan.js";
import { newSimpleJobRecord, withStopRequest } from "../simple-job/record.js";
import { viewSimpleJob } from "../simple-job/view.js";
import { describeProcessingJob, summarizeProcessingJob } from "./describe.js";
import type { ProcessingJobRecord } from "./record.js";

/** [OBS] the FailureReason real processing jobs report (aws/sagemaker-spark-container integration tests). */
const DEFAULT_PROCESSING_FAILURE_REASON = "AlgorithmError: See job logs for more information";

export function processingJobOperations(kit: Kit<ProcessingJobRecord>): Operations {
  return {
    CreateProcessingJob(input) {
      const name = input.ProcessingJobName;
      const record = kit.create(name, (arn) =>
        newSimpleJobRecord({
          name,
          arn,
          request: input,
          plan: planSimpleJob(
            kit.ctx,
            { name, image: input.AppSpecification.ImageUri },
            // The limit is optional for processing jobs ([MODEL] StoppingCondition is not required);
            // without one the emulator imposes none [INF].
            {
              maxRuntimeSeconds: input.StoppingCondition?.MaxRuntimeInSeconds,
              defaultFailureReason: DEFAULT_PROCESSING_FAILURE_REASON,
              runsCode: kit.ctx.data.containers.codeFor(input.AppSpecification.ImageUri)?.process !== undefined,
            },
          ),
          tags: input.Tags,
        }),
      );
      return { ProcessingJobArn: record.arn };
    },

    DescribeProcessingJob: (input) => describeProcessingJob(kit.find(input.ProcessingJobName), kit.now()),

    ListProcessingJobs(input) {
      const { items, nextToken } = listSimpleJobs(kit, input, summarizeProcessingJob);
      return { ProcessingJobSummaries: items, NextToken: nextToken };
    },

    StopProcessingJob(input) {
      kit.save(withStopRequest(kit.find(input.ProcessingJobName), kit.now(), PROCESSING_JOB));
      return {};
    },

    DeleteProcessingJob(input) {
      const record = kit.find(input.ProcessingJobName);
      const { status } = viewSimpleJob(record.timeline, kit.now());
      // [DOC] DeleteProcessingJob: only a job in a terminal status can be deleted, and the name can
      // then be reused. The model lists ResourceInUse; the text is [INF], the Stop rejection's family.
      if (!isTerminalJobStatus(status)) throw resourceInUse(rejectedInStatus(PROCESSING_JOB.noun, status));
      kit.table.delete(record.name);
      return {};
    },
  };
}
