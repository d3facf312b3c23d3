import type { CreateModelCommandInput, SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import { modelResource, type ModelDescription } from "../../hosting/models.js";
import { processingJob } from "../../job-kinds/processing.js";
import { trainingJob } from "../../job-kinds/training.js";
import { transformJob } from "../../job-kinds/transform.js";
import { tuningJob } from "../../job-kinds/tuning.js";
import type { JobDescription, JobKind } from "../../job-kinds/job-kind.js";
import { toJsonSafe } from "../../json-safe.js";
import { raceAbort } from "../../internal/race-abort.js";
import { createModel } from "../../hosting/models.js";
import { runJob, type RunJobOptions } from "../../run-job.js";
import { runTuningJob } from "../../run-tuning-job.js";
import type { TestModeJobKind } from "../../test-mode/profile/apply-test-mode.js";
import type { StepJobOptions } from "../step-context.js";

/** A SageMaker Pipelines step type a job step compiles to (the definition's `Type`). */
export type JobStepType = "Training" | "Processing" | "Transform" | "Tuning" | "Model";

/** What reading a finished step's resource back needs. */
export interface ReadBackOptions {
  readonly client: SageMakerClient;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
}

/**
 * One kind of declarative step, as data: how it runs in-process (the operator), what it compiles
 * to, and how its result is read back from the resource a SageMaker Pipelines execution created.
 * Built from the job-kind descriptors, so no kind's logic is written twice.
 */
export interface JobStepKind<Input extends object = object, Result = unknown> {
  /** The definition's step `Type`. */
  readonly stepType: JobStepType;
  /** The kind in words, for messages: `"training job"`, `"model"`. */
  readonly label: string;
  /** The Create member that carries the name, left out of the step's `Arguments` (the SDK's `trim_request_dict`). */
  readonly nameField: keyof Input & string;
  /** The key of `ListPipelineExecutionSteps`' `Metadata` holding the resource's `Arn`: `"TrainingJob"`. */
  readonly metadataKey: string;
  /** How the `testMode` option shrinks the request; undefined for a model (nothing to shrink). */
  readonly testModeKind: TestModeJobKind | undefined;
  /** The job kind, for status events while a compiled step runs; undefined for a model. */
  readonly jobKind: JobKind<object, object, string> | undefined;
  /**
   * Where a member of the step's result is in the step's SageMaker Pipelines properties, which are
   * the Describe output: each prefix of a result path, longest first, → the property path it
   * stands for (`description` → the root, `jobName` → the name member). A result member missing
   * here (`created`, `checks`) has no property and is refused at compile time.
   */
  readonly properties: readonly (readonly [readonly string[], readonly string[]])[];
  /** Runs the step in-process: the operator, with the step's job options. */
  run(request: Input, options: StepJobOptions & Record<string, unknown>): Promise<Result>;
  /** The result of the finished resource `name`, as `run` would have returned it: judged, so a failed job throws its error. */
  readBack(name: string, options: ReadBackOptions): Promise<Result>;
}

/** A job kind's step: `runJob` (or the kind's operator) in-process, the same operator reattached to read back. */
function fromJobKind<I extends object, O extends object, S extends string, Result>(
  kind: JobKind<I, O, S>,
  stepType: JobStepType,
  metadataKey: string,
  operator: (config: I, options: RunJobOptions<JobDescription<O>>) => Promise<Result>,
  properties: JobStepKind["properties"] = [],
): JobStepKind<I, Result> {
  return {
    stepType,
    label: kind.label,
    nameField: kind.nameField,
    metadataKey,
    testModeKind: kind.testModeKind,
    jobKind: kind as unknown as JobKind<object, object, string>,
    properties: [...properties, [["description"], []], [["jobName"], [kind.nameField]]],
    run: (request, options) => operator(request, options as unknown as RunJobOptions<JobDescription<O>>),
    // Reattaching creates nothing: it describes the job under the name and judges it, exactly as a
    // resumed in-process run does (onExists "reattach", nothing to wait for once the step settled).
    // The name comes from the step's ARN, which SageMaker lower-cases: the result names the job as Describe does.
    readBack: async (name, { client, clock, signal }) => {
      const result = await operator({ [kind.nameField]: name } as I, {
        client,
        clock,
        onExists: "reattach",
        waitForCompletion: false,
        tagRunId: false,
        ...(signal === undefined ? {} : { signal }),
      });
      const described = (result as { description?: Record<string, unknown> }).description?.[kind.nameField];
      return typeof described === "string" ? { ...result, jobName: described } : result;
    },
  };
}

export const trainingStepKind = fromJobKind(trainingJob, "Training", "TrainingJob", (c, o) => runJob(trainingJob, c, o));
export const processingStepKind = fromJobKind(processingJob, "Processing", "ProcessingJob", (c, o) => runJob(processingJob, c, o));
export const transformStepKind = fromJobKind(transformJob, "Transform", "TransformJob", (c, o) => runJob(transformJob, c, o));
// The tuning job's BestTrainingJob is its Describe member; the best job's own description has no property.
export const tuningStepKind = fromJobKind(tuningJob, "Tuning", "TuningJob", runTuningJob, [
  [["bestTrainingJob", "summary"], ["BestTrainingJob"]],
]);

/** CreateModel: created at once and free, so an in-process run reuses a model of its name (a resumed run's). */
export const modelStepKind: JobStepKind<CreateModelCommandInput, ModelDescription> = {
  stepType: "Model",
  label: "model",
  nameField: "ModelName",
  metadataKey: "Model",
  testModeKind: undefined,
  jobKind: undefined,
  // createModel resolves with the Describe output itself.
  properties: [[[], []]],
  run: (request, { client, clock }) => createModel(request, { client, clock, onExists: "reuse" }),
  readBack: async (name, { client, signal }) => {
    const output: Record<string, unknown> = { ...(await raceAbort(modelResource.describe(client, name), signal)) };
    delete output.$metadata;
    return toJsonSafe(output) as ModelDescription;
  },
};
