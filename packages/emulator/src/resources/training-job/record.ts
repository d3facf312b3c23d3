import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import type { Timeline } from "../../lifecycle/timeline.js";
import type { StoredRecord } from "../../store/kind-table.js";
import type { TrainingRun } from "./compute.js";
import type { TrainingPlan } from "./plan.js";
import { trainingTimeline, type TrainingEvents, type TrainingState } from "./timeline.js";

/** What the emulator stores for a training job: its request, plan and events. Status is derived. */
export interface TrainingJobRecord extends StoredRecord {
  readonly request: CreateTrainingJobRequest;
  readonly plan: TrainingPlan;
  readonly events: TrainingEvents;
  /** Derived from plan and events; kept only because it is recomputed on every event anyway. */
  readonly timeline: Timeline<TrainingState>;
  /** Set for the children of a hyperparameter tuning job. */
  readonly tuningJobArn?: string | undefined;
  /** What its container did, once its Training phase began (jobs whose image runs code only). */
  readonly run?: TrainingRun | undefined;
  /** Set once its artifacts are in S3. */
  readonly uploaded?: true | undefined;
}

export function withEvents(record: TrainingJobRecord, events: TrainingEvents): TrainingJobRecord {
  return { ...record, events, timeline: trainingTimeline(record.plan, events) };
}
