import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  endOf,
  interrupted,
  nextChangeAfter,
  observableStoppingMs,
  pastPoints,
  pointAt,
  type Interruption,
  type Point,
  type Timeline,
} from "./timeline.js";

/**
 * Properties of the derived-status core (docs/decisions/0002-derived-status.md): what a resource
 * shows is its timeline read at `now`, so any `now` gives the same answer however it was reached.
 *
 * The reference is the design that decision rejects, written as simply as possible: a life that
 * ticks. It holds where it is and moves forward, point by point, each time the clock is read.
 * Reading the timeline as a pure function must agree with it at every reading, whatever the
 * steps between readings (none, one millisecond, or millennia), and in whatever order the
 * readings come. `interrupted` is checked clause by clause against its contract.
 */

interface State {
  /** Unique within a test case, so agreeing on a label means agreeing on the point. */
  readonly label: string;
  readonly running: boolean;
}
const isRunning = (state: State): boolean => state.running;

/** The reference: a life that ticks. It only moves forward. */
class TickingLife<S> {
  private readonly passed: Point<S>[] = [];
  private readonly pending: Point<S>[];
  private clock = -Infinity;

  constructor(private readonly timeline: Timeline<S>) {
    this.pending = [...timeline];
  }

  /** Moves the clock to `now` and says where the life is: the last point passed, or the first one before anything happened. */
  tickTo(now: number): { current: Point<S>; passed: readonly Point<S>[] } {
    if (now < this.clock) throw new Error(`a ticking life cannot go back from ${this.clock} to ${now}`);
    this.clock = now;
    while (this.pending.length > 0 && this.pending[0]!.at <= now) this.passed.push(this.pending.shift()!);
    return { current: this.passed[this.passed.length - 1] ?? this.timeline[0]!, passed: [...this.passed] };
  }
}

/**
 * Whether the life is running just before `time`, as the ticking life reads it a millisecond
 * earlier (every time here is a whole millisecond); before anything happened, that is its first point.
 */
function runningJustBefore<S>(life: Timeline<S>, time: number, running: (state: S) => boolean): boolean {
  return running(new TickingLife(life).tickTo(time - 1).current.state);
}

/** The contract of `interrupted`, one cut at a time, as its documentation states it. */
function referenceInterrupted<S>(
  life: Timeline<S>,
  running: (state: S) => boolean,
  cuts: readonly (Interruption<S> | undefined)[],
): Timeline<S> {
  let result = life;
  for (const cut of cuts) {
    if (cut === undefined) continue;
    if (!runningJustBefore(result, cut.at, running)) continue; // nothing left to interrupt
    const end = result[result.length - 1]!.at;
    const before = cut.at < end;
    const atTheEnd = cut.at === end && cut.evenAtEnd === true;
    if (!before && !atTheEnd) continue; // after the end: nothing changes
    const kept: Point<S>[] = [];
    for (const point of result) if (point.at <= cut.at && running(point.state)) kept.push(point);
    result = kept.concat(cut.ending);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Generators. Times are epoch ms; steps come in every size, because bugs hide at 0, at 1 ms and
// at jumps far larger than any life.

/** Largest single step: about 2,200 years. Twenty of them stay well inside safe integers. */
const HUGE = 2 ** 46;
const step = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 1_000 }),
  fc.integer({ min: 1, max: 86_400_000 }),
  fc.integer({ min: 1, max: HUGE }),
);
const start = fc.integer({ min: 0, max: 2_000_000_000_000 });

/** The running sums t0 + g1, t0 + g1 + g2, … of the gaps. */
function sumsFrom(t0: number, gaps: readonly number[]): number[] {
  const sums: number[] = [];
  let at = t0;
  for (const gap of gaps) {
    at += gap;
    sums.push(at);
  }
  return sums;
}

/** Points at non-decreasing times (equal times included) with any running flags. */
const anyTimeline: fc.Arbitrary<Timeline<State>> = fc
  .tuple(start, fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 8 }))
  .map(([t0, steps]) => {
    const times = sumsFrom(
      t0,
      steps.map(([gap]) => gap),
    );
    return steps.map(([, running], i) => ({ at: times[i]!, state: { label: `p${i}`, running } }));
  });

