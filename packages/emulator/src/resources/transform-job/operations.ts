import type {
  CreateTransformJobRequest,
  CreateTransformJobResponse,
  DescribeTransformJobRequest,
  DescribeTransformJobResponse,
  ListTransformJobsRequest,
  ListTransformJobsResponse,
  StopTransformJobRequest,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { validationError } from "../../errors.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { modelNotFound } from "../model/messages.js";
import { modelImages } from "../model/record.js";
import type { OperationTable } from "../operation.js";
import { duplicateJob, jobNotFound, TRANSFORM_JOB } from "../simple-job/errors.js";
import { listSimpleJobs } from "../simple-job/list.js";
import { planSimpleJob } from "../simple-job/plan.js";
import { newSimpleJobRecord, withStopRequest } from "../simple-job/record.js";
import { checkTransformRequest } from "./check-request.js";
import { describeTransformJob, summarizeTransformJob } from "./describe.js";
import type { TransformJobRecord } from "./record.js";

/** [OBS] the FailureReason failed batch transforms report when the container errs (public run logs). */
export const DEFAULT_TRANSFORM_FAILURE_REASON = "ClientError: See job logs for more information";

/**
 * StopTransformJob of a job that does not exist. [OBS] comic/grand-challenge client code treats
 * this text as "job was never created"; [INF] that StopTransformJob is the operation giving it.
 */
const stopTargetNotFound = (name: string) => validationError(`Could not find job to update with name ${name}`);

export function transformJobOperations(ctx: EmulatorContext, store: EmulatorStore): OperationTable {
  const jobs = store.transformJobs;
  const find = (name: string): TransformJobRecord => {
    const record = jobs.get(name);
    if (!record) throw jobNotFound(name);
    return record;
  };

  return {
    CreateTransformJob(input: CreateTransformJobRequest): CreateTransformJobResponse {
      const name = input.TransformJobName!;
      // There is no DeleteTransformJob, so a name is never free again ([OBS] aws/amazon-sagemaker-examples#633).
      const existing = jobs.get(name);
      if (existing) throw duplicateJob(TRANSFORM_JOB, existing.arn);
      checkTransformRequest(input);
      // [DOC] "ModelName must be the name of an existing Amazon SageMaker model"; the text is the
      // model family's "Could not find model" ([OBS] for CreateEndpoint, [INF] here, §2.2).
      const model = store.models.get(input.ModelName!);
      if (!model) throw validationError(modelNotFound(ctx.arn("model", input.ModelName!)));
      const plan = planSimpleJob(
        ctx,
        { name, image: modelImages(model)[0] },
        { defaultFailureReason: DEFAULT_TRANSFORM_FAILURE_REASON },
      );
      const record: TransformJobRecord = newSimpleJobRecord({
        name,
        arn: ctx.arn("transform-job", name),
        request: input,
        plan,
        tags: input.Tags,
      });
      jobs.set(name, record);
      return { TransformJobArn: record.arn };
    },

    DescribeTransformJob(input: DescribeTransformJobRequest): DescribeTransformJobResponse {
      return describeTransformJob(find(input.TransformJobName!), ctx.clock.now());
    },

    ListTransformJobs(input: ListTransformJobsRequest): ListTransformJobsResponse {
      // [DOC] ListTransformJobs SortOrder: "The default is Descending."
      const { items, nextToken } = listSimpleJobs(jobs.values(), input, ctx.clock.now(), "Descending");
      return { TransformJobSummaries: items.map(({ record, view }) => summarizeTransformJob(record, view)), NextToken: nextToken };
    },

    StopTransformJob(input: StopTransformJobRequest): object {
      const record = jobs.get(input.TransformJobName!);
      if (!record) throw stopTargetNotFound(input.TransformJobName!);
      // [DOC] StopTransformJob: "the status of the job changes to Stopping. After Amazon SageMaker
      // stops the job, the status is set to Stopped."
      jobs.set(record.name, withStopRequest(record, ctx.clock.now(), TRANSFORM_JOB));
      return {};
    },
  };
}
