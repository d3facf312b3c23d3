import type {
  CreateHyperParameterTuningJobCommandInput,
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { applyTestMode } from "./apply-test-mode.js";

const ROLE = "arn:aws:iam::123456789012:role/sagemaker";
const LINEAR_LEARNER = "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1";
const XGBOOST = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
const USER_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1";

const training: CreateTrainingJobCommandInput = {
  TrainingJobName: "churn-train",
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: LINEAR_LEARNER, TrainingInputMode: "File" },
  HyperParameters: { predictor_type: "binary_classifier", epochs: "15", mini_batch_size: "1000" },
  InputDataConfig: [{ ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://bucket/train/" } } }],
  OutputDataConfig: { S3OutputPath: "s3://bucket/out/" },
  ResourceConfig: { InstanceType: "ml.m5.4xlarge", InstanceCount: 3, VolumeSizeInGB: 50 },
  StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
  Tags: [{ Key: "team", Value: "churn" }],
};

describe("applyTestMode on a training job", () => {
  it("caps the runtime, takes one smallest instance of the family and one epoch, and says why for each", () => {
    const { request, changes } = applyTestMode("training", training);

    expect(request).toEqual({
      ...training,
      HyperParameters: { predictor_type: "binary_classifier", epochs: "1", mini_batch_size: "1000" },
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 50 },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(changes).toEqual([
      {
        path: "ResourceConfig.InstanceType",
        from: "ml.m5.4xlarge",
        to: "ml.m5.large",
        why: "the smallest size of its family in test mode",
      },
      { path: "ResourceConfig.InstanceCount", from: 3, to: 1, why: "a single instance in test mode" },
      { path: "StoppingCondition.MaxRuntimeInSeconds", from: 86_400, to: 600, why: "at most 600 s in test mode" },
      { path: "HyperParameters.epochs", from: "15", to: "1", why: "linear learner: one pass over the data (epochs) in test mode" },
    ]);
  });

  it("returns a new request and leaves the one passed in as it was", () => {
    const before = structuredClone(training);

    const { request } = applyTestMode("training", training);

    expect(request).not.toBe(training);
    expect(request.ResourceConfig).not.toBe(training.ResourceConfig);
    expect(training).toEqual(before);
  });

  it("keeps a smaller runtime, and a spot job's runtime within its MaxWaitTimeInSeconds", () => {
    const quick = applyTestMode("training", { ...training, StoppingCondition: { MaxRuntimeInSeconds: 300 } });
    const spot = applyTestMode("training", {
      ...training,
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxWaitTimeInSeconds: 400 },
    });

    expect(quick.request.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 300 });
    expect(quick.changes.map((change) => change.path)).not.toContain("StoppingCondition.MaxRuntimeInSeconds");
    expect(spot.request.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 400, MaxWaitTimeInSeconds: 400 });
    expect(spot.changes).toContainEqual({
      path: "StoppingCondition.MaxRuntimeInSeconds",
      from: undefined,
      to: 400,
      why: "kept at most MaxWaitTimeInSeconds (400 s)",
    });
  });

  it("caps XGBoost's num_round and k-NN's sample_size (never below k), only when set", () => {
    const xgboost = applyTestMode("training", {
      ...training,
      AlgorithmSpecification: { TrainingImage: XGBOOST, TrainingInputMode: "File" },
      HyperParameters: { num_round: "500", max_depth: "6" },
    });
    const knn = applyTestMode("training", {
      ...training,
      AlgorithmSpecification: { TrainingImage: "404615174143.dkr.ecr.us-east-2.amazonaws.com/knn:1", TrainingInputMode: "File" },
      HyperParameters: { k: "1500", sample_size: "200000", feature_dim: "4", predictor_type: "classifier" },
    });
    const noEpochs = applyTestMode("training", { ...training, HyperParameters: { predictor_type: "regressor" } });

    expect(xgboost.request.HyperParameters).toEqual({ num_round: "10", max_depth: "6" });
    expect(knn.request.HyperParameters).toEqual({ k: "1500", sample_size: "1500", feature_dim: "4", predictor_type: "classifier" });
    expect(noEpochs.request.HyperParameters).toEqual({ predictor_type: "regressor" });
  });

  it("leaves a user image's hyperparameters and an XGBoost script's alone, unless the profile names them", () => {
    const user = applyTestMode("training", {
      ...training,
      AlgorithmSpecification: { TrainingImage: USER_IMAGE, TrainingInputMode: "File" },
      HyperParameters: { epochs: "40" },
    });
    const script = applyTestMode("training", {
      ...training,
      AlgorithmSpecification: { TrainingImage: XGBOOST, TrainingInputMode: "File" },
      HyperParameters: { num_round: "500", sagemaker_program: "train.py" },
    });
    const flagged = applyTestMode(
      "training",
      { ...training, AlgorithmSpecification: { TrainingImage: USER_IMAGE, TrainingInputMode: "File" }, HyperParameters: undefined },
      { hyperParameters: { epochs: "1", test_mode: "true" } },
    );

    expect(user.request.HyperParameters).toEqual({ epochs: "40" });
    expect(script.request.HyperParameters).toEqual({ num_round: "500", sagemaker_program: "train.py" });
    expect(flagged.request.HyperParameters).toEqual({ epochs: "1", test_mode: "true" });
    expect(flagged.changes.filter((change) => change.path.startsWith("HyperParameters"))).toEqual([
      { path: "HyperParameters.epochs", from: undefined, to: "1", why: "set by the test mode profile" },
      { path: "HyperParameters.test_mode", from: undefined, to: "true", why: "set by the test mode profile" },
    ]);
  });

  it("lets the profile's hyperparameters win over a built-in cap, with one change per name", () => {
    const { request, changes } = applyTestMode("training", training, { hyperParameters: { epochs: "2" } });

    expect(request.HyperParameters?.epochs).toBe("2");
    expect(changes.filter((change) => change.path === "HyperParameters.epochs")).toEqual([
      { path: "HyperParameters.epochs", from: "15", to: "2", why: "set by the test mode profile" },
    ]);
  });

  it("puts every job on the profile's instance type and under its runtime", () => {
    const { request } = applyTestMode("training", training, { instanceType: "ml.c5.xlarge", maxRuntimeInSeconds: 120 });

    expect(request.ResourceConfig).toEqual({ InstanceType: "ml.c5.xlarge", InstanceCount: 1, VolumeSizeInGB: 50 });
    expect(request.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 120 });
  });

  it("refuses a profile it cannot apply, saying which option and how to fix it", () => {
    expect(() => applyTestMode("training", training, { maxRuntimeInSeconds: 0 })).toThrow(
      new RangeError(
        "Test mode profile option maxRuntimeInSeconds [0] must be a whole number of at least 1. Please pass one, or leave it out.",
      ),
    );
    expect(() => applyTestMode("training", training, { instanceType: "m5.large" })).toThrow(
      /instanceType \[m5\.large\] must be a SageMaker instance type/,
    );
    expect(() => applyTestMode("training", training, { hyperParameters: { epochs: 1 as unknown as string } })).toThrow(
      /hyperparameter epochs \[1\] must be a string/,
    );
  });
});

