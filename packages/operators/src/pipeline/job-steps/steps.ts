import type {
  CreateHyperParameterTuningJobCommandInput,
  CreateModelCommandInput,
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import type { ModelDescription } from "../../hosting/models.js";
import type { RunProcessingJobOptions, ProcessingJobDescription } from "../../run-processing-job.js";
import type { RunJobResult } from "../../run-job.js";
import type { RunTrainingJobOptions, TrainingJobDescription } from "../../run-training-job.js";
import type { RunTransformJobOptions, TransformJobDescription } from "../../run-transform-job.js";
import type { RunTuningJobOptions, RunTuningJobResult } from "../../run-tuning-job.js";
import type { Step, StepDependency } from "../step.js";
import type { StepJobOptions } from "../step-context.js";
import { jobStep, type JobStepDefinition } from "./job-step.js";
import { modelStepKind, processingStepKind, trainingStepKind, transformStepKind, tuningStepKind } from "./job-step-kind.js";

/**
 * The operator options a job step may add to `ctx.jobOptions`: the wait's (`checkIntervalSeconds`…),
 * checks and budget. Compiling refuses those SageMaker Pipelines cannot express (`checks`,
 * `budgetUsd`, `model`, `waitForCompletion`, `maxWaitSeconds`, `maxAttempts`).
 */
export type JobStepOptions<O> = Omit<O, keyof StepJobOptions | "onExists">;

/**
 * A training step: CreateTrainingJob's request (without `TrainingJobName`) from the context; its
 * result is `runTrainingJob`'s. Compiles to a SageMaker Pipelines `Training` step.
 *
 * @example
 * ```ts
 * const train = trainingStep({
 *   id: "train",
 *   dependsOn: [upload],
 *   request: (ctx) => ({ ...config, InputDataConfig: [channel("train", `s3://b/${ctx.results.upload.prefix}/train/`)] }),
 * });
 * ```
 */
export function trainingStep<const Id extends string, const Deps extends readonly StepDependency[] = []>(
  definition: JobStepDefinition<Id, Deps, Omit<CreateTrainingJobCommandInput, "TrainingJobName">, JobStepOptions<RunTrainingJobOptions>>,
): Step<Id, RunJobResult<TrainingJobDescription>, Deps> {
  return jobStep(trainingStepKind, definition);
}

/** A processing step (CreateProcessingJob without `ProcessingJobName`); result: `runProcessingJob`'s. Compiles to `Processing`. */
export function processingStep<const Id extends string, const Deps extends readonly StepDependency[] = []>(
  definition: JobStepDefinition<
    Id,
    Deps,
    Omit<CreateProcessingJobCommandInput, "ProcessingJobName">,
    JobStepOptions<RunProcessingJobOptions>
  >,
): Step<Id, RunJobResult<ProcessingJobDescription>, Deps> {
  return jobStep(processingStepKind, definition);
}

/** A batch transform step (CreateTransformJob without `TransformJobName`); result: `runTransformJob`'s. Compiles to `Transform`. */
export function transformStep<const Id extends string, const Deps extends readonly StepDependency[] = []>(
  definition: JobStepDefinition<Id, Deps, Omit<CreateTransformJobCommandInput, "TransformJobName">, JobStepOptions<RunTransformJobOptions>>,
): Step<Id, RunJobResult<TransformJobDescription>, Deps> {
  return jobStep(transformStepKind, definition);
}

/**
 * A tuning step (CreateHyperParameterTuningJob without its name); result: `runTuningJob`'s.
 * Compiles to `Tuning`; `bestTrainingJob.summary` compiles to the `BestTrainingJob` property.
 */
export function tuningStep<const Id extends string, const Deps extends readonly StepDependency[] = []>(
  definition: JobStepDefinition<
    Id,
    Deps,
    Omit<CreateHyperParameterTuningJobCommandInput, "HyperParameterTuningJobName">,
    JobStepOptions<RunTuningJobOptions>
  >,
): Step<Id, RunTuningJobResult, Deps> {
  return jobStep(tuningStepKind, definition);
}

/**
 * A model step (CreateModel without `ModelName`): in-process `createModel` with `onExists: "reuse"`,
 * resolving the DescribeModel output, so `ctx.results.<id>.ModelName` names it. Compiles to `Model`.
 */
export function modelStep<const Id extends string, const Deps extends readonly StepDependency[] = []>(
  definition: JobStepDefinition<Id, Deps, Omit<CreateModelCommandInput, "ModelName">, never>,
): Step<Id, ModelDescription, Deps> {
  return jobStep(modelStepKind, definition);
}
