/**
 * A resource's life as a list of dated states, fixed by its plan and the events it received.
 * Nothing ticks: what a Describe shows is `stateAt(timeline, clock.now())`, a pure function, so
 * any `now` (past, present or a jump of two hours) gives the same answer however it was reached.
 */
export interface Point<S> {
  /** Epoch ms at which `state` begins. */
  readonly at: number;
  readonly state: S;
}

export type Timeline<S> = readonly Point<S>[];

/** The points that have happened by `now`, in order. */
export function pastPoints<S>(timeline: Timeline<S>, now: number): Timeline<S> {
  let end = 0;
  while (end < timeline.length && timeline[end]!.at <= now) end++;
  return timeline.slice(0, end);
}

/** The current point at `now`; the first point when `now` is earlier than everything. */
export function pointAt<S>(timeline: Timeline<S>, now: number): Point<S> {
  const past = pastPoints(timeline, now);
  return past[past.length - 1] ?? timeline[0]!;
}

/** When the timeline ends, i.e. the time of its last (terminal) point. */
export function endOf<S>(timeline: Timeline<S>): number {
  return timeline[timeline.length - 1]!.at;
}

/** Something that ends a life early: from `at` on, `ending` replaces whatever had not happened yet. */
export interface Interruption<S> {
  readonly at: number;
  readonly ending: readonly Point<S>[];
  /**
   * Applies even at the very end. A planned failure is part of the plan and happens at the latest
   * when the job would have completed; a limit or a stop reached only then changes nothing.
   */
  readonly evenAtEnd?: boolean;
}

/**
 * `timeline` after each interruption in turn (for jobs: the planned failure, the runtime limit, a
 * user's stop). One that comes before the end so far keeps the running points up to its time
 * and puts its ending in place of the rest; one that comes after the end changes nothing.
 */
export function interrupted<S>(
  timeline: Timeline<S>,
  isRunning: (state: S) => boolean,
  interruptions: readonly (Interruption<S> | undefined)[],
): Timeline<S> {
  let points = timeline;
  for (const cut of interruptions) {
    if (cut === undefined) continue;
    const end = endOf(points);
    // A cut finds the life running or changes nothing: one that comes while an earlier cut's
    // Stopping is under way (a spot job's wait limit inside its runtime limit's stopping window)
    // must not bring the life back to running.
    if (!isRunning(lastBefore(points, cut.at).state)) continue;
    if (cut.at < end || (cut.evenAtEnd === true && cut.at === end)) {
      points = [...points.filter((point) => point.at <= cut.at && isRunning(point.state)), ...cut.ending];
    }
  }
  return points;
}

/** The last point strictly before `time` (what a cut at `time` interrupts); the first point if none. */
function lastBefore<S>(timeline: Timeline<S>, time: number): Point<S> {
  let last = timeline[0]!;
  for (const point of timeline) {
    if (point.at >= time) break;
    last = point;
  }
  return last;
}

/**
 * How long Stopping lasts. Stop*Job "changes the status of the job to Stopping" [DOC], so the
 * status must be observable even when the emulator is told stopping takes 0 s: at least 1 s.
 */
export function observableStoppingMs(stoppingMs: number): number {
  return Math.max(1000, stoppingMs);
}

/**
 * The first time after `now` at which `keyOf` of the state differs from its value at `now` (the
 * status, say), or undefined if it never does: when the store must next re-file the resource.
 */
export function nextChangeAfter<S>(timeline: Timeline<S>, now: number, keyOf: (state: S) => unknown): number | undefined {
  const current = keyOf(pointAt(timeline, now).state);
  for (const point of timeline) {
    if (point.at > now && keyOf(point.state) !== current) return point.at;
  }
  return undefined;
}
