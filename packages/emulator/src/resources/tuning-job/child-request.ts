import type {
  CreateTrainingJobRequest,
  HyperParameterTrainingJobDefinition,
  HyperParameterTuningResourceConfig,
  ResourceConfig,
} from "@aws-sdk/client-sagemaker";

/** [OBS] a child's DescribeTrainingJob carries the objective under this hyperparameter (docs/fidelity.md §5.4). */
const OBJECTIVE_HYPERPARAMETER = "_tuning_objective_metric";

/**
 * The CreateTrainingJob request a tuning job makes for one child: the definition's settings, its
 * StaticHyperParameters plus the tuned values plus `_tuning_objective_metric` (docs/fidelity.md §5.4, from a
 * child's describe output: `xgboost-190407-1532-005-0e830ada`).
 */
export function childTrainingRequest(
  name: string,
  definition: HyperParameterTrainingJobDefinition,
  tuned: Readonly<Record<string, string>>,
  objectiveMetric: string,
): CreateTrainingJobRequest {
  const spec = definition.AlgorithmSpecification;
  return {
    TrainingJobName: name,
    HyperParameters: { ...definition.StaticHyperParameters, ...tuned, [OBJECTIVE_HYPERPARAMETER]: objectiveMetric },
    AlgorithmSpecification: spec && {
      TrainingInputMode: spec.TrainingInputMode,
      ...(spec.TrainingImage !== undefined ? { TrainingImage: spec.TrainingImage } : {}),
      ...(spec.AlgorithmName !== undefined ? { AlgorithmName: spec.AlgorithmName } : {}),
      ...(spec.MetricDefinitions !== undefined ? { MetricDefinitions: spec.MetricDefinitions } : {}),
    },
    RoleArn: definition.RoleArn,
    InputDataConfig: definition.InputDataConfig,
    VpcConfig: definition.VpcConfig,
    OutputDataConfig: definition.OutputDataConfig,
    ResourceConfig: definition.ResourceConfig ?? resourcesOf(definition.HyperParameterTuningResourceConfig),
    StoppingCondition: definition.StoppingCondition,
    EnableNetworkIsolation: definition.EnableNetworkIsolation,
    EnableInterContainerTrafficEncryption: definition.EnableInterContainerTrafficEncryption,
    EnableManagedSpotTraining: definition.EnableManagedSpotTraining,
    CheckpointConfig: definition.CheckpointConfig,
    RetryStrategy: definition.RetryStrategy,
    Environment: definition.Environment,
  };
}

/**
 * HyperParameterTuningResourceConfig (instance-type flexibility) as the child's ResourceConfig.
 * [INF] with InstanceConfigs, the first one (AllocationStrategy "Prioritized" tries them in order).
 */
function resourcesOf(config: HyperParameterTuningResourceConfig | undefined): ResourceConfig | undefined {
  if (!config) return undefined;
  const first = config.InstanceConfigs?.[0];
  return {
    InstanceType: first?.InstanceType ?? config.InstanceType,
    InstanceCount: first?.InstanceCount ?? config.InstanceCount,
    VolumeSizeInGB: first?.VolumeSizeInGB ?? config.VolumeSizeInGB,
    ...(config.VolumeKmsKeyId !== undefined ? { VolumeKmsKeyId: config.VolumeKmsKeyId } : {}),
  };
}
