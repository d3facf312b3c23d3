import type { PipelineExecutionStepMetadata, StepStatus } from "@aws-sdk/client-sagemaker";
import type { StoredRecord } from "../../store/kind-table.js";
import type { Kit } from "../kind.js";
import type { PipelineExecutionRecord, StepAttempt } from "./record.js";
import { JOB_STEP_KINDS, jobKits, type JobStepKind } from "./step-kinds.js";

/** A step as ListPipelineExecutionSteps shows it at `now`, derived from its attempts and its job's table. */
export interface StepView {
  readonly name: string;
  readonly status: StepStatus;
  readonly startedAt: number;
  readonly endedAt?: number | undefined;
  readonly failureReason?: string | undefined;
  readonly metadata: PipelineExecutionStepMetadata;
  readonly attemptCount: number;
  readonly last: StepAttempt;
}

const RUNNING = new Set<StepStatus>(["Starting", "Executing", "Stopping"]);
export const isRunning = (status: StepStatus): boolean => RUNNING.has(status);

/** [INF] a job's status as its step's: InProgress runs, Completed succeeds (docs/fidelity.md §14). */
const FROM_JOB: Readonly<Record<string, StepStatus>> = {
  InProgress: "Executing",
  Stopping: "Stopping",
  Completed: "Succeeded",
  Failed: "Failed",
  Stopped: "Stopped",
};

/** The step at `now`, or undefined if it has not started. */
export function stepView(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, name: string, now: number): StepView | undefined {
  const attempts = record.events.attempts[name];
  if (!attempts || attempts.length === 0) return undefined;
  const last = attempts[attempts.length - 1]!;
  const base = { name, startedAt: attempts[0]!.startsAt, attemptCount: attempts.length, last, metadata: last.metadata ?? {} };
  if (last.ending && last.ending.at <= now) {
    return { ...base, status: last.ending.status, endedAt: last.ending.at, failureReason: last.ending.failureReason };
  }
  if (last.job) return { ...base, ...jobState(kit, last.job, now) };
  // A retry not launched yet (waiting for its interval or a free slot), or a Callback step waiting for its answer.
  return { ...base, status: last.pending ? "Starting" : "Executing" };
}

function jobState(
  kit: Kit<StoredRecord>,
  job: NonNullable<StepAttempt["job"]>,
  now: number,
): Pick<StepView, "status" | "endedAt" | "failureReason"> {
  const stepKind = jobStepKindOf(job.type);
  const kits = jobKits(kit);
  const jobKit = kits.kitOf(stepKind.kind);
  const row = jobKit.table.get(job.name);
  // [INF] a job deleted while its step ran (only a finished job can be deleted): the step failed.
  if (!row) return { status: "Failed", failureReason: `The ${stepKind.metadataKey} ${job.name} no longer exists.` };
  const jobStatus = stepKind.kind.life.status?.(row, now) ?? "Completed";
  const status = FROM_JOB[jobStatus] ?? "Executing";
  if (isRunning(status)) return { status };
  const endedAt = stepKind.kind.listing.lastModified?.(row, now) ?? stepKind.kind.life.created(row);
  const failureReason =
    status === "Failed" ? (stepKind.kind.describe(row, now, jobKit) as { FailureReason?: string }).FailureReason : undefined;
  return { status, endedAt, failureReason };
}

export function jobStepKindOf(type: string): JobStepKind {
  const found = Object.values(JOB_STEP_KINDS).find((k) => k.kind.arnType === type);
  if (!found) throw new Error(`No job step kind for ${type}.`);
  return found;
}

/** Every started step at `now`, in definition order. */
export function stepViews(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, now: number): StepView[] {
  return record.definition.steps.flatMap((step) => stepView(kit, record, step.name, now) ?? []);
}
