import type { Pipeline } from "../define-pipeline.js";
import { jobStepSpec } from "../job-steps/job-step.js";
import type { AnyStep } from "../step.js";

/** Where each step of a compiled pipeline runs. */
export interface StepPhases {
  /** Steps made with `step()` that no job step precedes: run in-process before the execution starts, their results its parameters. */
  readonly before: readonly AnyStep[];
  /** Job steps: the execution's steps. */
  readonly jobs: readonly AnyStep[];
  /** Steps made with `step()` after a job step and before none: run in-process once the execution succeeded. */
  readonly after: readonly AnyStep[];
}

/**
 * Splits a pipeline for SageMaker Pipelines, each list in the pipeline's order. An opaque step
 * (`step()`) with a job step both upstream and downstream would need the execution to call back
 * into this process, which it cannot: a TypeError names it and the job steps around it.
 */
export function stepPhases(pipeline: Pipeline): StepPhases {
  const byId = new Map(pipeline.steps.map((s) => [s.id, s]));
  const dependents = new Map<string, string[]>(pipeline.steps.map((s) => [s.id, []]));
  for (const s of pipeline.steps) for (const d of s.dependsOn) dependents.get(d)!.push(s.id);
  const isJob = (id: string): boolean => jobStepSpec(byId.get(id)!) !== undefined;
  // The job steps reachable from `id` along `next` (dependencies or dependents), `id` itself excluded.
  const reachableJobs = (id: string, next: (id: string) => readonly string[]): string[] => {
    const seen = new Set<string>();
    const queue = [...next(id)];
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
      if (seen.has(at)) continue;
      seen.add(at);
      queue.push(...next(at));
    }
    return pipeline.steps.filter((s) => seen.has(s.id) && isJob(s.id)).map((s) => s.id);
  };
  const before: AnyStep[] = [];
  const jobs: AnyStep[] = [];
  const after: AnyStep[] = [];
  for (const s of pipeline.steps) {
    if (isJob(s.id)) {
      jobs.push(s);
      continue;
    }
    const upstream = reachableJobs(s.id, (id) => byId.get(id)!.dependsOn);
    if (upstream.length === 0) {
      before.push(s);
      continue;
    }
    const downstream = reachableJobs(s.id, (id) => dependents.get(id)!);
    if (downstream.length > 0) {
      throw new TypeError(
        `Failed to compile pipeline '${pipeline.name}': step '${s.id}' runs in-process between job steps ` +
          `(after ${upstream.join(", ")}; before ${downstream.join(", ")}), and a SageMaker Pipelines execution cannot call back into this process. ` +
          "Please make it a job step (trainingStep, processingStep, transformStep, tuningStep, modelStep), or move its work before the first job step or after the last.",
      );
    }
    after.push(s);
  }
  if (jobs.length === 0) {
    throw new TypeError(
      `Failed to compile pipeline '${pipeline.name}': it has no job steps, so a SageMaker Pipelines execution would have nothing to run. ` +
        "Please declare its jobs with trainingStep, processingStep, transformStep, tuningStep or modelStep, or run it in-process.",
    );
  }
  return { before, jobs, after };
}
