import { CreateTrainingJobCommand, DescribeTrainingJobCommand, type CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator, trainingJobRequest } from "./fixtures.js";

/** Optional CreateTrainingJob members that DescribeTrainingJob also has ([MODEL] both shapes). */
const OPTIONAL_SETTINGS: Partial<CreateTrainingJobRequest> = {
  ExperimentConfig: { ExperimentName: "churn", TrialName: "churn-trial", RunName: "run-1" },
  TensorBoardOutputConfig: { S3OutputPath: "s3://bucket/churn/tensorboard/", LocalPath: "/opt/ml/output/tensorboard" },
  ProfilerConfig: { S3OutputPath: "s3://bucket/churn/profiler/", ProfilingIntervalInMilliseconds: 500, DisableProfiler: false },
  ProfilerRuleConfigurations: [
    {
      RuleConfigurationName: "ProfilerReport",
      RuleEvaluatorImage: "503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest",
    },
  ],
  DebugRuleConfigurations: [
    {
      RuleConfigurationName: "LossNotDecreasing",
      RuleEvaluatorImage: "503895931360.dkr.ecr.us-east-1.amazonaws.com/sagemaker-debugger-rules:latest",
      RuleParameters: { rule_to_invoke: "LossNotDecreasing" },
    },
  ],
  RemoteDebugConfig: { EnableRemoteDebug: true },
  InfraCheckConfig: { EnableInfraCheck: true },
  MlflowConfig: {
    MlflowResourceArn: "arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/churn",
    MlflowExperimentName: "churn",
  },
  ModelPackageConfig: { ModelPackageGroupArn: "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn" },
  RetryStrategy: { MaximumRetryAttempts: 2 },
  Environment: { MODE: "test" },
};

describe("DescribeTrainingJob echoes the request", () => {
  it("returns every member CreateTrainingJob and DescribeTrainingJob share, as sent ([MODEL])", async () => {
    const { client } = manualEmulator();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest(OPTIONAL_SETTINGS)));
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d).toMatchObject(OPTIONAL_SETTINGS);
  });
});

describe("StoppingCondition.MaxRuntimeInSeconds", () => {
  it("accepts exactly 28 days", async () => {
    const { client } = manualEmulator();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ StoppingCondition: { MaxRuntimeInSeconds: 2_419_200 } })));
  });

  it("refuses more than 28 days in Coral's constraint form ([DOC] 'The maximum value is 28 days'; text [INF])", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() =>
      client.send(new CreateTrainingJobCommand(trainingJobRequest({ StoppingCondition: { MaxRuntimeInSeconds: 2_419_201 } }))),
    );
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      "1 validation error detected: Value '2419201' at 'stoppingCondition.maxRuntimeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 2419200",
    ]);
  });
});
