import type { CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";

/**
 * The one sample CreateTrainingJob request of this package, shared by the demo, the bench and the
 * tests (test/fixtures.ts): a valid job of your own training image on one ml.m5.xlarge. Override what matters.
 *
 * @example
 * ```ts
 * sampleTrainingConfig({ TrainingJobName: "nightly", StoppingCondition: { MaxRuntimeInSeconds: 3600 } });
 * ```
 */
export function sampleTrainingConfig(overrides: Partial<CreateTrainingJobCommandInput> = {}): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: "sagerun-sample",
    RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
    AlgorithmSpecification: {
      // A team's own image in its own ECR repository. The emulator runs no code for it (none is
      // registered), so the job plays its lifecycle without computing: what these samples are about.
      TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
      TrainingInputMode: "File",
    },
    OutputDataConfig: { S3OutputPath: "s3://sagerun-sample/output" },
    ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    ...overrides,
  };
}
