import type {
  CreateHyperParameterTuningJobRequest,
  CreateHyperParameterTuningJobResponse,
  DeleteHyperParameterTuningJobRequest,
  DescribeHyperParameterTuningJobRequest,
  DescribeHyperParameterTuningJobResponse,
  StopHyperParameterTuningJobRequest,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { resourceInUse, resourceNotFound, validationError } from "../../errors.js";
import { pointAt } from "../../lifecycle/timeline.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { rejectedInStatus } from "../job-status.js";
import type { OperationTable } from "../operation.js";
import { describeTuningJob } from "./describe.js";
import { tuningListOperations } from "./listing.js";
import { planTuningJob } from "./plan.js";
import { withTuningEvents, type TuningJobRecord } from "./record.js";
import { tuningSchedule } from "./schedule.js";
import { syncTuningJob } from "./sync.js";
import { checkTuningRequest } from "./validate.js";

/**
 * [OBS] aws/amazon-sagemaker-examples#1540 (DescribeHyperParameterTuningJob). The model gives
 * Stop and ListTrainingJobsForHyperParameterTuningJob the same ResourceNotFound code as Describe,
 * and [INF] the same text. Delete answers the same way [INF], although the model lists no error
 * for DeleteHyperParameterTuningJob at all.
 */
export const tuningJobNotFound = (name: string): string => `Amazon SageMaker can't find a tuning job called ${name}. Type another name.`;

/** How the status rejections (job-status.ts) name this kind: [INF], after StopTrainingJob's [OBS] "training job". */
const TUNING_JOB = "tuning job";

export function tuningJobOperations(ctx: EmulatorContext, store: EmulatorStore): OperationTable {
  const jobs = store.tuningJobs;
  const find = (name: string): TuningJobRecord => {
    const record = jobs.get(name);
    if (!record) throw resourceNotFound(tuningJobNotFound(name));
    return record;
  };
  const statusOf = (record: TuningJobRecord): string => pointAt(record.schedule.timeline, ctx.clock.now()).state.status;

  return {
    CreateHyperParameterTuningJob(input: CreateHyperParameterTuningJobRequest): CreateHyperParameterTuningJobResponse {
      const name = input.HyperParameterTuningJobName!;
      if (jobs.has(name)) {
        // [OBS] aws/amazon-sagemaker-examples#2440, #3353. Names compare case-insensitively ([DOC]).
        throw resourceInUse(`A hyperparameter tuning job with the name, ${name}, already exists. Choose a different name.`);
      }
      checkTuningRequest(input);
      const plan = planTuningJob(ctx, input);
      const record: TuningJobRecord = {
        name,
        arn: ctx.arn("hyper-parameter-tuning-job", name),
        request: input,
        plan,
        events: {},
        schedule: tuningSchedule(plan, {}),
        tags: [...(input.Tags ?? [])],
        launched: 0,
      };
      // The first MaxParallelTrainingJobs children launch at once: visible right after Create.
      syncTuningJob(ctx, store, record, ctx.clock.now());
      return { HyperParameterTuningJobArn: record.arn };
    },

    DescribeHyperParameterTuningJob(input: DescribeHyperParameterTuningJobRequest): DescribeHyperParameterTuningJobResponse {
      return describeTuningJob(ctx, find(input.HyperParameterTuningJobName!), ctx.clock.now());
    },

    StopHyperParameterTuningJob(input: StopHyperParameterTuningJobRequest): object {
      const record = find(input.HyperParameterTuningJobName!);
      const status = statusOf(record);
      if (status !== "InProgress") throw validationError(rejectedInStatus(TUNING_JOB, status));
      const now = ctx.clock.now();
      syncTuningJob(ctx, store, withTuningEvents(record, { ...record.events, stopRequestedAt: now }), now);
      return {};
    },

    DeleteHyperParameterTuningJob(input: DeleteHyperParameterTuningJobRequest): object {
      const record = find(input.HyperParameterTuningJobName!);
      const status = statusOf(record);
      // The model lists no error for Delete; [INF] a running job is refused like a stop of a finished one.
      if (status === "InProgress" || status === "Stopping") throw validationError(rejectedInStatus(TUNING_JOB, status));
      // [DOC] "deletes only the tuning job entry ... It does not delete training jobs".
      jobs.delete(record.name);
      return {};
    },

    ...tuningListOperations(ctx, store, find),
  };
}
