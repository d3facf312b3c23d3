import type { StoredRecord } from "../../store/kind-table.js";
import type { Kit } from "../kind.js";
import type { Operation, OperationName } from "../operation.js";
import type { PlannedStep } from "../pipeline/definition/types.js";
import { launchStep } from "./launch.js";
import type { PipelineExecutionRecord, StepAttempt } from "./record.js";
import { retryStartsAt } from "./retry-policy.js";
import { jobKits } from "./step-kinds.js";
import { isRunning, jobStepKindOf, stepView, type StepView } from "./steps.js";

/**
 * Brings an execution up to `now`: what ended lets what waited on it start. Runs when the store
 * wakes the execution (a job of its steps changed, a retry is due) and after each of its
 * operations. Each pass reads the steps' states off their attempts and jobs at `now` and records
 * the launches, stops and retries they call for, until nothing more happens at this instant
 * (a Condition step's branch starts in the same instant as the condition).
 */
export function syncExecution(kit: Kit<PipelineExecutionRecord>, stored: PipelineExecutionRecord, now: number): PipelineExecutionRecord {
  const base = kit as unknown as Kit<StoredRecord>;
  let record = stored;
  for (let pass = 0; pass <= record.definition.steps.length * 2 + 2; pass++) {
    const next = advance(base, record, now);
    if (next === record) break;
    record = next;
  }
  const saved = { ...record, wakeAt: wakeAt(base, record, now) };
  kit.save(saved);
  return saved;
}

function advance(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, now: number): PipelineExecutionRecord {
  const views = new Map<string, StepView>();
  for (const step of record.definition.steps) {
    const view = stepView(kit, record, step.name, now);
    if (view) views.set(step.name, view);
  }
  if (record.events.stopRequestedAt !== undefined) return stopRunning(kit, record, views, now);

  const attempts: Record<string, readonly StepAttempt[]> = { ...record.events.attempts };
  let changed = false;
  const put = (name: string, attempt: StepAttempt, replaceLast = false) => {
    const list = attempts[name] ?? [];
    attempts[name] = replaceLast ? [...list.slice(0, -1), attempt] : [...list, attempt];
    changed = true;
  };

  // A failed job attempt that a retry policy covers gets its next attempt, Starting until its interval ends.
  for (const step of record.definition.steps) {
    const view = views.get(step.name);
    if (view?.status !== "Failed") continue;
    const startsAt = retryStartsAt(step.definition.RetryPolicies, attempts[step.name]!, view);
    if (startsAt !== undefined) {
      put(step.name, { startsAt, pending: true });
      views.set(step.name, { ...view, status: "Starting", last: { startsAt, pending: true } });
    }
  }

  const capacity = (record.maxParallel ?? Infinity) - [...views.values()].filter((v) => isRunning(v.status) && holdsSlot(v)).length;
  let slots = capacity;
  // Retries whose time has come launch first (they were started before anything new).
  for (const step of record.definition.steps) {
    const view = views.get(step.name);
    if (!view?.last.pending || view.last.startsAt > now || slots <= 0) continue;
    put(step.name, launchStep(kit, record, step, now), true);
    slots--;
  }
  const failed = [...views.values()].some((v) => v.status === "Failed" || v.status === "Stopped");
  if (!failed) {
    for (const step of record.definition.steps) {
      if (views.has(step.name) || !isReady(step, views)) continue;
      const instant = step.type === "Condition" || step.type === "Fail";
      if (!instant && slots <= 0) continue;
      put(step.name, launchStep(kit, record, step, now));
      if (!instant) slots--;
    }
  }
  return changed ? { ...record, events: { ...record.events, attempts } } : record;
}

/** Whether a step may start: everything it waits for Succeeded, and its branch (if any) was taken. */
function isReady(step: PlannedStep, views: ReadonlyMap<string, StepView>): boolean {
  if (!step.waitsFor.every((name) => views.get(name)?.status === "Succeeded")) return false;
  if (!step.branch) return true;
  return views.get(step.branch.condition)?.last.properties?.Outcome === step.branch.outcome;
}

/** Steps that take one of MaxParallelExecutionSteps' slots: those with a job and Callback steps ([INF] a retry takes one when it launches). */
function holdsSlot(view: StepView): boolean {
  return view.last.job !== undefined || view.last.metadata?.Callback !== undefined;
}

/**
 * After StopPipelineExecution: [INF] every running job gets its kind's Stop* call (its step then
 * goes Stopping → Stopped with the job); a Callback step waiting for its answer and a retry not
 * launched yet end Stopped at once. Nothing new starts.
 */
function stopRunning(
  kit: Kit<StoredRecord>,
  record: PipelineExecutionRecord,
  views: ReadonlyMap<string, StepView>,
  now: number,
): PipelineExecutionRecord {
  const attempts: Record<string, readonly StepAttempt[]> = { ...record.events.attempts };
  let changed = false;
  for (const view of views.values()) {
    if (!isRunning(view.status) || view.last.stopSentAt !== undefined) continue;
    const last = view.last;
    let replaced: StepAttempt;
    if (last.job) {
      const stepKind = jobStepKindOf(last.job.type);
      const stop = stepKind.stop && (jobKits(kit).operationsOf(stepKind.kind)[stepKind.stop] as Operation<OperationName> | undefined);
      try {
        stop?.({ [stepKind.nameField]: last.job.name } as never);
      } catch {
        // The job ended at this very instant: nothing to stop.
      }
      replaced = { ...last, stopSentAt: now };
    } else {
      replaced = { ...last, ending: { at: now, status: "Stopped" } };
    }
    const list = attempts[view.name]!;
    attempts[view.name] = [...list.slice(0, -1), replaced];
    changed = true;
  }
  return changed ? { ...record, events: { ...record.events, attempts } } : record;
}

/** When the execution must look again: the next change of a running job, or a retry's start. */
function wakeAt(kit: Kit<StoredRecord>, record: PipelineExecutionRecord, now: number): number | undefined {
  let next: number | undefined;
  const consider = (at: number | undefined) => {
    if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
  };
  for (const step of record.definition.steps) {
    const view = stepView(kit, record, step.name, now);
    if (!view || !isRunning(view.status)) continue;
    if (view.last.pending) consider(view.last.startsAt);
    const job = view.last.job;
    if (!job) continue;
    const stepKind = jobStepKindOf(job.type);
    const row = jobKits(kit).kitOf(stepKind.kind).table.get(job.name);
    if (row) consider(stepKind.kind.life.nextChange?.(row, now));
  }
  return next;
}
