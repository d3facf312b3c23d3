import * as sdk from "@aws-sdk/client-sagemaker";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateHyperParameterTuningJobCommand,
  CreateModelCommand,
  CreatePipelineCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DeleteEndpointCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { manualEmulator, ROUND_DURATIONS, trainingJobRequest } from "./fixtures.js";
import { ENDPOINT_DURATIONS, endpointConfigRequest, endpointRequest, modelRequest, variant } from "./fixtures/hosting.js";
import { JOB_DURATIONS, processingJobRequest, transformJobRequest } from "./fixtures/jobs.js";
import { missingRequired, OUTPUT_REQUIRED } from "./fixtures/output-required.js";
import { tuningJobRequest } from "./fixtures/tuning.js";
import { definition, trainingStep } from "./pipelines/harness.js";

const S = 1000;
type Input = Record<string, unknown>;
type Inputs = (client: SageMakerClient) => Promise<Input[]>;

const all = { MaxResults: 100 };
/** Every name a List* operation returns, as the input of the matching Describe*. */
const namesOf =
  (list: string, items: string, name: string, member = name): Inputs =>
  async (client) => {
    const output = (await send(client, list, all)) as Record<string, Record<string, unknown>[]>;
    return output[items]!.map((item) => ({ [member]: item[name] }));
  };

/** How to call each Describe* and List* operation on whatever exists. */
const CALLS: Readonly<Record<string, Inputs>> = {
  DescribeTrainingJob: namesOf("ListTrainingJobs", "TrainingJobSummaries", "TrainingJobName"),
  DescribeProcessingJob: namesOf("ListProcessingJobs", "ProcessingJobSummaries", "ProcessingJobName"),
  DescribeTransformJob: namesOf("ListTransformJobs", "TransformJobSummaries", "TransformJobName"),
  DescribeHyperParameterTuningJob: namesOf(
    "ListHyperParameterTuningJobs",
    "HyperParameterTuningJobSummaries",
    "HyperParameterTuningJobName",
  ),
  ListTrainingJobsForHyperParameterTuningJob: async (client) =>
    (await namesOf("ListHyperParameterTuningJobs", "HyperParameterTuningJobSummaries", "HyperParameterTuningJobName")(client)).map(
      (input) => ({ ...input, ...all }),
    ),
  DescribeModel: namesOf("ListModels", "Models", "ModelName"),
  DescribeEndpointConfig: namesOf("ListEndpointConfigs", "EndpointConfigs", "EndpointConfigName"),
  DescribeEndpoint: namesOf("ListEndpoints", "Endpoints", "EndpointName"),
  ListTags: namesOf("ListTrainingJobs", "TrainingJobSummaries", "TrainingJobArn", "ResourceArn"),
  ListTrainingJobs: async () => [all],
  ListProcessingJobs: async () => [all],
  ListTransformJobs: async () => [all],
  ListHyperParameterTuningJobs: async () => [all],
  ListModels: async () => [all],
  ListEndpointConfigs: async () => [all],
  ListEndpoints: async () => [all],
  ListPipelines: async () => [all],
  DescribePipeline: namesOf("ListPipelines", "PipelineSummaries", "PipelineName"),
  ListPipelineVersions: async (client) =>
    // Its PipelineName member takes the pipeline's ARN too (API reference, ListPipelineVersions).
    (await namesOf("ListPipelines", "PipelineSummaries", "PipelineArn", "PipelineName")(client)).map((input) => ({ ...input, ...all })),
  ListPipelineExecutions: async (client) =>
    (await namesOf("ListPipelines", "PipelineSummaries", "PipelineName")(client)).map((input) => ({ ...input, ...all })),
  DescribePipelineExecution: executionsOf(),
  DescribePipelineDefinitionForExecution: executionsOf(),
  ListPipelineExecutionSteps: executionsOf(all),
  ListPipelineParametersForExecution: executionsOf(all),
};

/** Every execution of every pipeline, as `{ PipelineExecutionArn }` (and `extra`). */
function executionsOf(extra: Input = {}): Inputs {
  return async (client) => {
    const inputs: Input[] = [];
    for (const pipeline of await namesOf("ListPipelines", "PipelineSummaries", "PipelineName")(client)) {
      const { PipelineExecutionSummaries = [] } = (await send(client, "ListPipelineExecutions", { ...pipeline, ...all })) as {
        PipelineExecutionSummaries?: { PipelineExecutionArn?: string }[];
      };
      for (const { PipelineExecutionArn } of PipelineExecutionSummaries) inputs.push({ PipelineExecutionArn, ...extra });
    }
    return inputs;
  };
}

async function send(client: SageMakerClient, operation: string, input: Input): Promise<object> {
  const Command = (sdk as unknown as Record<string, new (input: Input) => never>)[`${operation}Command`]!;
  return client.send(new Command(input));
}

