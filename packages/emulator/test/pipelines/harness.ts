import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  type PipelineExecutionStep,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { VirtualClock } from "@sagerun/transport";
import { manualEmulator, ROLE_ARN, trainingJobRequest } from "../fixtures.js";
import type { EmulatorOptions } from "../../src/index.js";

export { ROLE_ARN };

/** An emulator on a manual virtual clock, durations easy to add up, and its SDK client. */
export function pipelineEmulator(options: EmulatorOptions = {}) {
  return manualEmulator({
    durations: {
      startingSeconds: 10,
      downloadingSeconds: 0,
      trainingSeconds: 100,
      uploadingSeconds: 0,
      provisioningSeconds: 10,
      runningSeconds: 50,
    },
    ...options,
  });
}

/** A Training step's Arguments: CreateTrainingJob without its name, as the SDK writes them. */
export function trainingArguments(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { TrainingJobName: _name, ...rest } = trainingJobRequest();
  return { ...rest, ...overrides };
}

export function trainingStep(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Name: name, Type: "Training", Arguments: trainingArguments(), ...extra };
}

export function definition(steps: unknown[], parameters: unknown[] = []): string {
  return JSON.stringify({ Version: "2020-12-01", Metadata: {}, Parameters: parameters, Steps: steps });
}

export async function describeExecution(client: SageMakerClient, arn: string) {
  return client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn }));
}

/** Every step, by name. */
export async function stepsOf(client: SageMakerClient, arn: string): Promise<Record<string, PipelineExecutionStep>> {
  const { PipelineExecutionSteps = [] } = await client.send(
    new ListPipelineExecutionStepsCommand({ PipelineExecutionArn: arn, MaxResults: 100 }),
  );
  return Object.fromEntries(PipelineExecutionSteps.map((s) => [s.StepName!, s]));
}

/** Advances the manual clock in `stepMs` steps until the execution is no longer Executing or Stopping. */
export async function untilEnded(clock: VirtualClock, client: SageMakerClient, arn: string, stepMs = 5_000): Promise<string> {
  for (let polls = 0; polls < 10_000; polls++) {
    const { PipelineExecutionStatus } = await describeExecution(client, arn);
    if (PipelineExecutionStatus !== "Executing" && PipelineExecutionStatus !== "Stopping") return PipelineExecutionStatus!;
    await clock.advance(stepMs);
  }
  throw new Error("the execution never ended");
}
