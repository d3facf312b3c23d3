import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import { VirtualClock } from "@sagerun/transport";
import { createEmulator, type EmulatorOptions } from "../src/index.js";

export const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";

/** A valid CreateTrainingJob request; override any member. */
export function trainingJobRequest(overrides: Partial<CreateTrainingJobRequest> = {}): CreateTrainingJobRequest {
  return {
    TrainingJobName: "xgb-churn",
    RoleArn: ROLE_ARN,
    AlgorithmSpecification: {
      TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
      TrainingInputMode: "File",
    },
    HyperParameters: { num_round: "100", max_depth: "5" },
    InputDataConfig: [
      {
        ChannelName: "train",
        DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://bucket/churn/train/" } },
      },
    ],
    OutputDataConfig: { S3OutputPath: "s3://bucket/churn/output/" },
    ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...overrides,
  };
}

/**
 * An emulator on a virtual clock that moves only when the test says so, with a real
 * SageMakerClient wired to it in-process.
 */
export function manualEmulator(options: EmulatorOptions = {}) {
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ requireInputData: false, clock, ...options });
  return { clock, emulator, client: emulator.client() };
}

/** Durations that make lifecycle arithmetic easy to read in tests (seconds). */
export const ROUND_DURATIONS = {
  startingSeconds: 60,
  downloadingSeconds: 30,
  trainingSeconds: 600,
  uploadingSeconds: 30,
  stoppingSeconds: 20,
} as const;

/** Runs `fn` and returns the error it throws (for checking name and message together). */
export async function errorOf(
  fn: () => Promise<unknown>,
): Promise<{ name: string; message: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