/** Points at strictly increasing times: no two happen at once. */
const strictTimeline: fc.Arbitrary<Timeline<State>> = anyTimeline.map((life) => life.map((p, i) => ({ ...p, at: p.at + i })));

/** A plan's natural life: running points, then one terminal point (Completed). */
const planLife: fc.Arbitrary<Timeline<State>> = fc
  .tuple(start, fc.array(step, { minLength: 0, maxLength: 6 }), step)
  .map(([t0, gaps, last]) => {
    const times = [t0, ...sumsFrom(t0, gaps)];
    const running = times.map((at, i) => ({ at, state: { label: `p${i}`, running: true } }));
    return [...running, { at: times.at(-1)! + last, state: { label: "end", running: false } }];
  });

/** A time placed relative to a life's points: on one, just beside one, or anywhere from far before to far after. */
interface Placement {
  readonly anchor: number;
  readonly offset: number;
}
const placement: fc.Arbitrary<Placement> = fc.record({
  anchor: fc.nat(),
  offset: fc.oneof(
    fc.constant(0),
    fc.integer({ min: -2, max: 2 }),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -HUGE, max: HUGE }),
  ),
});
const place = (life: Timeline<State>, p: Placement): number => life[p.anchor % life.length]!.at + p.offset;

/** The shape of an interruption, placed on a life later. */
interface CutShape {
  readonly at: Placement;
  readonly evenAtEnd: boolean | undefined;
  /** Steps from the cut's time to each point of its ending, with their running flags. */
  readonly ending: readonly (readonly [number, boolean])[];
}
const anyCutShape: fc.Arbitrary<CutShape> = fc.record({
  at: placement,
  evenAtEnd: fc.option(fc.boolean(), { nil: undefined }),
  ending: fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 3 }),
});
/** What the emulator's cuts look like: a stop (Stopping, then Stopped a while later) or a failure (Failed, even at the end). */
const planCutShape: fc.Arbitrary<CutShape> = fc.oneof(
  fc.record({
    at: placement,
    evenAtEnd: fc.constant(undefined),
    ending: step.map(
      (d) =>
        [
          [0, false],
          [d, false],
        ] as const,
    ),
  }),
  fc.record({ at: placement, evenAtEnd: fc.constant(true), ending: fc.constant([[0, false]] as const) }),
);

function cutOn(life: Timeline<State>, shape: CutShape, name: string): Interruption<State> {
  const at = place(life, shape.at);
  const times = sumsFrom(
    at,
    shape.ending.map(([gap]) => gap),
  );
  const ending = shape.ending.map(([, running], j) => ({ at: times[j]!, state: { label: `${name}.${j}`, running } }));
  // Written without the key when absent, as callers may under exactOptionalPropertyTypes.
  return shape.evenAtEnd === undefined ? { at, ending } : { at, ending, evenAtEnd: shape.evenAtEnd };
}

/** Clock readings: from some time before the life begins, forward by steps of any size or onto (or beside) a point. */
const readingSteps = fc.record({
  before: step,
  moves: fc.array(
    fc.oneof(
      step.map((by) => ({ by })),
      placement.map((to) => ({ to })),
    ),
    { maxLength: 20 },
  ),
});
function readingsOf(life: Timeline<State>, spec: { before: number; moves: readonly ({ by: number } | { to: Placement })[] }): number[] {
  let now = life[0]!.at - spec.before;
  const readings = [now];
  for (const move of spec.moves) {
    now = "by" in move ? now + move.by : Math.max(now, place(life, move.to));
    readings.push(now);
  }
  return readings;
}

const labelAt = (life: Timeline<State>, now: number): string => pointAt(life, now).state.label;

// ---------------------------------------------------------------------------------------------

