// Type tests: checked by `tsc` (the typecheck script covers src/**/*.test.ts); the bodies never run.
import { describe, expectTypeOf, it } from "vitest";
import type { RunJobResult } from "../run-job.js";
import { runTrainingJob, type TrainingJobDescription } from "../run-training-job.js";
import { definePipeline } from "./define-pipeline.js";
import type { PipelineRun, StepReport } from "./pipeline-run.js";
import type { runPipeline } from "./run-pipeline.js";
import { step, type StepResult } from "./step.js";

const config = {} as Parameters<typeof runTrainingJob>[0];

const train = step({
  id: "train",
  run: (ctx) => runTrainingJob({ ...config, TrainingJobName: ctx.jobName() }, { ...ctx.jobOptions }),
});
const count = step({ id: "count", run: () => 42 });
const nothing = step({ id: "nothing", run: async () => {} });

describe("step types", () => {
  it("infers each step's result type from its run", () => {
    expectTypeOf(train.id).toEqualTypeOf<"train">();
    expectTypeOf<StepResult<typeof train>>().toEqualTypeOf<RunJobResult<TrainingJobDescription>>();
    expectTypeOf<StepResult<typeof count>>().toEqualTypeOf<number>();
    expectTypeOf<StepResult<typeof nothing>>().toEqualTypeOf<void>();
  });

  it("types ctx.results and ctx.result() from dependsOn", () => {
    step({
      id: "report",
      dependsOn: [train, count, "declaredLater"],
      run: (ctx) => {
        expectTypeOf(ctx.results.train).toEqualTypeOf<RunJobResult<TrainingJobDescription>>();
        expectTypeOf(ctx.results.train.description.TrainingJobStatus).toEqualTypeOf<
          "Completed" | "Failed" | "InProgress" | "Stopped" | "Stopping" | "Deleting" | undefined
        >();
        expectTypeOf(ctx.results.count).toEqualTypeOf<number>();
        expectTypeOf(ctx.results.declaredLater).toEqualTypeOf<unknown>();
        expectTypeOf(ctx.result(train)).toEqualTypeOf<RunJobResult<TrainingJobDescription>>();
        expectTypeOf(ctx.result(count)).toEqualTypeOf<number>();
        expectTypeOf(ctx.result("count")).toEqualTypeOf<number>();
        expectTypeOf(ctx.result("declaredLater")).toEqualTypeOf<unknown>();
        // @ts-expect-error: `nothing` is not a dependency of this step
        void ctx.results.nothing;
        // @ts-expect-error: `nothing` is not a dependency of this step
        ctx.result(nothing);
        // @ts-expect-error: neither is an id outside dependsOn
        ctx.result("other");
      },
    });
  });

  it("gives a step without dependsOn no results", () => {
    step({
      id: "alone",
      run: (ctx) => {
        expectTypeOf<keyof typeof ctx.results>().toEqualTypeOf<never>();
      },
    });
  });

  it("types the run report's steps by id", () => {
    const pipeline = definePipeline({ name: "p", steps: [train, count] });
    type Run = PipelineRun<typeof pipeline.steps>;
    expectTypeOf<Run["steps"]["count"]>().toEqualTypeOf<StepReport<number>>();
    expectTypeOf<Run["steps"]["train"]>().toEqualTypeOf<StepReport<RunJobResult<TrainingJobDescription>>>();
  });

  it("types what runPipeline resolves with: every step succeeded, its result there without narrowing", () => {
    const pipeline = definePipeline({ name: "p", steps: [train, count] });
    type Resolved = Awaited<ReturnType<typeof runPipeline<typeof pipeline.steps>>>;
    expectTypeOf<Resolved["steps"]["count"]["result"]>().toEqualTypeOf<number>();
    expectTypeOf<Resolved["steps"]["train"]["result"]["jobName"]>().toEqualTypeOf<string>();
    expectTypeOf<Resolved["outcome"]>().toEqualTypeOf<"succeeded">();
  });

  it("lets every operator option set take ctx.jobOptions", () => {
    step({
      id: "options",
      run: (ctx) => {
        expectTypeOf(ctx.jobOptions).toExtend<Parameters<typeof runTrainingJob>[1]>();
      },
    });
  });
});
