import type {
  CreateHyperParameterTuningJobCommandInput,
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
  HyperParameterTrainingJobDefinition,
  TrainingInstanceType,
} from "@aws-sdk/client-sagemaker";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTestMode, type TestModeJobKind, type TestModeProfile, type TestModeRequests } from "./apply-test-mode.js";
import { memberPath } from "./member-path.js";

const instanceType = fc.constantFrom(
  "ml.m5.4xlarge",
  "ml.m5.large",
  "ml.p3.16xlarge",
  "ml.c5.9xlarge",
  "ml.c6i.8xlarge",
  "ml.g5.12xlarge",
  "ml.t3.medium",
  "ml.p4d.24xlarge",
) as fc.Arbitrary<TrainingInstanceType>;
const count = fc.integer({ min: 1, max: 20 });
const seconds = fc.integer({ min: 1, max: 500_000 });
const image = fc.constantFrom(
  "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1",
  "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
  "390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/knn:1",
  "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
);
const hyperParameterName = fc.constantFrom("epochs", "num_round", "sample_size", "k", "mini_batch_size", "sagemaker_program", "a.b", "lr");
const hyperParameters = fc.dictionary(
  hyperParameterName,
  fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.constantFrom("auto", "0.1", "train.py")),
);
const stopping = fc.record({ MaxRuntimeInSeconds: seconds, MaxWaitTimeInSeconds: seconds }, { requiredKeys: [] });
const tags = fc.array(fc.record({ Key: fc.string(), Value: fc.string() }), { maxLength: 2 });

const profile: fc.Arbitrary<TestModeProfile> = fc.record(
  {
    maxRuntimeInSeconds: fc.integer({ min: 1, max: 5000 }),
    instanceType: fc.constantFrom("ml.m5.large", "ml.c5.xlarge"),
    maxNumberOfTrainingJobs: fc.integer({ min: 1, max: 10 }),
    maxParallelTrainingJobs: fc.integer({ min: 1, max: 10 }),
    hyperParameters,
  },
  { requiredKeys: [] },
);

const training: fc.Arbitrary<CreateTrainingJobCommandInput> = fc.record(
  {
    TrainingJobName: fc.constant("churn-train"),
    RoleArn: fc.constant("arn:aws:iam::123456789012:role/sagemaker"),
    AlgorithmSpecification: image.map((TrainingImage) => ({ TrainingImage, TrainingInputMode: "File" as const })),
    HyperParameters: hyperParameters,
    OutputDataConfig: fc.constant({ S3OutputPath: "s3://bucket/out/" }),
    ResourceConfig: fc.record({ InstanceType: instanceType, InstanceCount: count, VolumeSizeInGB: count }),
    StoppingCondition: stopping,
    EnableManagedSpotTraining: fc.boolean(),
    Tags: tags,
  },
  { requiredKeys: ["TrainingJobName", "RoleArn", "AlgorithmSpecification", "OutputDataConfig", "ResourceConfig", "StoppingCondition"] },
);

const processing: fc.Arbitrary<CreateProcessingJobCommandInput> = fc.record(
  {
    ProcessingJobName: fc.constant("churn-prep"),
    RoleArn: fc.constant("arn:aws:iam::123456789012:role/sagemaker"),
    AppSpecification: image.map((ImageUri) => ({ ImageUri })),
    ProcessingResources: fc.record({
      ClusterConfig: fc.record({ InstanceType: instanceType, InstanceCount: count, VolumeSizeInGB: count }),
    }),
    StoppingCondition: fc.record({ MaxRuntimeInSeconds: seconds }),
    Environment: hyperParameters,
  },
  { requiredKeys: ["ProcessingJobName", "RoleArn", "AppSpecification", "ProcessingResources"] },
) as fc.Arbitrary<CreateProcessingJobCommandInput>;

const transform: fc.Arbitrary<CreateTransformJobCommandInput> = fc.record(
  {
    TransformJobName: fc.constant("churn-score"),
    ModelName: fc.constant("churn"),
    TransformInput: fc.constant({ DataSource: { S3DataSource: { S3DataType: "S3Prefix" as const, S3Uri: "s3://bucket/in/" } } }),
    TransformOutput: fc.constant({ S3OutputPath: "s3://bucket/scores/" }),
    TransformResources: fc.record({ InstanceType: instanceType, InstanceCount: count }),
    MaxConcurrentTransforms: count,
    Environment: hyperParameters,
  },
  { requiredKeys: ["TransformJobName", "ModelName", "TransformInput", "TransformOutput", "TransformResources"] },
) as fc.Arbitrary<CreateTransformJobCommandInput>;

const ranges = fc.record({
  IntegerParameterRanges: fc.array(
    hyperParameterName.map((Name) => ({ Name, MinValue: "1", MaxValue: "9" })),
    { maxLength: 2 },
  ),
});

const definition: fc.Arbitrary<HyperParameterTrainingJobDefinition> = fc.record(
  {
    DefinitionName: fc.constant("definition"),
    AlgorithmSpecification: image.map((TrainingImage) => ({ TrainingImage, TrainingInputMode: "File" as const })),
    RoleArn: fc.constant("arn:aws:iam::123456789012:role/sagemaker"),
    StaticHyperParameters: hyperParameters,
    HyperParameterRanges: ranges,
    OutputDataConfig: fc.constant({ S3OutputPath: "s3://bucket/tuning/" }),
    ResourceConfig: fc.record({ InstanceType: instanceType, InstanceCount: count, VolumeSizeInGB: count }),
    HyperParameterTuningResourceConfig: fc.record({ InstanceType: instanceType, InstanceCount: count }),
    StoppingCondition: stopping,
  },
  { requiredKeys: ["AlgorithmSpecification", "RoleArn", "OutputDataConfig", "StoppingCondition"] },
) as fc.Arbitrary<HyperParameterTrainingJobDefinition>;

