import type { EmulatorContext } from "../../emulator-context.js";
import type { TrainingJobRecord } from "../training-job/record.js";
import type { TuningJobRecord } from "./record.js";
import type { ScheduledChild } from "./schedule.js";

/**
 * A launched child as the ordinary training job it is: its plan starts at its launch time and its
 * events carry the tuner's stop, so DescribeTrainingJob and ListTrainingJobs show it like any
 * other job, with TuningJobArn set ([OBS], docs/fidelity.md §5.4).
 */
export function childRecord(ctx: EmulatorContext, tuning: TuningJobRecord, child: ScheduledChild): TrainingJobRecord {
  const planned = tuning.plan.children[child.index]!;
  return {
    name: planned.name,
    arn: ctx.arn("training-job", planned.name),
    request: planned.request,
    plan: child.plan,
    events: child.events,
    timeline: child.timeline,
    // [DOC] CreateHyperParameterTuningJob Tags: "Tags that you specify for the tuning job are also
    // added to all training jobs that the tuning job launches."
    tags: [...(tuning.request.Tags ?? [])],
    tuningJobArn: tuning.arn,
  };
}
