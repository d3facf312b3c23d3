import type { EmulatorContext } from "../../emulator-context.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { withEvents } from "../training-job/record.js";
import { childRecord } from "./child-record.js";
import { withTuningEvents, type TuningJobRecord } from "./record.js";

/**
 * Brings the training-job table up to `now` for every tuning job: children whose launch time has
 * come appear as training jobs; stops flow both ways between a tuning job and its children.
 * Everything written is read off the pure schedule, so the order of calls cannot matter.
 */
export function syncTuningJobs(ctx: EmulatorContext, store: EmulatorStore, now: number): void {
  for (const record of store.tuningJobs.values()) syncTuningJob(ctx, store, foldChildStops(store, record), now);
}

export function syncTuningJob(ctx: EmulatorContext, store: EmulatorStore, record: TuningJobRecord, now: number): void {
  store.tuningJobs.set(record.name, record);
  const children = record.schedule.children;
  // The tuner's stop reaches children already in the table.
  for (let i = 0; i < record.launched; i++) {
    const scheduled = children[i]!;
    const stored = store.trainingJobs.get(record.plan.children[i]!.name);
    const stop = scheduled.events.stopRequestedAt;
    if (stored?.tuningJobArn !== record.arn || stop === undefined) continue;
    const own = stored.events.stopRequestedAt;
    if (own === undefined || stop < own) store.trainingJobs.set(stored.name, withEvents(stored, { ...stored.events, stopRequestedAt: stop }));
  }
  // Children launch in index order at non-decreasing times.
  while (record.launched < children.length && children[record.launched]!.launchAt <= now) {
    const child = childRecord(ctx, record, children[record.launched]!);
    // [INF] a training job someone created under the child's exact name keeps its place.
    if (!store.trainingJobs.has(child.name)) store.trainingJobs.set(child.name, child);
    record.launched++;
  }
}

/**
 * A child stopped by StopTrainingJob ends early and frees its slot sooner: that stop becomes a
 * tuning event, so the schedule (and the next launch) follows it.
 */
function foldChildStops(store: EmulatorStore, record: TuningJobRecord): TuningJobRecord {
  let childStops: Record<number, number> | undefined;
  for (let i = 0; i < record.launched; i++) {
    const stored = store.trainingJobs.get(record.plan.children[i]!.name);
    const own = stored?.tuningJobArn === record.arn ? stored.events.stopRequestedAt : undefined;
    const scheduled = record.schedule.children[i]?.events.stopRequestedAt;
    if (own !== undefined && (scheduled === undefined || own < scheduled)) (childStops ??= { ...record.events.childStops })[i] = own;
  }
  if (!childStops) return record;
  return withTuningEvents(record, { ...record.events, childStops });
}
