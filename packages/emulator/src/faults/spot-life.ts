import type { Point } from "../lifecycle/timeline.js";

/**
 * Managed spot interruptions as part of a training job's plan: where its instances are reclaimed,
 * how long it waits for capacity again, and whether it resumes from its checkpoint. Fixed at
 * creation, so the timeline still derives everything (docs/decisions/0002-derived-status.md).
 */
export interface SpotPlan {
  /** Each entry: ms into that attempt's Training phase, and ms spent Interrupted before starting again. */
  readonly interruptions: readonly { readonly afterMs: number; readonly waitMs: number }[];
  /**
   * CheckpointConfig was given: an attempt resumes training where the last one stopped; otherwise
   * it trains from the beginning ([DOC] Managed Spot Training, "Using Checkpoints").
   */
  readonly resumes: boolean;
}

/** [INF] the text: no public source prints the Interrupted StatusMessage (docs/fidelity.md §13). */
export const INTERRUPTED_MESSAGE = "Training job interrupted because of a spot instance interruption";

/**
 * One attempt: the points from its Starting up to training in progress, beginning at `startsAt`
 * with `trainingMs` of training ahead; the job's own timeline builds them (training-job/timeline.ts).
 */
export type AttemptPoints<S> = (
  startsAt: number,
  trainingMs: number,
) => { points: Point<S>[]; instancesUp: number; trainingBegins: number };

/** A life of attempts: its points up to the last attempt's training, when that training ends, and when instances ran. */
export interface SpotLife<S> {
  readonly points: Point<S>[];
  /** When the last attempt's training ends (Uploading begins). */
  readonly trainingEnds: number;
  /** [from, to) spans during which instances ran (after Starting, before an interruption); the last one is open. */
  readonly running: readonly (readonly [number, number])[];
}

/**
 * `[DOC]` Managed Spot Training lifecycle: `Starting → Downloading → Training → Interrupted →
 * Starting → Downloading → Training → Uploading`. An interruption that would come after the
 * attempt's training is done never happens; the ones after it are then not reached either.
 */
export function spotLife<S>(
  createdAt: number,
  trainingMs: number,
  spot: SpotPlan,
  attempt: AttemptPoints<S>,
  interrupted: (at: number) => Point<S>,
): SpotLife<S> {
  const points: Point<S>[] = [];
  const running: [number, number][] = [];
  let startsAt = createdAt;
  let remainingMs = trainingMs;
  for (let i = 0; ; i++) {
    const { points: attemptPoints, instancesUp, trainingBegins } = attempt(startsAt, remainingMs);
    const cut = spot.interruptions[i];
    if (cut === undefined || cut.afterMs >= remainingMs) {
      points.push(...attemptPoints);
      running.push([instancesUp, Number.POSITIVE_INFINITY]);
      return { points, trainingEnds: trainingBegins + remainingMs, running };
    }
    const at = trainingBegins + cut.afterMs;
    // Reached at the same instant, the attempt still showed Training before it was interrupted.
    points.push(...attemptPoints.filter((point) => point.at <= at), interrupted(at));
    running.push([instancesUp, at]);
    remainingMs = spot.resumes ? remainingMs - cut.afterMs : trainingMs;
    startsAt = at + cut.waitMs;
  }
}

/**
 * When instances have run `limitMs` in total (MaxRuntimeInSeconds counts running time, not the
 * waits for spot capacity: [DOC] MaxWaitTimeInSeconds "is the amount of time spent waiting for
 * Spot capacity plus the amount of time the job can run").
 */
export function runtimeLimitAt(running: readonly (readonly [number, number])[], limitMs: number): number {
  let left = limitMs;
  for (const [from, to] of running) {
    if (to - from >= left) return from + left;
    left -= to - from;
  }
  return Number.POSITIVE_INFINITY;
}
