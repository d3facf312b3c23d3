import { paginateListTrainingJobs, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { PipelineEvent } from "../src/pipeline/pipeline-events.js";
import { PipelineFailedError } from "../src/pipeline/pipeline-failed-error.js";
import { step, type Step, type StepDependency } from "../src/pipeline/step.js";
import { runTrainingJob, type TrainingJobDescription } from "../src/run-training-job.js";
import type { RunJobResult } from "../src/run-job.js";
import { trainingJobRequest, type Harness } from "./fixtures.js";

/** Training phases of 30 + 30 + 60 + 30 s: a job takes 150 s of virtual time. */
export const fastTraining = { durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 60, uploadingSeconds: 30 } };

/**
 * A step that runs the sample training job under its derived name, with the step's job options
 * (reattach, signal, progress forwarding).
 */
export function trainStep<const Id extends string, const Deps extends readonly StepDependency[] = []>(
  id: Id,
  dependsOn?: Deps,
): Step<Id, RunJobResult<TrainingJobDescription>, Deps> {
  return step({
    id,
    ...(dependsOn === undefined ? {} : { dependsOn }),
    run: (ctx) => runTrainingJob(trainingJobRequest({ TrainingJobName: ctx.jobName() }), { ...ctx.jobOptions, checkIntervalSeconds: 10 }),
  }) as Step<Id, RunJobResult<TrainingJobDescription>, Deps>;
}

/**
 * Another client on the harness's emulator, as a second process would have, whose calls count in
 * `h.calls`. `sever()` cuts it off, the way a process that dies loses its connections: every later
 * call fails before reaching the emulator, Stop requests included.
 */
export function processClient(h: Harness): { readonly client: SageMakerClient; sever(): void } {
  const client = h.emulator.client();
  let severed = false;
  client.middlewareStack.add(
    (next, context) => (args) => {
      h.calls.push(context.commandName ?? "unknown");
      if (severed) throw new Error("connect ECONNREFUSED: the process is gone");
      return next(args);
    },
    { step: "initialize", name: "sagerunTestProcess" },
  );
  return { client, sever: () => (severed = true) };
}

/** The names of the training jobs whose status is InProgress, every page read. */
export async function inProgressTrainingJobs(client: SageMakerClient): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListTrainingJobs({ client }, { StatusEquals: "InProgress" })) {
    for (const job of page.TrainingJobSummaries ?? []) names.push(job.TrainingJobName!);
  }
  return names;
}

/** Collects a run's events; `of(type)` picks one kind, `steps(type)` their step ids in order. */
export function eventLog(): {
  readonly events: PipelineEvent[];
  readonly onEvent: (event: PipelineEvent) => void;
  steps(type: PipelineEvent["type"]): string[];
} {
  const events: PipelineEvent[] = [];
  return {
    events,
    onEvent: (event) => events.push(event),
    steps: (type) => events.flatMap((e) => (e.type === type && "stepId" in e ? [e.stepId] : [])),
  };
}

/** The PipelineFailedError a run rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(run: Promise<unknown>): Promise<PipelineFailedError> {
  try {
    await run;
  } catch (err) {
    if (err instanceof PipelineFailedError) return err;
    throw err;
  }
  throw new Error("Expected the run to reject with PipelineFailedError, but it succeeded.");
}
