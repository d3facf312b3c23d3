import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emulatorHarness } from "../../test/fixtures.js";
import { definePipeline } from "./define-pipeline.js";
import { PipelineFailedError } from "./pipeline-failed-error.js";
import type { PipelineRun } from "./pipeline-run.js";
import { runPipeline } from "./run-pipeline.js";
import { step } from "./step.js";

/** A random DAG: node i depends on some nodes before it; each node's outcome and duration; the order steps are listed in. */
const dags = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.record({
    deps: fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
    fails: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    seconds: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    order: fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: n, maxLength: n },
    ),
    concurrency: fc.integer({ min: 1, max: 4 }),
  }),
);

describe("the pipeline scheduler", () => {
  // One client for every run: the steps never call it, they only sleep on their run's own clock.
  const { client } = emulatorHarness();

  it("property: every step runs after its dependencies succeeded, at most `concurrency` at once, and exactly the transitive dependents of failed steps are skipped", async () => {
    await fc.assert(
      fc.asyncProperty(dags, async ({ deps, fails, seconds, order, concurrency }) => {
        const clock = new VirtualClock();
        const succeeded = new Set<string>();
        const started: string[] = [];
        const violations: string[] = [];
        let running = 0;
        let most = 0;
        const id = (i: number): string => `s${i}`;
        const steps = order.map((i) =>
          step({
            id: id(i),
            dependsOn: deps[i]!.map(id),
            run: async () => {
              started.push(id(i));
              most = Math.max(most, ++running);
              for (const d of deps[i]!) if (!succeeded.has(id(d))) violations.push(`${id(i)} started before ${id(d)} succeeded`);
              await clock.sleep(seconds[i]! * 1000);
              running--;
              if (fails[i]) throw new Error(`${id(i)} failed`);
              succeeded.add(id(i));
              return i;
            },
          }),
        );
        const run = await runPipeline(definePipeline({ name: "prop", steps }), { client, clock, runId: "r", concurrency }).catch(
          (err: unknown) => {
            if (err instanceof PipelineFailedError) return err.run as PipelineRun;
            throw err;
          },
        );

        expect(violations).toEqual([]);
        expect(most).toBeLessThanOrEqual(concurrency);
        expect(new Set(started).size).toBe(started.length); // each step ran at most once
        // Expected: the steps reachable from a step that ran and failed, through dependents.
        const failed = new Set(Object.entries(run.steps).flatMap(([s, r]) => (r?.state === "failed" ? [s] : [])));
        const dependents = (s: string): string[] => deps.flatMap((ds, i) => (ds.map(id).includes(s) ? [id(i)] : []));
        const expectedSkipped = new Set<string>();
        const queue = [...failed].flatMap(dependents);
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
          if (!expectedSkipped.has(s)) queue.push(...dependents(s));
          expectedSkipped.add(s);
        }
        for (let i = 0; i < deps.length; i++) {
          const report = run.steps[id(i)];
          if (expectedSkipped.has(id(i))) expect(report).toMatchObject({ state: "skipped", because: expect.any(String) });
          else expect(report).toMatchObject(fails[i] ? { state: "failed" } : { state: "succeeded", result: i });
          expect(started.includes(id(i))).toBe(!expectedSkipped.has(id(i)));
        }
        expect(run.outcome).toBe(failed.size > 0 ? "failed" : "succeeded");
      }),
      { numRuns: 150 },
    );
  });

  it("property: after a cancel no step starts, the running ones are aborted, and every step not finished by then is cancelled", async () => {
    await fc.assert(
      fc.asyncProperty(dags, fc.integer({ min: 0, max: 12 }), async ({ deps, seconds, order, concurrency }, abortAfter) => {
        const clock = new VirtualClock();
        const controller = new AbortController();
        const id = (i: number): string => `s${i}`;
        const finished = new Set<string>();
        let abortedAt: number | undefined;
        const startedAfterAbort: string[] = [];
        const steps = order.map((i) =>
          step({
            id: id(i),
            dependsOn: deps[i]!.map(id),
            run: async (ctx) => {
              if (abortedAt !== undefined) startedAfterAbort.push(id(i));
              await clock.sleep(seconds[i]! * 1000 + 500, ctx.signal);
              finished.add(id(i));
            },
          }),
        );
        void clock.sleep(abortAfter * 1000).then(() => {
          abortedAt = clock.now();
          controller.abort(new Error("cancel"));
        });
        const outcome = await runPipeline(definePipeline({ name: "prop", steps }), {
          client,
          clock,
          runId: "r",
          concurrency,
          signal: controller.signal,
        }).then(
          (run) => run,
          (err: unknown) => {
            if (err instanceof PipelineFailedError) return err.run as PipelineRun;
            throw err;
          },
        );
        expect(startedAfterAbort).toEqual([]);
        for (const s of steps) {
          expect(outcome.steps[s.id]?.state).toBe(finished.has(s.id) ? "succeeded" : "cancelled");
        }
        expect(outcome.outcome).toBe(finished.size === steps.length ? "succeeded" : "cancelled");
      }),
      { numRuns: 100 },
    );
  });
});
