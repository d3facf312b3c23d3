import type { CreateTrainingJobCommandInput, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { createEmulator, type Emulator, type EmulatorOptions } from "@sagerun/emulator";
import { VirtualClock } from "@sagerun/transport";

/** A valid CreateTrainingJob request; override what the test is about. */
export function trainingJobRequest(overrides: Partial<CreateTrainingJobCommandInput> = {}): CreateTrainingJobCommandInput {
  return {
    TrainingJobName: "sagerun-test-job",
    RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
    AlgorithmSpecification: {
      TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:latest",
      TrainingInputMode: "File",
    },
    OutputDataConfig: { S3OutputPath: "s3://sagerun-test/output" },
    ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    ...overrides,
  };
}

export interface Harness {
  readonly emulator: Emulator;
  readonly clock: VirtualClock;
  /** A real SageMakerClient whose requestHandler is the emulator. */
  readonly client: SageMakerClient;
  /** Every command the client sent, in order ("CreateTrainingJobCommand", …). */
  readonly calls: string[];
  count(command: string): number;
}

/**
 * The real SDK client against an in-process emulator on a fresh virtual clock. Calls are counted
 * by an SDK middleware, so the client's serializers and error classes still run unchanged.
 */
export function emulatorHarness(options: EmulatorOptions = {}): Harness {
  const clock = new VirtualClock();
  const emulator = createEmulator({ clock, ...options });
  const client = emulator.client();
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(context.commandName ?? "unknown");
      return next(args);
    },
    { step: "initialize", name: "sagerunTestCallLog" },
  );
  return { emulator, clock, client, calls, count: (command) => calls.filter((c) => c === command).length };
}
