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

/** The points strictly before `time`: what survives an interruption at `time`. */
export function before<S>(timeline: Timeline<S>, time: number): Point<S>[] {
  return timeline.filter((point) => point.at < time);
}

/** When the timeline ends, i.e. the time of its last (terminal) point. */
export function endOf<S>(timeline: Timeline<S>): number {
  return timeline[timeline.length - 1]!.at;
}