describe("applyTestMode on a processing job", () => {
  const processing: CreateProcessingJobCommandInput = {
    ProcessingJobName: "churn-prep",
    RoleArn: ROLE,
    AppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-prep:1" },
    ProcessingResources: { ClusterConfig: { InstanceType: "ml.c5.9xlarge", InstanceCount: 4, VolumeSizeInGB: 30 } },
    Environment: { EPOCHS: "30" },
  };

  it("shrinks the cluster and adds a runtime cap the request did not have", () => {
    const { request, changes } = applyTestMode("processing", processing);

    expect(request).toEqual({
      ...processing,
      ProcessingResources: { ClusterConfig: { InstanceType: "ml.c5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 } },
      StoppingCondition: { MaxRuntimeInSeconds: 600 },
    });
    expect(changes.map(({ path, from, to }) => [path, from, to])).toEqual([
      ["ProcessingResources.ClusterConfig.InstanceType", "ml.c5.9xlarge", "ml.c5.xlarge"],
      ["ProcessingResources.ClusterConfig.InstanceCount", 4, 1],
      ["StoppingCondition.MaxRuntimeInSeconds", undefined, 600],
    ]);
  });
});

describe("applyTestMode on a transform job", () => {
  const transform: CreateTransformJobCommandInput = {
    TransformJobName: "churn-score",
    ModelName: "churn",
    TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://bucket/batch/" } } },
    TransformOutput: { S3OutputPath: "s3://bucket/scores/" },
    TransformResources: { InstanceType: "ml.g5.12xlarge", InstanceCount: 2 },
    MaxConcurrentTransforms: 8,
  };

  it("takes one instance of the smallest size and nothing else", () => {
    const { request, changes } = applyTestMode("transform", transform);

    expect(request).toEqual({ ...transform, TransformResources: { InstanceType: "ml.g5.xlarge", InstanceCount: 1 } });
    expect(changes.map(({ path, from, to }) => [path, from, to])).toEqual([
      ["TransformResources.InstanceType", "ml.g5.12xlarge", "ml.g5.xlarge"],
      ["TransformResources.InstanceCount", 2, 1],
    ]);
  });
});

describe("applyTestMode on a hyperparameter tuning job", () => {
  const definition = {
    AlgorithmSpecification: { TrainingImage: XGBOOST, TrainingInputMode: "File" },
    RoleArn: ROLE,
    StaticHyperParameters: { num_round: "300", objective: "binary:logistic" },
    OutputDataConfig: { S3OutputPath: "s3://bucket/tuning/" },
    ResourceConfig: { InstanceType: "ml.p3.16xlarge", InstanceCount: 2, VolumeSizeInGB: 50 },
    StoppingCondition: { MaxRuntimeInSeconds: 7200 },
  } as const;
  const tuning: CreateHyperParameterTuningJobCommandInput = {
    HyperParameterTuningJobName: "churn-tune",
    HyperParameterTuningJobConfig: {
      Strategy: "Bayesian",
      ResourceLimits: { MaxNumberOfTrainingJobs: 50, MaxParallelTrainingJobs: 5, MaxRuntimeInSeconds: 36_000 },
      ParameterRanges: { IntegerParameterRanges: [{ Name: "max_depth", MinValue: "3", MaxValue: "9" }] },
    },
    TrainingJobDefinition: definition,
  };

  it("cuts the limits to 2 jobs one at a time and shrinks the training job definition", () => {
    const { request, changes } = applyTestMode("tuning", tuning);

    expect(request).toEqual({
      ...tuning,
      HyperParameterTuningJobConfig: {
        ...tuning.HyperParameterTuningJobConfig,
        ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1, MaxRuntimeInSeconds: 1200 },
      },
      TrainingJobDefinition: {
        ...definition,
        StaticHyperParameters: { num_round: "10", objective: "binary:logistic" },
        ResourceConfig: { InstanceType: "ml.p3.2xlarge", InstanceCount: 1, VolumeSizeInGB: 50 },
        StoppingCondition: { MaxRuntimeInSeconds: 600 },
      },
    });
    expect(changes.map(({ path, from, to }) => [path, from, to])).toEqual([
      ["HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs", 50, 2],
      ["HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs", 5, 1],
      ["HyperParameterTuningJobConfig.ResourceLimits.MaxRuntimeInSeconds", 36_000, 1200],
      ["TrainingJobDefinition.ResourceConfig.InstanceType", "ml.p3.16xlarge", "ml.p3.2xlarge"],
      ["TrainingJobDefinition.ResourceConfig.InstanceCount", 2, 1],
      ["TrainingJobDefinition.StoppingCondition.MaxRuntimeInSeconds", 7200, 600],
      ["TrainingJobDefinition.StaticHyperParameters.num_round", "300", "10"],
    ]);
  });

  it("shrinks each of several definitions and leaves tuned hyperparameters to their ranges", () => {
    const multi: CreateHyperParameterTuningJobCommandInput = {
      HyperParameterTuningJobName: "churn-tune-multi",
      HyperParameterTuningJobConfig: { Strategy: "Random", ResourceLimits: { MaxParallelTrainingJobs: 3 } },
      TrainingJobDefinitions: [
        {
          ...definition,
          DefinitionName: "xgb",
          HyperParameterRanges: { IntegerParameterRanges: [{ Name: "num_round", MinValue: "50", MaxValue: "500" }] },
          StaticHyperParameters: { objective: "binary:logistic" },
        },
        {
          ...definition,
          DefinitionName: "user",
          AlgorithmSpecification: { TrainingImage: USER_IMAGE, TrainingInputMode: "File" },
          ResourceConfig: undefined,
          HyperParameterTuningResourceConfig: { InstanceType: "ml.g5.12xlarge", InstanceCount: 2, VolumeSizeInGB: 50 },
          StaticHyperParameters: { epochs: "30" },
        },
      ],
    };

    const { request } = applyTestMode("tuning", multi, { hyperParameters: { num_round: "5", test_mode: "true" } });

    expect(request.HyperParameterTuningJobConfig?.ResourceLimits).toEqual({ MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1 });
    const [xgb, user] = request.TrainingJobDefinitions ?? [];
    expect(xgb?.StaticHyperParameters).toEqual({ objective: "binary:logistic", test_mode: "true" });
    expect(xgb?.HyperParameterRanges).toEqual(multi.TrainingJobDefinitions?.[0]?.HyperParameterRanges);
    expect(user?.StaticHyperParameters).toEqual({ epochs: "30", num_round: "5", test_mode: "true" });
    expect(user?.HyperParameterTuningResourceConfig).toEqual({ InstanceType: "ml.g5.xlarge", InstanceCount: 1, VolumeSizeInGB: 50 });
    expect(user?.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 600 });
  });
});
