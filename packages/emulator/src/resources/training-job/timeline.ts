import type { SecondaryStatus, TrainingJobStatus } from "@aws-sdk/client-sagemaker";
import { interrupted, type Interruption, type Point, type Timeline } from "../../lifecycle/timeline.js";
import { INTERRUPTED_MESSAGE, runtimeLimitAt, spotLife } from "../../faults/spot-life.js";
import type { TrainingPlan } from "./plan.js";

export interface TrainingState {
  readonly status: TrainingJobStatus;
  readonly secondary: SecondaryStatus;
  readonly message: string;
}

/** Events that change a training job's course after creation. */
export interface TrainingEvents {
  /** When StopTrainingJob was accepted. */
  readonly stopRequestedAt?: number | undefined;
  /** When the job's container ran (its Training phase began), and how it failed, if it did. */
  readonly computed?:
    | { readonly at: number; readonly failureReason?: string | undefined; readonly tookMs?: number | undefined }
    | undefined;
}

/** [INF] default text; the real one is not documented (docs/fidelity.md §5.1). */
const DEFAULT_FAILURE_REASON = "AlgorithmError: the emulated training container exited with a non-zero status";
const MAX_RUNTIME_MESSAGE = "Training job runtime exceeded MaxRuntimeInSeconds provided";
const MAX_WAIT_MESSAGE = "Training job exceeded MaxWaitTimeInSeconds provided";

const at = (time: number, status: TrainingJobStatus, secondary: SecondaryStatus, message: string): Point<TrainingState> => ({
  at: Math.round(time),
  state: { status, secondary, message },
});

/**
 * The whole life of a training job. The happy path and its StatusMessages are the ones the
 * SageMaker SDK prints (docs/fidelity.md §5.1): Starting → Downloading → Training →
 * Uploading → Completed. Then, in order, whatever cuts it short: the planned failure, the
 * MaxRuntimeInSeconds limit (measured from TrainingStartTime), for managed spot training the
 * MaxWaitTimeInSeconds limit (measured from creation: [DOC] "the maximum time … to wait for a
 * managed spot training job to complete"; Stopping → Stopped/MaxWaitTimeExceeded, docs/fidelity.md §5.1), a user's stop.
 */
export function trainingTimeline(plan: TrainingPlan, events: TrainingEvents): Timeline<TrainingState> {
  const t0 = plan.createdAt;
  const start = trainingStartTime(plan);
  // The code's own run time, when it reported one, is the phase's length.
  const trainingMs = events.computed?.tookMs ?? plan.trainingMs;
  // One attempt, from its Starting to training in progress: a spot job may make several (faults/spot-life.ts).
  const attempt = (startsAt: number, attemptTrainingMs: number) => {
    const instancesUp = startsAt + plan.startingMs;
    const trainingBegins = instancesUp + plan.downloadingMs;
    const points = [
      at(startsAt, "InProgress", "Starting", "Starting the training job"),
      at(startsAt + plan.startingMs / 3, "InProgress", "Starting", "Launching requested ML instances"),
      at(startsAt + (2 * plan.startingMs) / 3, "InProgress", "Starting", "Preparing the instances for training"),
      ...(plan.downloadingMs > 0 ? [at(instancesUp, "InProgress", "Downloading", "Downloading input data")] : []),
      at(trainingBegins, "InProgress", "Training", "Downloading the training image"),
      at(
        trainingBegins + Math.min(attemptTrainingMs / 10, 60_000),
        "InProgress",
        "Training",
        "Training image download completed. Training in progress.",
      ),
    ];
    return { points, instancesUp, trainingBegins };
  };
  const spot =
    plan.spot === undefined
      ? undefined
      : spotLife(t0, trainingMs, plan.spot, attempt, (time) => at(time, "InProgress", "Interrupted", INTERRUPTED_MESSAGE));
  const first = attempt(t0, trainingMs);
  const trainingBegins = first.trainingBegins;
  const uploadBegins = spot?.trainingEnds ?? trainingBegins + trainingMs;
  const completes = uploadBegins + plan.uploadingMs;

  const natural: Point<TrainingState>[] = [
    ...(spot?.points ?? first.points),
    at(uploadBegins, "InProgress", "Uploading", "Uploading generated training model"),
    at(completes, "Completed", "Completed", "Training job completed"),
  ];
  const { outcome } = plan;
  let failure: Interruption<TrainingState> | undefined;
  if (outcome.status === "Failed") {
    // A CapacityError comes while instances are launched, before any of them is up ([INF] halfway through Starting).
    const failsAt = plan.failsWhileStarting
      ? t0 + plan.startingMs / 2
      : Math.min(trainingBegins + (outcome.afterSeconds ?? trainingMs / 2000) * 1000, completes);
    failure = { at: failsAt, ending: [at(failsAt, "Failed", "Failed", outcome.failureReason ?? DEFAULT_FAILURE_REASON)], evenAtEnd: true };
  }
  // The container's own failure shows once it had time to print it: [INF] a tenth of the phase, at most a minute.
  const computed = events.computed;
  const codeFailure: Interruption<TrainingState> | undefined =
    computed?.failureReason === undefined
      ? undefined
      : (() => {
          const failsAt = Math.min(computed.at + Math.max(1000, Math.min(trainingMs / 10, 60_000)), completes);
          return { at: failsAt, ending: [at(failsAt, "Failed", "Failed", computed.failureReason)], evenAtEnd: true };
        })();
  const stopping = (time: number, secondary: SecondaryStatus, message: string): Interruption<TrainingState> => ({
    at: time,
    ending: [at(time, "Stopping", "Stopping", "Stopping the training job"), at(time + plan.stoppingMs, "Stopped", secondary, message)],
  });
  const stop = events.stopRequestedAt;
  return interrupted(natural, (state) => state.status === "InProgress", [
    failure,
    codeFailure,
    // A spot job's runtime counts while its instances run, not while it waits for capacity.
    stopping(spot ? runtimeLimitAt(spot.running, plan.maxRuntimeMs) : start + plan.maxRuntimeMs, "MaxRuntimeExceeded", MAX_RUNTIME_MESSAGE),
    plan.maxWaitMs === undefined ? undefined : stopping(t0 + plan.maxWaitMs, "MaxWaitTimeExceeded", MAX_WAIT_MESSAGE),
    stop === undefined ? undefined : stopping(stop, "Stopped", "Training job stopped"),
  ]);
}

/** When instances are up and billing starts (TrainingStartTime), if the job gets that far. */
export function trainingStartTime(plan: TrainingPlan): number {
  return plan.createdAt + plan.startingMs;
}

/** When the Training phase begins on this timeline (the container runs), if the job gets that far. */
export function trainingBeginsAt(timeline: Timeline<TrainingState>): number | undefined {
  return timeline.find((point) => point.state.secondary === "Training")?.at;
}

/** When the job stops running (its terminal or Stopping point), if it does. */
export function runningEndsAt(timeline: Timeline<TrainingState>): number {
  return timeline.find((point) => point.state.status !== "InProgress")?.at ?? Number.POSITIVE_INFINITY;
}
