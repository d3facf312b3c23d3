import type { HyperParameterTuningJobStatus } from "@aws-sdk/client-sagemaker";
import { endOf, pointAt, type Point, type Timeline } from "../../lifecycle/timeline.js";
import type { TrainingPlan } from "../training-job/plan.js";
import { trainingTimeline, type TrainingEvents, type TrainingState } from "../training-job/timeline.js";
import { FAILED_ATTEMPTS_LIMIT, failureCut, failureReason, failuresWithoutSuccess } from "./failure.js";
import type { TuningPlan } from "./plan.js";

/** Events that change a tuning job's course after creation. */
export interface TuningEvents {
  /** When StopHyperParameterTuningJob was accepted. */
  readonly stopRequestedAt?: number | undefined;
  /** StopTrainingJob calls on single children, by launch index (read back from the training table). */
  readonly childStops?: Readonly<Record<number, number>> | undefined;
}

export interface TuningState {
  readonly status: HyperParameterTuningJobStatus;
  readonly failureReason?: string | undefined;
}

/** One launched child: an ordinary training job whose plan starts at its launch time. */
export interface ScheduledChild {
  readonly index: number;
  readonly launchAt: number;
  readonly plan: TrainingPlan;
  readonly events: TrainingEvents;
  readonly timeline: Timeline<TrainingState>;
}

export interface TuningSchedule {
  readonly children: readonly ScheduledChild[];
  readonly timeline: Timeline<TuningState>;
}

/** When the tuner stops launching and stops what runs. `inclusive`: children launching at `at` still launch. */
export interface Cut {
  readonly at: number;
  readonly inclusive: boolean;
}

/**
 * The whole life of a tuning job and its children, a pure function of plan and events (nothing
 * ticks). MaxParallelTrainingJobs slots start at creation; each child's end frees its slot and the
 * next child launches there at once ([INF] docs/fidelity.md §5.4), until MaxNumberOfTrainingJobs have
 * launched. A cut (StopHyperParameterTuningJob, ResourceLimits.MaxRuntimeInSeconds [INF], or the
 * failure rule in failure.ts) ends launching and stops every running child, which then goes
 * Stopping → Stopped on its own timeline ([DOC] StopHyperParameterTuningJob "Stops a running
 * hyperparameter tuning job and all running training jobs that the tuning job launched").
 */
export function tuningSchedule(plan: TuningPlan, events: TuningEvents): TuningSchedule {
  const stop = events.stopRequestedAt;
  const limit = plan.maxRuntimeMs !== undefined ? plan.createdAt + plan.maxRuntimeMs : undefined;
  // A user's stop keeps children launched at that very instant: they may already be visible.
  let cut = earliest(
    stop === undefined ? undefined : { at: stop, inclusive: true },
    limit === undefined ? undefined : { at: limit, inclusive: false },
  );
  let children = launch(plan, events, cut);
  const failedAt = failureCut(children, plan.children.length);
  const failed = failedAt !== undefined && (cut === undefined || failedAt < cut.at);
  if (failed) {
    // Everything before failedAt is unchanged by cutting there, so the failure still happens.
    cut = { at: failedAt, inclusive: false };
    children = launch(plan, events, cut);
  }
  const end = Math.max(...children.map((child) => endOf(child.timeline)));
  const start: Point<TuningState> = { at: plan.createdAt, state: { status: "InProgress" } };
  const stopping = (at: number): Point<TuningState>[] => [
    { at, state: { status: "Stopping" } },
    { at: Math.max(at, end), state: { status: "Stopped" } },
  ];

  if (failed) {
    // A stop accepted while the failed tuner is still stopping its children is what the user sees last.
    if (stop !== undefined && stop > failedAt && stop < end) return { children, timeline: [start, ...stopping(stop)] };
    const attempts = Math.min(FAILED_ATTEMPTS_LIMIT, plan.children.length);
    return { children, timeline: [start, { at: end, state: { status: "Failed", failureReason: failureReason(attempts) } }] };
  }
  // A cut takes effect whenever it comes before the end: it kept children from launching, cut
  // one short, or came while a child a user had stopped was still Stopping. An accepted stop
  // always does (the job was InProgress, so its end was still ahead); only a runtime limit that
  // is never reached changes nothing.
  if (cut !== undefined && (children.length < plan.children.length || cut.at < end)) {
    return { children, timeline: [start, ...stopping(cut.at)] };
  }
  return { children, timeline: [start, { at: end, state: naturalEnd(children) }] };
}

/**
 * How a tuning job that nothing cut short ends. [INF] children stopped one by one can leave
 * fewer failures than the limit and no success: Failed. [INF] when every child was stopped
 * (by StopTrainingJob or its own runtime limit) and none completed or failed, nothing was
 * evaluated, so the tuning job ends Stopped rather than Completed.
 */
function naturalEnd(children: readonly ScheduledChild[]): TuningState {
  const failures = failuresWithoutSuccess(children);
  if (failures !== undefined) return { status: "Failed", failureReason: failureReason(failures) };
  const stopped = children.every((child) => pointAt(child.timeline, Infinity).state.status === "Stopped");
  return { status: stopped ? "Stopped" : "Completed" };
}

function launch(plan: TuningPlan, events: TuningEvents, cut: Cut | undefined): ScheduledChild[] {
  const slots: number[] = Array.from({ length: Math.min(plan.maxParallel, plan.children.length) }, () => plan.createdAt);
  const children: ScheduledChild[] = [];
  for (let index = 0; index < plan.children.length; index++) {
    const slot = slots.indexOf(Math.min(...slots));
    const launchAt = slots[slot]!;
    if (cut && (launchAt > cut.at || (launchAt === cut.at && !cut.inclusive))) break;
    const childPlan: TrainingPlan = { ...plan.children[index]!.training, createdAt: launchAt };
    const ownStop = events.childStops?.[index];
    const natural = trainingTimeline(childPlan, { stopRequestedAt: ownStop });
    const cutShort = cut !== undefined && cut.at < endOf(natural) && !(ownStop !== undefined && ownStop <= cut.at);
    const childEvents: TrainingEvents = { stopRequestedAt: cutShort && cut ? cut.at : ownStop };
    const timeline = cutShort ? trainingTimeline(childPlan, childEvents) : natural;
    children.push({ index, launchAt, plan: childPlan, events: childEvents, timeline });
    slots[slot] = endOf(timeline);
  }
  return children;
}

function earliest(a: Cut | undefined, b: Cut | undefined): Cut | undefined {
  if (!a || !b) return a ?? b;
  return b.at < a.at ? b : a;
}
