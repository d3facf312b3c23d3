/** The requests the benches send: one training job shape and one tuning job shape, valid for SageMaker and moto. */

export const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1";

export const trainingJob = (name: string) => ({
  TrainingJobName: name,
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: "File" as const },
  OutputDataConfig: { S3OutputPath: "s3://bucket/output/" },
  ResourceConfig: { InstanceType: "ml.m5.xlarge" as const, InstanceCount: 1, VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
});

/** A random-search tuning job launching `children` training jobs at once. */
export const tuningJob = (name: string, children: number) => ({
  HyperParameterTuningJobName: name,
  HyperParameterTuningJobConfig: {
    Strategy: "Random",
    ResourceLimits: { MaxNumberOfTrainingJobs: children, MaxParallelTrainingJobs: children },
    HyperParameterTuningJobObjective: { Type: "Maximize", MetricName: "validation:auc" },
    ParameterRanges: { ContinuousParameterRanges: [{ Name: "eta", MinValue: "0.1", MaxValue: "0.5" }] },
  },
  TrainingJobDefinition: {
    AlgorithmSpecification: {
      TrainingImage: IMAGE,
      TrainingInputMode: "File",
      MetricDefinitions: [{ Name: "validation:auc", Regex: "auc=(.*)" }],
    },
    RoleArn: ROLE,
    OutputDataConfig: { S3OutputPath: "s3://bucket/output/" },
    ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  },
});
