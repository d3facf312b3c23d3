import type {
  CreateTrainingJobRequest,
  CreateTrainingJobResponse,
  DeleteTrainingJobRequest,
  DescribeTrainingJobRequest,
  DescribeTrainingJobResponse,
  ListTrainingJobsRequest,
  ListTrainingJobsResponse,
  StopTrainingJobRequest,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { resourceInUse, validationError } from "../../errors.js";
import { pointAt } from "../../lifecycle/timeline.js";
import { listPage } from "../../store/list-page.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { rejectedInStatus } from "../job-status.js";
import type { OperationTable } from "../operation.js";
import { checkTrainingRequest } from "./check-request.js";
import { describeTrainingJob, summarizeTrainingJob } from "./describe.js";
import { planTrainingJob } from "./plan.js";
import { withEvents, type TrainingJobRecord } from "./record.js";
import { trainingTimeline } from "./timeline.js";

/** [OBS] aws/aws-sdk#165, boto/boto3#2808: the model says ResourceNotFound, the service says this. */
export const TRAINING_JOB_NOT_FOUND = "Requested resource not found.";

export function trainingJobOperations(ctx: EmulatorContext, store: EmulatorStore): OperationTable {
  const jobs = store.trainingJobs;
  const find = (name: string): TrainingJobRecord => {
    const record = jobs.get(name);
    if (!record) throw validationError(TRAINING_JOB_NOT_FOUND);
    return record;
  };
  const statusOf = (record: TrainingJobRecord): string => pointAt(record.timeline, ctx.clock.now()).state.status;

  return {
    CreateTrainingJob(input: CreateTrainingJobRequest): CreateTrainingJobResponse {
      const name = input.TrainingJobName!;
      const existing = jobs.get(name);
      if (existing) {
        // [OBS] aws/amazon-sagemaker-examples#3108: no trailing period.
        throw resourceInUse(
          `Training job names must be unique within an AWS account and region, and a training job with this name already exists (${existing.arn})`,
        );
      }
      checkTrainingRequest(input);
      const plan = planTrainingJob(ctx, input);
      const record: TrainingJobRecord = {
        name,
        arn: ctx.arn("training-job", name),
        request: input,
        plan,
        events: {},
        timeline: trainingTimeline(plan, {}),
        tags: [...(input.Tags ?? [])],
      };
      jobs.set(name, record);
      return { TrainingJobArn: record.arn };
    },

    DescribeTrainingJob(input: DescribeTrainingJobRequest): DescribeTrainingJobResponse {
      return describeTrainingJob(find(input.TrainingJobName!), ctx.clock.now());
    },

    ListTrainingJobs(input: ListTrainingJobsRequest): ListTrainingJobsResponse {
      const now = ctx.clock.now();
      // No emulated job has a warm pool or a training plan, so those filters match nothing.
      const rows = input.WarmPoolStatusEquals || input.TrainingPlanArnEquals ? [] : jobs.values();
      // Filters and sorts read only each job's current point; full summaries are built for the page.
      const current = new Map(rows.map((r) => [r, pointAt(r.timeline, now)]));
      const { items, nextToken } = listPage(rows, input, {
        name: (r) => r.name,
        creationTime: (r) => r.plan.createdAt,
        lastModifiedTime: (r) => current.get(r)!.at,
        status: (r) => current.get(r)!.state.status,
        sortKeys: {
          Name: (r) => r.name,
          CreationTime: (r) => r.plan.createdAt,
          Status: (r) => current.get(r)!.state.status,
        },
        defaultSortBy: "CreationTime",
        defaultSortOrder: "Ascending",
        statusFilterAfterPage: ctx.listTrainingJobsStatusFilterAfterPage,
      });
      return { TrainingJobSummaries: items.map((r) => summarizeTrainingJob(r, now)), NextToken: nextToken };
    },

    StopTrainingJob(input: StopTrainingJobRequest): object {
      const record = find(input.TrainingJobName!);
      const status = statusOf(record);
      // [OBS] awslabs/benchmark-ai#928 (Completed, Stopped, Failed); [INF] Stopping answers the same way.
      if (status !== "InProgress") {
        throw validationError(rejectedInStatus("training job", status));
      }
      jobs.set(record.name, withEvents(record, { ...record.events, stopRequestedAt: ctx.clock.now() }));
      return {};
    },

    DeleteTrainingJob(input: DeleteTrainingJobRequest): object {
      const record = find(input.TrainingJobName!);
      const status = statusOf(record);
      // [DOC] DeleteTrainingJob: "You cannot delete a job that is in the InProgress or Stopping state."
      // The model lists ResourceInUse for it; the text is [INF], in the family of the Stop rejection.
      if (status === "InProgress" || status === "Stopping") {
        throw resourceInUse(rejectedInStatus("training job", status));
      }
      // [DOC] afterwards the name can be reused; Describe answers "Requested resource not found."
      jobs.delete(record.name);
      return {};
    },
  };
}
