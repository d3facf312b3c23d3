import { resourceInUse, validationError } from "../../errors.js";
import { pointAt } from "../../lifecycle/timeline.js";
import { rejectedInStatus } from "../job-status.js";
import type { Kit } from "../kind.js";
import type { Operations } from "../operation.js";
import { checkInputsExist } from "../input-data.js";
import { checkTrainingRequest } from "./check-request.js";
import { describeTrainingJob, summarizeTrainingJob } from "./describe.js";
import { planTrainingJob } from "./plan.js";
import { withEvents, type TrainingJobRecord } from "./record.js";
import { trainingTimeline } from "./timeline.js";

export function trainingJobOperations(kit: Kit<TrainingJobRecord>): Operations {
  const statusOf = (record: TrainingJobRecord): string => pointAt(record.timeline, kit.now()).state.status;

  return {
    CreateTrainingJob(input) {
      const name = input.TrainingJobName;
      kit.checkNameFree(name);
      checkTrainingRequest(input);
      checkInputsExist(
        kit.ctx,
        (input.InputDataConfig ?? []).flatMap((channel) => channel.DataSource?.S3DataSource ?? []),
        input.RoleArn,
      );
      const plan = planTrainingJob(kit.ctx, input);
      const record = kit.create(name, (arn) => ({
        name,
        arn,
        request: input,
        plan,
        events: {},
        timeline: trainingTimeline(plan, {}),
        tags: [...(input.Tags ?? [])],
      }));
      return { TrainingJobArn: record.arn };
    },

    DescribeTrainingJob: (input) => describeTrainingJob(kit.find(input.TrainingJobName), kit.now()),

    ListTrainingJobs(input) {
      // No emulated job has a warm pool or a training plan, so those filters match nothing.
      if (input.WarmPoolStatusEquals || input.TrainingPlanArnEquals) return { TrainingJobSummaries: [] };
      const { items, nextToken } = kit.list(input, { statusFilterAfterPage: kit.ctx.listTrainingJobsStatusFilterAfterPage });
      const now = kit.now();
      return { TrainingJobSummaries: items.map((r) => summarizeTrainingJob(r, now)), NextToken: nextToken };
    },

    StopTrainingJob(input) {
      const record = kit.find(input.TrainingJobName);
      const status = statusOf(record);
      // [OBS] awslabs/benchmark-ai#928 (Completed, Stopped, Failed); [INF] Stopping answers the same way.
      if (status !== "InProgress") throw validationError(rejectedInStatus("training job", status));
      kit.save(withEvents(record, { ...record.events, stopRequestedAt: kit.now() }));
      // A tuning job's child stopped on its own frees its slot sooner: its tuner must look again.
      if (record.tuningJobArn) kit.wake(record.tuningJobArn);
      return {};
    },

    DeleteTrainingJob(input) {
      const record = kit.find(input.TrainingJobName);
      const status = statusOf(record);
      // [DOC] DeleteTrainingJob: "You cannot delete a job that is in the InProgress or Stopping state."
      // The model lists ResourceInUse for it; the text is [INF], in the family of the Stop rejection.
      if (status === "InProgress" || status === "Stopping") throw resourceInUse(rejectedInStatus("training job", status));
      // [DOC] afterwards the name can be reused; Describe answers "Requested resource not found."
      kit.table.delete(record.name);
      return {};
    },
  };
}
