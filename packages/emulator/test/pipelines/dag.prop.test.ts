import {
  CreatePipelineCommand,
  type PipelineExecutionStep,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EmulatorRule } from "../../src/index.js";
import { definition, describeExecution, pipelineEmulator, ROLE_ARN, stepsOf, trainingStep } from "./harness.js";

/**
 * A random DAG of training steps (random dependencies on earlier steps, some through DependsOn and
 * some through a Get reference; random job lengths; some jobs failing by rule), an optional
 * MaxParallelExecutionSteps, and a random StopPipelineExecution, observed at random instants. At
 * every observation and at the end, the steps' states must agree with the dependencies, the
 * failures and the stop.
 */
interface Dag {
  readonly deps: readonly (readonly number[])[];
  readonly viaGet: readonly boolean[];
  readonly seconds: readonly number[];
  readonly failing: readonly boolean[];
  readonly maxParallel: number | undefined;
  readonly stopAfter: number | undefined;
  readonly advances: readonly number[];
}

const dagArb: fc.Arbitrary<Dag> = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    deps: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { maxLength: i }).map((d) => (i === 0 ? [] : d)),
      ),
    ),
    viaGet: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    seconds: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: n, maxLength: n }),
    failing: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    maxParallel: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    stopAfter: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    advances: fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 30 }),
  }),
);

const name = (i: number) => `S${i}`;
const TERMINAL = new Set(["Succeeded", "Failed", "Stopped"]);

function dagDefinition(dag: Dag): string {
  return definition(
    dag.deps.map((deps, i) => {
      const step = trainingStep(name(i));
      const get = deps.filter((d) => dag.viaGet[d]);
      const depends = deps.filter((d) => !dag.viaGet[d]);
      const args = step.Arguments as Record<string, unknown>;
      return {
        ...step,
        Arguments: {
          ...args,
          HyperParameters: Object.fromEntries(get.map((d) => [`from_${d}`, { Get: `Steps.${name(d)}.TrainingJobName` }])),
        },
        ...(depends.length > 0 ? { DependsOn: depends.map(name) } : {}),
      };
    }),
  );
}

function rules(dag: Dag): EmulatorRule[] {
  return dag.seconds.map((seconds, i) => ({
    match: { name: new RegExp(`-${name(i)}-`) },
    durations: { startingSeconds: 0, downloadingSeconds: 0, trainingSeconds: seconds, uploadingSeconds: 0, stoppingSeconds: 5 },
    ...(dag.failing[i]
      ? { outcome: { status: "Failed" as const, failureReason: "AlgorithmError: planned", afterSeconds: Math.floor(seconds / 2) } }
      : {}),
  }));
}

/** What must hold of the steps at any instant. */
function checkConsistent(dag: Dag, steps: Record<string, PipelineExecutionStep>, stopped: boolean): void {
  let running = 0;
  for (const [i, deps] of dag.deps.entries()) {
    const step = steps[name(i)];
    if (!step) continue;
    if (step.StepStatus === "Executing" || step.StepStatus === "Stopping" || step.StepStatus === "Starting") running++;
    for (const d of deps) {
      const dep = steps[name(d)];
      // No step starts before everything it waits for has Succeeded.
      expect(dep?.StepStatus, `${name(i)} started before ${name(d)} succeeded`).toBe("Succeeded");
      expect(dep!.EndTime!.getTime()).toBeLessThanOrEqual(step.StartTime!.getTime());
    }
    if (step.StepStatus === "Failed") expect(step.FailureReason).toBe("AlgorithmError: planned");
    if (step.StepStatus === "Stopped" || step.StepStatus === "Stopping") expect(stopped).toBe(true);
  }
  if (dag.maxParallel !== undefined) expect(running).toBeLessThanOrEqual(dag.maxParallel);
}

describe("a random DAG of steps", () => {
  it("always ends in a state consistent with its dependencies, failures and stops", async () => {
    await fc.assert(
      fc.asyncProperty(dagArb, async (dag) => {
        const { clock, client } = pipelineEmulator({ rules: rules(dag) });
        await client.send(new CreatePipelineCommand({ PipelineName: "dag", RoleArn: ROLE_ARN, PipelineDefinition: dagDefinition(dag) }));
        const { PipelineExecutionArn: arn } = await client.send(
          new StartPipelineExecutionCommand({
            PipelineName: "dag",
            ...(dag.maxParallel !== undefined ? { ParallelismConfiguration: { MaxParallelExecutionSteps: dag.maxParallel } } : {}),
          }),
        );
        const start = clock.now();
        let stopAt: number | undefined;
        const seen = new Map<string, string>();
        const observe = async () => {
          const steps = await stepsOf(client, arn!);
          checkConsistent(dag, steps, stopAt !== undefined);
          for (const [stepName, step] of Object.entries(steps)) {
            const before = seen.get(stepName);
            // A step's terminal status never changes.
            if (before !== undefined && TERMINAL.has(before)) expect(step.StepStatus).toBe(before);
            seen.set(stepName, step.StepStatus!);
          }
          return steps;
        };
        for (const seconds of [...dag.advances, ...Array(40).fill(200)]) {
          const { PipelineExecutionStatus: status } = await describeExecution(client, arn!);
          if (status !== "Executing" && status !== "Stopping") break;
          if (
            dag.stopAfter !== undefined &&
            stopAt === undefined &&
            clock.now() - start >= dag.stopAfter * 1000 &&
            status === "Executing"
          ) {
            await client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn }));
            stopAt = clock.now();
          }
          await observe();
          await clock.advance(seconds * 1000);
        }
        const steps = await observe();
        const { PipelineExecutionStatus: status, FailureReason } = await describeExecution(client, arn!);
        const statuses = Object.values(steps).map((s) => s.StepStatus);
        // Nothing runs once the execution has ended.
        expect(statuses.every((s) => TERMINAL.has(s!))).toBe(true);
        const failedOrStopped = statuses.some((s) => s === "Failed" || s === "Stopped");
        if (stopAt !== undefined) expect(status).toBe("Stopped");
        else if (failedOrStopped) {
          expect(status).toBe("Failed");
          expect(FailureReason).toBe("Step failure: One or multiple steps failed.");
        } else {
          // Without a failure or a stop every step ran and succeeded.
          expect(status).toBe("Succeeded");
          expect(Object.keys(steps).length).toBe(dag.deps.length);
        }
        // A failing job's dependents (direct ones: transitively, they never became ready) never start.
        for (const [i, deps] of dag.deps.entries()) {
          if (deps.some((d) => steps[name(d)]?.StepStatus !== "Succeeded")) expect(steps[name(i)]).toBeUndefined();
        }
        // Without a stop, a step that could start did: a failure only keeps steps from starting after it happened.
        if (stopAt === undefined && dag.maxParallel === undefined) {
          for (const [i, deps] of dag.deps.entries()) {
            const step = steps[name(i)];
            if (!step) continue;
            const ready = Math.max(start, ...deps.map((d) => steps[name(d)]!.EndTime!.getTime()));
            expect(step.StartTime!.getTime()).toBe(ready);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
