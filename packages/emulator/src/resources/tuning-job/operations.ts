import { validationError } from "../../errors.js";
import { pointAt } from "../../lifecycle/timeline.js";
import { rejectedInStatus } from "../job-status.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { checkTuningRequest } from "./check-request.js";
import { describeTuningJob } from "./describe.js";
import { TUNING_JOB } from "./errors.js";
import { tuningListOperations } from "./listing.js";
import { planTuningJob } from "./plan.js";
import { withTuningEvents, type TuningJobRecord } from "./record.js";
import { tuningSchedule } from "./schedule.js";
import { syncTuningJob } from "./sync.js";

export function tuningJobOperations(kit: Kit<TuningJobRecord>): Operations {
  const statusOf = (record: TuningJobRecord): string => pointAt(record.schedule.timeline, kit.now()).state.status;

  return {
    CreateHyperParameterTuningJob(input) {
      const name = input.HyperParameterTuningJobName;
      kit.checkNameFree(name);
      checkTuningRequest(input);
      const plan = planTuningJob(kit.ctx, input);
      const record = kit.create(name, (arn) => ({
        name,
        arn,
        request: input,
        plan,
        events: {},
        schedule: tuningSchedule(plan, {}),
        tags: [...(input.Tags ?? [])],
        launched: 0,
      }));
      // The first MaxParallelTrainingJobs children launch at once: visible right after Create.
      syncTuningJob(kit, record, kit.now());
      return { HyperParameterTuningJobArn: record.arn };
    },

    DescribeHyperParameterTuningJob: (input) => describeTuningJob(kit.ctx, kit.find(input.HyperParameterTuningJobName), kit.now()),

    StopHyperParameterTuningJob(input) {
      const record = kit.find(input.HyperParameterTuningJobName);
      const status = statusOf(record);
      if (status !== "InProgress") throw validationError(rejectedInStatus(TUNING_JOB, status));
      const now = kit.now();
      syncTuningJob(kit, withTuningEvents(record, { ...record.events, stopRequestedAt: now }), now);
      return {};
    },

    DeleteHyperParameterTuningJob(input) {
      const record = kit.find(input.HyperParameterTuningJobName);
      const status = statusOf(record);
      // The model lists no error for Delete; [INF] a running job is refused like a stop of a finished one.
      if (status === "InProgress" || status === "Stopping") throw validationError(rejectedInStatus(TUNING_JOB, status));
      // [DOC] "deletes only the tuning job entry ... It does not delete training jobs".
      kit.table.delete(record.name);
      return {};
    },

    ...tuningListOperations(kit),
  };
}
