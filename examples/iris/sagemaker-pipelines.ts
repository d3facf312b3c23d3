import { type CheckClients, definePipeline, runChecks, step, trainingJob, transformJob } from "@sagerun/operators";
import { irisChecks, type irisPipeline } from "./iris-pipeline.js";

/**
 * The Iris pipeline with its output checks as a step of their own, for `engine:
 * "sagemaker-pipelines"` in test mode. In-process the operators run {@link irisChecks} on each
 * finished job (runPipeline's `checks`); on SageMaker Pipelines the execution runs the jobs, so the
 * engine refuses that option rather than drop it. The `checks` step runs here after the execution,
 * beside evaluate, on the train and transform jobs' descriptions read back from the jobs the
 * execution created, and runs the same checks with `runChecks`: a failed check fails the step and
 * the run (`PipelineFailedError`), as it does in-process, though only once both jobs have run.
 */
export function withChecksAfterExecution(pipeline: ReturnType<typeof irisPipeline>, clients: CheckClients) {
  const [, , , train, , transform] = pipeline.steps;
  const checks = step({
    id: "checks",
    dependsOn: [train, transform],
    run: async (ctx) => {
      const expected = irisChecks();
      return {
        train: await runChecks(trainingJob, ctx.results.train.description, expected.train, clients),
        transform: await runChecks(transformJob, ctx.results.transform.description, expected.transform, clients),
      };
    },
  });
  return definePipeline({ name: pipeline.name, steps: [...pipeline.steps, checks] });
}
