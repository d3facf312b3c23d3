import type { CreateTrainingJobRequest, DescribeTrainingJobResponse } from "@aws-sdk/client-sagemaker";

/** The members CreateTrainingJobRequest and DescribeTrainingJobResponse share. */
type Shared = keyof CreateTrainingJobRequest & keyof DescribeTrainingJobResponse;

/**
 * Every shared member, so DescribeTrainingJob echoes what the request set ([MODEL] the response
 * documents each as the request's value). A `Record` over the shared keys: when an SDK update
 * adds a member to both shapes, this stops compiling until it is listed here.
 */
const SHARED: Readonly<Record<Shared, true>> = {
  AlgorithmSpecification: true,
  CheckpointConfig: true,
  DebugHookConfig: true,
  DebugRuleConfigurations: true,
  EnableInterContainerTrafficEncryption: true,
  EnableManagedSpotTraining: true,
  EnableNetworkIsolation: true,
  Environment: true,
  ExperimentConfig: true,
  HyperParameters: true,
  InfraCheckConfig: true,
  InputDataConfig: true,
  MlflowConfig: true,
  ModelPackageConfig: true,
  OutputDataConfig: true,
  ProfilerConfig: true,
  ProfilerRuleConfigurations: true,
  RemoteDebugConfig: true,
  ResourceConfig: true,
  RetryStrategy: true,
  RoleArn: true,
  ServerlessJobConfig: true,
  StoppingCondition: true,
  TensorBoardOutputConfig: true,
  TrainingJobName: true,
  VpcConfig: true,
};

/** The request's members that DescribeTrainingJob shows as sent (absent ones stay absent). */
export function echoedRequest(request: CreateTrainingJobRequest): Partial<Pick<DescribeTrainingJobResponse, Shared>> {
  const echoed: Record<string, unknown> = {};
  for (const key of Object.keys(SHARED) as Shared[]) {
    if (request[key] !== undefined) echoed[key] = request[key];
  }
  return echoed as Partial<Pick<DescribeTrainingJobResponse, Shared>>;
}
