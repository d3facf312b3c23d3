import type { PipelineExecutionStatus } from "@aws-sdk/client-sagemaker";
import type { StoredRecord } from "../../store/kind-table.js";
import type { Kit } from "../kind.js";
import type { PipelineExecutionRecord } from "./record.js";
import { isRunning, stepViews, type StepView } from "./steps.js";

/**
 * [OBS] DescribePipelineExecution's FailureReason when a step failed, a Fail step included (SDK
 * tests/integ/sagemaker/workflow/test_fail_steps.py; public describe outputs).
 */
const STEP_FAILURE = "Step failure: One or multiple steps failed.";

export interface ExecutionState {
  readonly status: PipelineExecutionStatus;
  readonly failureReason?: string | undefined;
  /** When the state last changed, by `now`. */
  readonly lastModified: number;
  readonly steps: readonly StepView[];
}

/**
 * The execution at `now`, derived from its steps: Executing while a step runs (Stopping once a stop
 * was accepted), then Stopped after a stop, Failed if a step failed or was stopped ([INF] a job
 * stopped on its own fails its step's execution), else Succeeded.
 */
export function executionState(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, now: number): ExecutionState {
  const steps = stepViews(kit, record, now);
  const stop = record.events.stopRequestedAt;
  const times = [record.createdAt, ...record.events.retries, ...(stop !== undefined ? [stop] : [])];
  for (const step of steps) times.push(step.startedAt, ...(step.endedAt !== undefined ? [step.endedAt] : []));
  const lastModified = Math.max(...times.filter((t) => t <= now));
  const base = { lastModified, steps };
  if (steps.some((s) => isRunning(s.status))) return { ...base, status: stop !== undefined ? "Stopping" : "Executing" };
  if (stop !== undefined) return { ...base, status: "Stopped" };
  if (steps.some((s) => s.status === "Failed" || s.status === "Stopped")) return { ...base, status: "Failed", failureReason: STEP_FAILURE };
  return { ...base, status: "Succeeded" };
}
