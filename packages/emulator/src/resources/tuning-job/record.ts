import type { CreateHyperParameterTuningJobRequest } from "@aws-sdk/client-sagemaker";
import type { StoredRecord } from "../../store/kind-table.js";
import type { TuningPlan } from "./plan.js";
import { tuningSchedule, type TuningEvents, type TuningSchedule } from "./schedule.js";

/** What the emulator stores for a tuning job: its request, plan and events. Status is derived. */
export interface TuningJobRecord extends StoredRecord {
  readonly request: CreateHyperParameterTuningJobRequest;
  readonly plan: TuningPlan;
  readonly events: TuningEvents;
  /** Derived from plan and events; kept only because it is recomputed on every event anyway. */
  readonly schedule: TuningSchedule;
  /**
   * How many children (in launch order) have been written to the training-job table. Bookkeeping
   * for sync, not state: a child a user deleted from that table must not come back.
   */
  launched: number;
}

export function withTuningEvents(record: TuningJobRecord, events: TuningEvents): TuningJobRecord {
  return { ...record, events, schedule: tuningSchedule(record.plan, events) };
}
