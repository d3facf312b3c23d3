import type { PipelineExecutionStepMetadata } from "@aws-sdk/client-sagemaker";
import type { Store } from "../../store/store.js";
import type { StoredRecord } from "../../store/kind-table.js";
import { createKits, type AnyKind, type Kit } from "../kind.js";
import { modelKind } from "../model/kind.js";
import type { OperationName, Operations } from "../operation.js";
import { processingJobKind } from "../processing-job/kind.js";
import { trainingJobKind } from "../training-job/kind.js";
import { transformJobKind } from "../transform-job/kind.js";
import { tuningJobKind } from "../tuning-job/kind.js";

/**
 * The steps that create a job (SDK workflow/steps.py StepTypeEnum; [DOC] their Arguments are the
 * Create* request without its name, and their properties the Describe* output): which kind, which
 * operations, and under which key ListPipelineExecutionSteps' Metadata names it ([MODEL]
 * PipelineExecutionStepMetadata).
 */
export interface JobStepKind {
  readonly kind: AnyKind;
  readonly create: OperationName;
  readonly stop?: OperationName | undefined;
  readonly nameField: string;
  readonly arnField: string;
  /** [MODEL] the kind's name length limit. */
  readonly maxName: number;
  readonly metadataKey: keyof PipelineExecutionStepMetadata;
}

export const JOB_STEP_KINDS: Readonly<Record<string, JobStepKind>> = {
  Training: {
    kind: trainingJobKind,
    create: "CreateTrainingJob",
    stop: "StopTrainingJob",
    nameField: "TrainingJobName",
    arnField: "TrainingJobArn",
    maxName: 63,
    metadataKey: "TrainingJob",
  },
  Processing: {
    kind: processingJobKind,
    create: "CreateProcessingJob",
    stop: "StopProcessingJob",
    nameField: "ProcessingJobName",
    arnField: "ProcessingJobArn",
    maxName: 63,
    metadataKey: "ProcessingJob",
  },
  Transform: {
    kind: transformJobKind,
    create: "CreateTransformJob",
    stop: "StopTransformJob",
    nameField: "TransformJobName",
    arnField: "TransformJobArn",
    maxName: 63,
    metadataKey: "TransformJob",
  },
  Tuning: {
    kind: tuningJobKind,
    create: "CreateHyperParameterTuningJob",
    stop: "StopHyperParameterTuningJob",
    nameField: "HyperParameterTuningJobName",
    arnField: "HyperParameterTuningJobArn",
    maxName: 32,
    metadataKey: "TuningJob",
  },
  // [DOC] the SDK's CreateModel step (ModelStep) appears in a definition with Type "Model".
  Model: { kind: modelKind, create: "CreateModel", nameField: "ModelName", arnField: "ModelArn", maxName: 63, metadataKey: "Model" },
};

/** The job kinds' own kits and operations, so a step creates and stops its job exactly as a direct call does. */
export interface JobKits {
  kitOf(kind: AnyKind): Kit<StoredRecord>;
  operationsOf(kind: AnyKind): Operations;
}

const cache = new WeakMap<object, JobKits>();

/**
 * Kits for the job kinds over the same tables the execution's kit reads (Kit.read hands out the
 * store's own table), so the job kinds' Create/Stop handlers run unchanged, with their own
 * validation, naming rules and scheduling: nothing of theirs is copied here.
 */
export function jobKits(kit: Kit<StoredRecord>): JobKits {
  const cached = cache.get(kit);
  if (cached) return cached;
  const kinds = Object.values(JOB_STEP_KINDS).map((s) => s.kind);
  const tables = {
    table: (kind: AnyKind) => kit.read(kind),
    wake: (arn: string) => kit.wake(arn),
  } as unknown as Store;
  const kits = createKits(kinds, kit.ctx, tables);
  const operations = new Map<AnyKind, Operations>();
  const made: JobKits = {
    kitOf: (kind) => kits.get(kind)!,
    operationsOf(kind) {
      let ops = operations.get(kind);
      if (!ops) {
        ops = kind.operations(kits.get(kind)!);
        operations.set(kind, ops);
      }
      return ops;
    },
  };
  cache.set(kit, made);
  return made;
}