const tuning: fc.Arbitrary<CreateHyperParameterTuningJobCommandInput> = fc.record(
  {
    HyperParameterTuningJobName: fc.constant("churn-tune"),
    HyperParameterTuningJobConfig: fc.record(
      {
        Strategy: fc.constant("Bayesian" as const),
        ResourceLimits: fc.record(
          { MaxNumberOfTrainingJobs: count, MaxParallelTrainingJobs: count, MaxRuntimeInSeconds: seconds },
          { requiredKeys: ["MaxParallelTrainingJobs"] },
        ),
        ParameterRanges: ranges,
      },
      { requiredKeys: ["Strategy", "ResourceLimits"] },
    ),
    TrainingJobDefinition: definition,
    TrainingJobDefinitions: fc.array(definition, { maxLength: 3 }),
    Tags: tags,
  },
  { requiredKeys: ["HyperParameterTuningJobName", "HyperParameterTuningJobConfig"] },
) as fc.Arbitrary<CreateHyperParameterTuningJobCommandInput>;

const DEFINITION = String.raw`^TrainingJobDefinition(?:s\[\d+\])?\.`;

/** The only members test mode may change, per kind. */
const MAY_CHANGE: Readonly<Record<TestModeJobKind, readonly RegExp[]>> = {
  training: [/^ResourceConfig\.Instance(?:Type|Count)$/, /^StoppingCondition\.MaxRuntimeInSeconds$/, /^HyperParameters[.[]/],
  processing: [/^ProcessingResources\.ClusterConfig\.Instance(?:Type|Count)$/, /^StoppingCondition\.MaxRuntimeInSeconds$/],
  transform: [/^TransformResources\.Instance(?:Type|Count)$/],
  tuning: [
    /^HyperParameterTuningJobConfig\.ResourceLimits\.(?:MaxNumberOfTrainingJobs|MaxParallelTrainingJobs|MaxRuntimeInSeconds)$/,
    new RegExp(`${DEFINITION}(?:ResourceConfig|HyperParameterTuningResourceConfig)\\.Instance(?:Type|Count)$`),
    new RegExp(`${DEFINITION}StoppingCondition\\.MaxRuntimeInSeconds$`),
    new RegExp(`${DEFINITION}StaticHyperParameters[.[]`),
  ],
};

/** Limits test mode may only ever lower (or add where there was none). */
const NEVER_RAISED = /(?:MaxRuntimeInSeconds|InstanceCount|MaxNumberOfTrainingJobs|MaxParallelTrainingJobs)$/;

const jobs: fc.Arbitrary<{ [Kind in TestModeJobKind]: { kind: Kind; request: TestModeRequests[Kind] } }[TestModeJobKind]> = fc.oneof(
  training.map((request) => ({ kind: "training" as const, request })),
  processing.map((request) => ({ kind: "processing" as const, request })),
  transform.map((request) => ({ kind: "transform" as const, request })),
  tuning.map((request) => ({ kind: "tuning" as const, request })),
);

describe("applyTestMode", () => {
  it("property: leaves its input alone, changes only its own members, never raises a limit, records every change, and is idempotent", () => {
    fc.assert(
      fc.property(jobs, fc.option(profile, { nil: undefined }), ({ kind, request }, profile) => {
        const before = structuredClone(request);
        deepFreeze(request);

        const once = applyTestMode(kind, request, profile);
        const twice = applyTestMode(kind, once.request, profile);

        expect(request).toEqual(before);
        const diff = changedMembers(before, once.request);
        for (const path of diff.keys())
          expect(
            MAY_CHANGE[kind].some((pattern) => pattern.test(path)),
            path,
          ).toBe(true);
        expect(new Map(once.changes.map(({ path, from, to }) => [path, [from, to]]))).toEqual(diff);
        expect(once.changes.length).toBe(diff.size);
        for (const { path, from, to } of once.changes) {
          if (NEVER_RAISED.test(path) && from !== undefined) expect(to as number, path).toBeLessThanOrEqual(from as number);
        }
        expect(twice.request).toEqual(once.request);
        expect(twice.changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every leaf that differs between `a` and `b`, by path, with its two values; an absent member and `undefined` are the same. */
function changedMembers(a: unknown, b: unknown, path = "", into = new Map<string, [unknown, unknown]>()): Map<string, [unknown, unknown]> {
  if (isContainer(a) || isContainer(b)) {
    const left = (isContainer(a) ? a : {}) as Record<string, unknown>;
    const right = (isContainer(b) ? b : {}) as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) {
      const member = Array.isArray(a) || Array.isArray(b) ? memberPath(path, Number(key)) : memberPath(path, key);
      changedMembers(left[key], right[key], member, into);
    }
  } else if (!Object.is(a, b)) {
    into.set(path, [a, b]);
  }
  return into;
}

function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function deepFreeze(value: unknown): void {
  if (!isContainer(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) deepFreeze(member);
}
