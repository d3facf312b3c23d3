import type { Kit } from "../kind.js";
import { trainingJobKind } from "../training-job/kind.js";
import { childRecord } from "./child-record.js";
import { withTuningEvents, type TuningJobRecord } from "./record.js";

/**
 * Brings a tuning job's children up to `now`: a child stopped by StopTrainingJob becomes a tuning
 * event (so the schedule, and the next launch, follow it); the tuner's stops reach the children
 * already launched; children whose launch time has come appear as training jobs. Everything
 * written is read off the pure schedule, so when this runs cannot change what it writes.
 */
export function syncTuningJob(kit: Kit<TuningJobRecord>, stored: TuningJobRecord, now: number): void {
  const record = foldChildStops(kit, stored);
  const { children } = record.schedule;
  for (let i = 0; i < record.launched; i++) {
    const stop = children[i]!.events.stopRequestedAt;
    if (stop !== undefined) kit.effect(trainingJobKind, "stopChild", record.plan.children[i]!.name, record.arn, stop);
  }
  // Children launch in index order at non-decreasing times.
  while (record.launched < children.length && children[record.launched]!.launchAt <= now) {
    kit.effect(trainingJobKind, "launchChild", childRecord(kit.ctx, record, children[record.launched]!));
    record.launched++;
  }
  kit.save(record);
}

/** The children's own stops (StopTrainingJob on a child) folded into the tuning job's events. */
function foldChildStops(kit: Kit<TuningJobRecord>, record: TuningJobRecord): TuningJobRecord {
  const training = kit.read(trainingJobKind);
  let childStops: Record<number, number> | undefined;
  for (let i = 0; i < record.launched; i++) {
    const stored = training.get(record.plan.children[i]!.name);
    const own = stored?.tuningJobArn === record.arn ? stored.events.stopRequestedAt : undefined;
    const scheduled = record.schedule.children[i]?.events.stopRequestedAt;
    if (own !== undefined && (scheduled === undefined || own < scheduled)) {
      childStops ??= { ...record.events.childStops };
      childStops[i] = own;
    }
  }
  if (!childStops) return record;
  return withTuningEvents(record, { ...record.events, childStops });
}