/** Every resource kind in as many states as a few minutes give: running, stopped, failed, updating, deleting. */
async function everything() {
  const rules = [{ match: { name: /failed/ }, outcome: { status: "Failed" as const } }];
  const env = manualEmulator({ durations: { ...ROUND_DURATIONS, ...JOB_DURATIONS, ...ENDPOINT_DURATIONS }, rules });
  const { client } = env;
  await client.send(new CreateModelCommand(modelRequest()));
  // [MODEL] DataCaptureConfigSummary requires KmsKeyId even when the config gives none.
  const capture = {
    InitialSamplingPercentage: 20,
    DestinationS3Uri: "s3://bucket/capture/",
    CaptureOptions: [{ CaptureMode: "Input" as const }],
  };
  await client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ DataCaptureConfig: capture })));
  await client.send(
    new CreateEndpointConfigCommand(
      endpointConfigRequest({
        EndpointConfigName: "next-config",
        ShadowProductionVariants: [variant("churn-model", { VariantName: "Shadow" })],
      }),
    ),
  );
  for (const name of ["ep", "ep-weights", "ep-update", "ep-delete", "ep-failed"])
    await client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: name })));
  for (const name of ["train", "train-stop", "train-failed"])
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
  await client.send(
    new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "train-limit", StoppingCondition: { MaxRuntimeInSeconds: 120 } })),
  );
  for (const name of ["prep", "prep-stop", "prep-failed"])
    await client.send(new CreateProcessingJobCommand(processingJobRequest({ ProcessingJobName: name })));
  for (const name of ["score", "score-stop", "score-failed"])
    await client.send(new CreateTransformJobCommand(transformJobRequest({ TransformJobName: name })));
  for (const name of ["tune", "tune-failed"])
    await client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest({ HyperParameterTuningJobName: name })));
  // A pipeline with a parameter, and executions that run, stop and fail.
  const parameters = [{ Name: "Epochs", Type: "Integer", DefaultValue: 2 }];
  const steps = [trainingStep("fit"), trainingStep("fit-failed", { DependsOn: ["fit"] })];
  await client.send(
    new CreatePipelineCommand({
      PipelineName: "flow",
      RoleArn: modelRequest().ExecutionRoleArn,
      ClientRequestToken: "flow-token-0000000000000000000000000",
      PipelineDefinition: definition(steps, parameters),
    }),
  );
  for (const token of ["run", "run-stop"]) {
    const { PipelineExecutionArn } = await client.send(
      new StartPipelineExecutionCommand({ PipelineName: "flow", ClientRequestToken: `${token}-000000000000000000000000000000` }),
    );
    if (token === "run-stop")
      await client.send(
        new StopPipelineExecutionCommand({ PipelineExecutionArn, ClientRequestToken: `stop-${token}-00000000000000000000000000` }),
      );
  }
  return env;
}

async function expectRequiredMembers(client: SageMakerClient): Promise<void> {
  for (const [operation, inputs] of Object.entries(CALLS)) {
    const called = await inputs(client);
    expect(called.length, operation).toBeGreaterThan(0);
    for (const input of called) {
      expect(missingRequired(operation, await send(client, operation, input)), `${operation} ${JSON.stringify(input)}`).toEqual([]);
    }
  }
}

describe("Describe*/List* outputs carry every member the model requires", () => {
  it("covers every Describe*/List* operation the emulator serves (regenerate output-required.json when one is added)", () => {
    const served = createEmulator({ requireInputData: false }).operations.filter((op) => /^(Describe|List)/.test(op));
    expect(Object.keys(OUTPUT_REQUIRED.operations).sort()).toEqual(served);
    expect(Object.keys(CALLS).sort()).toEqual(served);
  });

  it("finds a required member missing deep inside what is present, and ignores absent optional structures", () => {
    const best = {
      TrainingJobName: "t",
      TrainingJobArn: "a",
      CreationTime: new Date(0),
      TrainingJobStatus: "Completed",
      TunedHyperParameters: {},
    };
    const summary = { ...best, FinalHyperParameterTuningJobObjectiveMetric: { MetricName: "auc" } };
    expect(missingRequired("ListTrainingJobsForHyperParameterTuningJob", { TrainingJobSummaries: [best, summary] })).toEqual([
      "ListTrainingJobsForHyperParameterTuningJob.TrainingJobSummaries[1].FinalHyperParameterTuningJobObjectiveMetric.Value",
    ]);
  });

  it("at every stage of every resource's life: running, stopping, stopped, failed, completed, updating, deleting ([MODEL] required)", async () => {
    const { client, clock } = await everything();
    const t0 = clock.now();
    await expectRequiredMembers(client);
    await clock.advanceTo(t0 + 90 * S);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "train-stop" }));
    await client.send(new StopProcessingJobCommand({ ProcessingJobName: "prep-stop" }));
    await client.send(new StopTransformJobCommand({ TransformJobName: "score-stop" }));
    await expectRequiredMembers(client);
    await clock.advanceTo(t0 + 150 * S);
    await client.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: "ep-weights",
        DesiredWeightsAndCapacities: [{ VariantName: "AllTraffic", DesiredInstanceCount: 2 }],
      }),
    );
    await client.send(new UpdateEndpointCommand({ EndpointName: "ep-update", EndpointConfigName: "next-config" }));
    await client.send(new DeleteEndpointCommand({ EndpointName: "ep-delete" }));
    await expectRequiredMembers(client);
    for (const at of [400, 800, 5000]) {
      await clock.advanceTo(t0 + at * S);
      await expectRequiredMembers(client);
    }
  });
});
