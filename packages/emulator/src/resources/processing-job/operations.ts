import type {
  CreateProcessingJobRequest,
  CreateProcessingJobResponse,
  DeleteProcessingJobRequest,
  DescribeProcessingJobRequest,
  DescribeProcessingJobResponse,
  ListProcessingJobsRequest,
  ListProcessingJobsResponse,
  StopProcessingJobRequest,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { resourceInUse } from "../../errors.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import type { OperationTable } from "../operation.js";
import { describeProcessingJob, summarizeProcessingJob } from "./describe.js";
import type { ProcessingJobRecord } from "./record.js";
import { isTerminalJobStatus, rejectedInStatus } from "../job-status.js";
import { duplicateJob, jobNotFound, PROCESSING_JOB } from "../simple-job/errors.js";
import { listSimpleJobs } from "../simple-job/list.js";
import { planSimpleJob } from "../simple-job/plan.js";
import { newSimpleJobRecord, withStopRequest } from "../simple-job/record.js";
import { viewSimpleJob } from "../simple-job/view.js";

/** [OBS] the FailureReason real processing jobs report (aws/sagemaker-spark-container integration tests). */
export const DEFAULT_PROCESSING_FAILURE_REASON = "AlgorithmError: See job logs for more information";

export function processingJobOperations(ctx: EmulatorContext, store: EmulatorStore): OperationTable {
  const jobs = store.processingJobs;
  const find = (name: string): ProcessingJobRecord => {
    const record = jobs.get(name);
    if (!record) throw jobNotFound(name);
    return record;
  };

  return {
    CreateProcessingJob(input: CreateProcessingJobRequest): CreateProcessingJobResponse {
      const name = input.ProcessingJobName!;
      const existing = jobs.get(name);
      if (existing) throw duplicateJob(PROCESSING_JOB, existing.arn);
      const plan = planSimpleJob(
        ctx,
        { name, image: input.AppSpecification?.ImageUri },
        // The limit is optional for processing jobs ([MODEL] StoppingCondition is not required);
        // without one the emulator imposes none [INF].
        { maxRuntimeSeconds: input.StoppingCondition?.MaxRuntimeInSeconds, defaultFailureReason: DEFAULT_PROCESSING_FAILURE_REASON },
      );
      const record: ProcessingJobRecord = newSimpleJobRecord({
        name,
        arn: ctx.arn("processing-job", name),
        request: input,
        plan,
        tags: input.Tags,
      });
      jobs.set(name, record);
      return { ProcessingJobArn: record.arn };
    },

    DescribeProcessingJob(input: DescribeProcessingJobRequest): DescribeProcessingJobResponse {
      return describeProcessingJob(find(input.ProcessingJobName!), ctx.clock.now());
    },

    ListProcessingJobs(input: ListProcessingJobsRequest): ListProcessingJobsResponse {
      const { items, nextToken } = listSimpleJobs(jobs.values(), input, ctx.clock.now(), "Ascending");
      return { ProcessingJobSummaries: items.map(({ record, view }) => summarizeProcessingJob(record, view)), NextToken: nextToken };
    },

    StopProcessingJob(input: StopProcessingJobRequest): object {
      const record = find(input.ProcessingJobName!);
      jobs.set(record.name, withStopRequest(record, ctx.clock.now(), PROCESSING_JOB));
      return {};
    },

    DeleteProcessingJob(input: DeleteProcessingJobRequest): object {
      const record = find(input.ProcessingJobName!);
      const { status } = viewSimpleJob(record.timeline, ctx.clock.now());
      // [DOC] DeleteProcessingJob: only a job in a terminal status can be deleted, and the name can
      // then be reused. The model lists ResourceInUse; the text is [INF], the Stop rejection's family.
      if (!isTerminalJobStatus(status)) throw resourceInUse(rejectedInStatus(PROCESSING_JOB.noun, status));
      jobs.delete(record.name);
      return {};
    },
  };
}