describe("reading a timeline: the answer depends on now alone", () => {
  it("at every reading of a clock moving forward by steps of any size, pointAt is where a ticking life would be", () => {
    fc.assert(
      fc.property(anyTimeline, readingSteps, (life, spec) => {
        const ticking = new TickingLife(life);
        for (const now of readingsOf(life, spec)) expect(pointAt(life, now)).toBe(ticking.tickTo(now).current);
      }),
      { numRuns: 1000 },
    );
  });

  it("at every reading, pastPoints are exactly the points a ticking life has passed, in order", () => {
    fc.assert(
      fc.property(anyTimeline, readingSteps, (life, spec) => {
        const ticking = new TickingLife(life);
        for (const now of readingsOf(life, spec)) expect(pastPoints(life, now)).toEqual(ticking.tickTo(now).passed);
      }),
      { numRuns: 1000 },
    );
  });

  it("readings taken in any order (backwards, repeated) give what reading the same instants in time order gave", () => {
    fc.assert(
      fc.property(anyTimeline, fc.array(placement, { minLength: 1, maxLength: 20 }), (life, placements) => {
        const readings = placements.map((p) => place(life, p));
        const ticking = new TickingLife(life);
        const inOrder = new Map([...readings].sort((a, b) => a - b).map((now) => [now, ticking.tickTo(now).current] as const));
        for (const now of readings) expect(pointAt(life, now)).toBe(inOrder.get(now));
      }),
      { numRuns: 1000 },
    );
  });

  it("from endOf on, every reading is the last point", () => {
    fc.assert(
      fc.property(anyTimeline, step, (life, after) => {
        expect(pointAt(life, endOf(life) + after)).toBe(life[life.length - 1]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("interrupted: each cut as its contract states", () => {
  it("a cut after the end, or at the end without evenAtEnd, changes nothing", () => {
    fc.assert(
      fc.property(anyTimeline, anyCutShape, (life, shape) => {
        const cut = cutOn(life, shape, "cut");
        fc.pre(cut.at > endOf(life) || (cut.at === endOf(life) && cut.evenAtEnd !== true));
        expect(interrupted(life, isRunning, [cut])).toEqual(life);
      }),
      { numRuns: 1000 },
    );
  });

  it("a cut that does not find the life running just before its time changes nothing", () => {
    fc.assert(
      fc.property(anyTimeline, anyCutShape, (life, shape) => {
        const cut = cutOn(life, shape, "cut");
        fc.pre(!runningJustBefore(life, cut.at, isRunning));
        expect(interrupted(life, isRunning, [cut])).toEqual(life);
      }),
      { numRuns: 1000 },
    );
  });

  it("a cut that finds the life running, before the end or at it with evenAtEnd, keeps the running points up to its time and then its ending", () => {
    fc.assert(
      fc.property(anyTimeline, anyCutShape, (life, shape) => {
        const cut = cutOn(life, shape, "cut");
        fc.pre(runningJustBefore(life, cut.at, isRunning));
        fc.pre(cut.at < endOf(life) || (cut.at === endOf(life) && cut.evenAtEnd === true));
        const kept = life.filter((point) => point.at <= cut.at && point.state.running);
        expect(interrupted(life, isRunning, [cut])).toEqual([...kept, ...cut.ending]);
      }),
      { numRuns: 1000 },
    );
  });

  it("several cuts apply one after another in the order given, each to the life the previous ones left; undefined ones are skipped", () => {
    fc.assert(
      fc.property(anyTimeline, fc.array(fc.option(anyCutShape, { nil: undefined }), { maxLength: 4 }), (life, shapes) => {
        const cuts = shapes.map((shape, i) => (shape === undefined ? undefined : cutOn(life, shape, `cut${i}`)));
        const oneByOne = cuts.reduce<Timeline<State>>((so, cut) => interrupted(so, isRunning, [cut]), life);
        expect(interrupted(life, isRunning, cuts)).toEqual(oneByOne);
      }),
      { numRuns: 1000 },
    );
  });

  it("a cut that finds the life running changes nothing before its time", () => {
    fc.assert(
      fc.property(planLife, fc.array(planCutShape, { maxLength: 3 }), planCutShape, readingSteps, (natural, earlier, shape, spec) => {
        const life = interrupted(
          natural,
          isRunning,
          earlier.map((s, i) => cutOn(natural, s, `cut${i}`)),
        );
        const cut = cutOn(natural, shape, "last");
        fc.pre(cut.at >= life[0]!.at && pointAt(life, cut.at).state.running);
        const after = interrupted(life, isRunning, [cut]);
        for (const now of readingsOf(life, spec).filter((t) => t < cut.at)) expect(labelAt(after, now)).toBe(labelAt(life, now));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a plan's life with its interruptions, read on a clock", () => {
  it("reads at every clock reading as the contract's life, ticking, shows", () => {
    fc.assert(
      fc.property(
        planLife,
        fc.array(fc.option(planCutShape, { nil: undefined }), { maxLength: 3 }),
        readingSteps,
        (natural, shapes, spec) => {
          const cuts = shapes.map((shape, i) => (shape === undefined ? undefined : cutOn(natural, shape, `cut${i}`)));
          const life = interrupted(natural, isRunning, cuts);
          const ticking = new TickingLife(referenceInterrupted(natural, isRunning, cuts));
          for (const now of readingsOf(natural, spec)) expect(labelAt(life, now)).toBe(ticking.tickTo(now).current.state.label);
        },
      ),
      { numRuns: 1000 },
    );
  });

  // The defect this once pinned with it.fails: a later cut inside an earlier cut's Stopping applied
  // and brought the life back to running (a managed spot training job whose MaxWaitTimeInSeconds
  // fell within its MaxRuntimeInSeconds limit's stopping window showed InProgress again).
  it("a cut that comes while an earlier cut's Stopping is under way does not bring the life back to running", () => {
    fc.assert(
      fc.property(
        planLife,
        fc.nat(),
        fc.integer({ min: 2, max: 1_000_000 }),
        fc.integer({ min: 1, max: 999 }),
        (natural, anchor, stopping, permille) => {
          const end = endOf(natural);
          const firstAt = natural[anchor % natural.length]!.at;
          fc.pre(firstAt < end);
          const stop = (at: number, name: string): Interruption<State> => ({
            at,
            ending: [
              { at, state: { label: `${name}.stopping`, running: false } },
              { at: at + stopping, state: { label: `${name}.stopped`, running: false } },
            ],
          });
          const first = stop(firstAt, "first");
          const second = stop(firstAt + Math.max(1, Math.floor((stopping * permille) / 1000)), "second");
          const life = interrupted(natural, isRunning, [first, second]);
          expect(pointAt(life, first.at).state.running).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/**
 * The reference for nextChangeAfter: tick from `now` through every later instant at which
 * something happens, and stop at the first whose reading has another key.
 */
function firstChangeTicking(life: Timeline<State>, now: number, keyOf: (state: State) => unknown): number | undefined {
  const ticking = new TickingLife(life);
  const key = keyOf(ticking.tickTo(now).current.state);
  const instants = [...new Set(life.map((p) => p.at))].filter((t) => t > now).sort((a, b) => a - b);
  return instants.find((t) => keyOf(ticking.tickTo(t).current.state) !== key);
}
const running = (state: State): boolean => state.running;

describe("nextChangeAfter: when the store must next re-file a resource", () => {
  it("is after now, and no later than the first instant a ticking life reads another key (so no change is missed)", () => {
    fc.assert(
      fc.property(anyTimeline, placement, (life, p) => {
        const now = place(life, p);
        const first = firstChangeTicking(life, now, running);
        const next = nextChangeAfter(life, now, running);
        if (next !== undefined) expect(next).toBeGreaterThan(now);
        if (first !== undefined) expect(next).toBeLessThanOrEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it("when no two points happen at once, is exactly the first instant a ticking life reads another key, or undefined if none", () => {
    fc.assert(
      fc.property(strictTimeline, placement, (life, p) => {
        const now = place(life, p);
        expect(nextChangeAfter(life, now, running)).toBe(firstChangeTicking(life, now, running));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("observableStoppingMs", () => {
  it("Stopping lasts at least one second, and exactly as asked when that is longer", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: HUGE })), (ms) => {
        const lasts = observableStoppingMs(ms);
        expect(lasts >= 1000 && (ms >= 1000 ? lasts === ms : lasts === 1000)).toBe(true);
      }),
    );
  });
});
