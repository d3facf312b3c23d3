import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Point } from "../../src/lifecycle/timeline.js";
import { describeTrainingJob } from "../../src/resources/training-job/describe.js";
import type { TrainingPlan } from "../../src/resources/training-job/plan.js";
import type { TrainingJobRecord } from "../../src/resources/training-job/record.js";
import { trainingTimeline, type TrainingState } from "../../src/resources/training-job/timeline.js";
import { trainingJobRequest } from "../fixtures.js";

/**
 * Managed spot interruptions are part of a training job's plan and the timeline plays them
 * (docs/decisions/0002-derived-status.md). For any plan of phases and interruptions, with or
 * without a checkpoint, and any stop: the life is ordered, ends once, shows each interruption
 * that fits as Interrupted followed by a fresh Starting, trains exactly as long as the checkpoint
 * rule says, and bills no more than it ran.
 */

const S = 1000;
const seconds = (max: number) => fc.integer({ min: 0, max }).map((s) => s * S);
const interruption = fc.record({ afterMs: seconds(900), waitMs: seconds(900) });
const planArb = fc.record({
  startingMs: seconds(120),
  downloadingMs: seconds(60),
  trainingMs: seconds(1200).map((ms) => ms + S),
  uploadingMs: seconds(60),
  stoppingMs: seconds(60).map((ms) => ms + S),
  interruptions: fc.array(interruption, { maxLength: 4 }),
  resumes: fc.boolean(),
  limited: fc.boolean(),
  stopAfterMs: fc.option(seconds(6000), { nil: undefined }),
});
type Drawn = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

const T0 = Date.UTC(2026, 0, 1);

function planOf(drawn: Drawn): TrainingPlan {
  return {
    createdAt: T0,
    startingMs: drawn.startingMs,
    downloadingMs: drawn.downloadingMs,
    trainingMs: drawn.trainingMs,
    uploadingMs: drawn.uploadingMs,
    stoppingMs: drawn.stoppingMs,
    // Limits far away unless the case asks for them, so a life can also run to the end.
    maxRuntimeMs: drawn.limited ? 900 * S : 10 ** 9,
    maxWaitMs: drawn.limited ? 2400 * S : undefined,
    outcome: { status: "Completed" },
    metrics: {},
    spot: { interruptions: drawn.interruptions, resumes: drawn.resumes },
  };
}

/** How long the life spends in each point's state: until the next point. */
function spans(life: readonly Point<TrainingState>[]): { state: TrainingState; ms: number }[] {
  return life.slice(0, -1).map((point, i) => ({ state: point.state, ms: life[i + 1]!.at - point.at }));
}

describe("spot interruptions played by the training timeline (property)", () => {
  it("orders the life, ends it once, and follows every Interrupted with a fresh Starting", () => {
    fc.assert(
      fc.property(planArb, (drawn) => {
        const events = drawn.stopAfterMs === undefined ? {} : { stopRequestedAt: T0 + drawn.stopAfterMs };
        const life = trainingTimeline(planOf(drawn), events);
        for (let i = 1; i < life.length; i++) expect(life[i]!.at).toBeGreaterThanOrEqual(life[i - 1]!.at);
        const terminal = life.filter((p) => ["Completed", "Failed", "Stopped"].includes(p.state.status));
        expect(terminal).toHaveLength(1);
        expect(life.at(-1)).toBe(terminal[0]);
        const interrupted = life.flatMap((p, i) => (p.state.secondary === "Interrupted" ? [i] : []));
        expect(interrupted.length).toBeLessThanOrEqual(drawn.interruptions.length);
        for (const i of interrupted) {
          expect(life[i - 1]!.state.secondary).toBe("Training");
          const next = life[i + 1]!.state;
          expect(next.secondary === "Starting" || next.status !== "InProgress").toBe(true);
        }
      }),
    );
  });

  it("a completed life trains exactly trainingMs with a checkpoint, and again from zero after each interruption without one", () => {
    fc.assert(
      fc.property(planArb, (drawn) => {
        const life = trainingTimeline(planOf({ ...drawn, limited: false }), {});
        expect(life.at(-1)!.state.status).toBe("Completed");
        const trained = spans(life)
          .filter((span) => span.state.secondary === "Training")
          .reduce((sum, span) => sum + span.ms, 0);
        // The interruptions that happened are the first k, each within its attempt's training.
        const happened = drawn.interruptions.slice(0, life.filter((p) => p.state.secondary === "Interrupted").length);
        const lost = drawn.resumes ? 0 : happened.reduce((sum, cut) => sum + cut.afterMs, 0);
        expect(trained).toBe(drawn.trainingMs + lost);
      }),
    );
  });

  it("bills at least 1 s and never more than the training time, the waits left out, capped by MaxRuntimeInSeconds", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 20_000 }), (drawn, readAt) => {
        const plan = planOf(drawn);
        const timeline = trainingTimeline(plan, {});
        const request = trainingJobRequest({ EnableManagedSpotTraining: true });
        const record = {
          name: "spot",
          arn: "arn:aws:sagemaker:us-east-1:123456789012:training-job/spot",
          request,
          plan,
          events: {},
          timeline,
          tags: [],
        };
        const described = describeTrainingJob(record as unknown as TrainingJobRecord, T0 + readAt * S);
        if (described.TrainingTimeInSeconds === undefined) {
          expect(described.BillableTimeInSeconds).toBeUndefined();
          return;
        }
        expect(described.BillableTimeInSeconds).toBeGreaterThanOrEqual(1);
        expect(described.BillableTimeInSeconds).toBeLessThanOrEqual(described.TrainingTimeInSeconds);
        expect(described.BillableTimeInSeconds).toBeLessThanOrEqual(plan.maxRuntimeMs / S);
        const waited = spans(timeline).some((span) => span.state.secondary === "Interrupted" && span.ms > 0);
        if (waited && described.TrainingTimeInSeconds > 1)
          expect(described.BillableTimeInSeconds).toBeLessThan(described.TrainingTimeInSeconds);
      }),
    );
  });
});
