import {
  AddTagsCommand,
  CreatePipelineCommand,
  DescribePipelineDefinitionForExecutionCommand,
  DescribePipelineExecutionCommand,
  DescribeTrainingJobCommand,
  ListPipelineExecutionsCommand,
  ListPipelineParametersForExecutionCommand,
  ListTagsCommand,
  ListTrainingJobsCommand,
  RetryPipelineExecutionCommand,
  SendPipelineExecutionStepFailureCommand,
  SendPipelineExecutionStepSuccessCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineExecutionCommand,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf } from "../fixtures.js";
import {
  definition,
  describeExecution,
  pipelineEmulator,
  ROLE_ARN,
  stepsOf,
  trainingArguments,
  trainingStep,
  untilEnded,
} from "./harness.js";

async function start(
  client: SageMakerClient,
  text: string,
  extra: Partial<ConstructorParameters<typeof StartPipelineExecutionCommand>[0]> = {},
) {
  await client.send(new CreatePipelineCommand({ PipelineName: "p", RoleArn: ROLE_ARN, PipelineDefinition: text }));
  const { PipelineExecutionArn } = await client.send(new StartPipelineExecutionCommand({ PipelineName: "p", ...extra }));
  return PipelineExecutionArn!;
}

/** Step A trains; B and C both wait for A (C by referencing its model artifact). Job phases: 10 s starting + 100 s training. */
const DIAMOND = definition([
  trainingStep("A"),
  trainingStep("B", { DependsOn: ["A"] }),
  {
    Name: "C",
    Type: "Training",
    Arguments: trainingArguments({ HyperParameters: { model: { Get: "Steps.A.ModelArtifacts.S3ModelArtifacts" } } }),
  },
]);

describe("StartPipelineExecution and the execution's steps", () => {
  it("starts steps when what they wait for has Succeeded, each a real training job named and tagged by the pipeline", async () => {
    const { clock, client } = pipelineEmulator();
    const arn = await start(client, DIAMOND);
    expect(arn).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:pipeline\/p\/execution\/[a-z0-9]{12}$/);
    const id = arn.split("/").at(-1)!;
    let steps = await stepsOf(client, arn);
    expect(Object.keys(steps)).toEqual(["A"]);
    expect(steps.A).toMatchObject({ StepStatus: "Executing", AttemptCount: 1 });
    const jobArn = steps.A!.Metadata!.TrainingJob!.Arn!;
    const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobArn.split("/").at(-1)! }));
    expect(job.TrainingJobName).toMatch(new RegExp(`^pipelines-${id}-A-[A-Za-z0-9]{10}$`));
    expect((await client.send(new ListTagsCommand({ ResourceArn: jobArn }))).Tags).toEqual([
      { Key: "sagemaker:pipeline-execution-arn", Value: arn },
    ]);

    await clock.advance(110_000);
    steps = await stepsOf(client, arn);
    expect(steps.A).toMatchObject({ StepStatus: "Succeeded" });
    expect(steps.B!.StartTime).toEqual(steps.A!.EndTime);
    expect(steps.C!.StartTime).toEqual(steps.A!.EndTime);
    const c = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: steps.C!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    const a = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: job.TrainingJobName! }));
    expect(c.HyperParameters?.model).toBe(a.ModelArtifacts?.S3ModelArtifacts);

    expect(await untilEnded(clock, client, arn)).toBe("Succeeded");
    const described = await describeExecution(client, arn);
    expect(described).toMatchObject({
      PipelineArn: "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p",
      PipelineExecutionStatus: "Succeeded",
      PipelineExperimentConfig: { ExperimentName: "p", TrialName: id },
      PipelineVersionId: 1,
    });
    expect(described.PipelineExecutionDisplayName).toBe(`execution-${described.CreationTime!.getTime()}`);
    expect(described.LastModifiedTime!.getTime() - described.CreationTime!.getTime()).toBe(220_000);
    // The most recently started step first ([DOC] run-pipeline).
    const listed = Object.keys(await stepsOf(client, arn));
    expect(listed.at(-1)).toBe("A");
  });

  it("runs at most MaxParallelExecutionSteps steps at once", async () => {
    const { clock, client } = pipelineEmulator();
    const arn = await start(client, definition(["A", "B", "C"].map((n) => trainingStep(n))), {
      ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
    });
    expect(Object.keys(await stepsOf(client, arn)).sort()).toEqual(["A", "B"]);
    await clock.advance(110_000);
    const steps = await stepsOf(client, arn);
    expect(steps.C!.StartTime!.getTime()).toBe(steps.A!.EndTime!.getTime());
    expect(await untilEnded(clock, client, arn)).toBe("Succeeded");
  });

  it("converts parameters to their declared types, and refuses unknown, missing and mistyped ones", async () => {
    const { clock, client } = pipelineEmulator();
    const parameters = [
      { Name: "Rounds", Type: "Integer" },
      { Name: "Rate", Type: "Float", DefaultValue: 0.5 },
      { Name: "Mode", Type: "String", DefaultValue: "fast", EnumValues: ["fast", "slow"] },
    ];
    const text = definition(
      [
        {
          Name: "T",
          Type: "Training",
          Arguments: trainingArguments({
            HyperParameters: {
              rounds: { "Std:Join": { On: "", Values: [{ Get: "Parameters.Rounds" }] } },
              tag: {
                "Std:Join": {
                  On: "-",
                  Values: [{ Get: "Parameters.Mode" }, { Get: "Parameters.Rate" }, { Get: "Execution.PipelineExecutionId" }],
                },
              },
            },
          }),
        },
      ],
      parameters,
    );
    await client.send(new CreatePipelineCommand({ PipelineName: "p", RoleArn: ROLE_ARN, PipelineDefinition: text }));
    const startWith = (values: { Name: string; Value: string }[]) =>
      client.send(new StartPipelineExecutionCommand({ PipelineName: "p", PipelineParameters: values }));
    expect((await errorOf(() => startWith([]))).message).toBe("Parameter 'Rounds' is undefined.");
    expect(
      (
        await errorOf(() =>
          startWith([
            { Name: "Rounds", Value: "3" },
            { Name: "Nope", Value: "1" },
          ]),
        )
      ).message,
    ).toBe("Unknown parameter 'Nope'.");
    expect((await errorOf(() => startWith([{ Name: "Rounds", Value: "three" }]))).message).toBe(
      "Value 'three' of parameter 'Rounds' is not of type Integer.",
    );
    expect(
      (
        await errorOf(() =>
          startWith([
            { Name: "Rounds", Value: "3" },
            { Name: "Mode", Value: "medium" },
          ]),
        )
      ).name,
    ).toBe("ValidationException");

    const { PipelineExecutionArn: arn } = await startWith([
      { Name: "Rounds", Value: "7" },
      { Name: "Rate", Value: "0.25" },
    ]);
    const steps = await stepsOf(client, arn!);
    const job = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: steps.T!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    expect(job.HyperParameters).toEqual({ rounds: "7", tag: `fast-0.25-${arn!.split("/").at(-1)}` });
    const listed = await client.send(new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: arn }));
    expect(listed.PipelineParameters).toEqual([
      { Name: "Rounds", Value: "7" },
      { Name: "Rate", Value: "0.25" },
      { Name: "Mode", Value: "fast" },
    ]);
    const { PipelineDefinition } = await client.send(new DescribePipelineDefinitionForExecutionCommand({ PipelineExecutionArn: arn }));
    expect(PipelineDefinition).toBe(text);
    await untilEnded(clock, client, arn!);
  });

  it("answers the same execution for the same ClientRequestToken, and lists executions newest first", async () => {
    const { clock, client } = pipelineEmulator();
    const token = "a".repeat(32);
    const first = await start(client, definition([trainingStep("A")]), { ClientRequestToken: token });
    const again = await client.send(new StartPipelineExecutionCommand({ PipelineName: "p", ClientRequestToken: token }));
    expect(again.PipelineExecutionArn).toBe(first);
    await clock.advance(1000);
    const second = (await client.send(new StartPipelineExecutionCommand({ PipelineName: "p", PipelineExecutionDisplayName: "second" })))
      .PipelineExecutionArn;
    const listed = await client.send(new ListPipelineExecutionsCommand({ PipelineName: "p" }));
    expect(listed.PipelineExecutionSummaries?.map((s) => s.PipelineExecutionArn)).toEqual([second, first]);
    expect(listed.PipelineExecutionSummaries?.[0]).toMatchObject({
      PipelineExecutionDisplayName: "second",
      PipelineExecutionStatus: "Executing",
    });
  });

  it("answers ResourceNotFound for an execution or pipeline that does not exist", async () => {
    const { client } = pipelineEmulator();
    const arn = "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/aaaaaaaaaaaa";
    const missing = await errorOf(() => client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: arn })));
    expect(missing).toMatchObject({ name: "ResourceNotFound", message: `Pipeline execution '${arn}' does not exist.` });
    const noPipeline = await errorOf(() => client.send(new StartPipelineExecutionCommand({ PipelineName: "ghost" })));
    expect(noPipeline).toMatchObject({ name: "ResourceNotFound", message: "Pipeline 'ghost' does not exist." });
  });

  it("serves AddTags/ListTags on an execution's ARN", async () => {
    const { client } = pipelineEmulator();
    const arn = await start(client, definition([trainingStep("A")]));
    await client.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "run", Value: "1" }] }));
    expect((await client.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([{ Key: "run", Value: "1" }]);
  });
});

describe("failures", () => {
  it("a failed job fails its step; its dependents never start; the execution fails once running steps end", async () => {
    const { clock, client } = pipelineEmulator({
      rules: [
        {
          match: { name: /-Bad-/ },
          durations: { trainingSeconds: 20 },
          outcome: { status: "Failed", failureReason: "AlgorithmError: boom" },
        },
      ],
    });
    const arn = await start(client, definition([trainingStep("Bad"), trainingStep("Slow"), trainingStep("After", { DependsOn: ["Bad"] })]));
    await clock.advance(25_000);
    let steps = await stepsOf(client, arn);
    expect(steps.Bad).toMatchObject({ StepStatus: "Failed", FailureReason: "AlgorithmError: boom" });
    expect(steps.Slow).toMatchObject({ StepStatus: "Executing" });
    expect((await describeExecution(client, arn)).PipelineExecutionStatus).toBe("Executing");
    expect(await untilEnded(clock, client, arn)).toBe("Failed");
    steps = await stepsOf(client, arn);
    expect(Object.keys(steps).sort()).toEqual(["Bad", "Slow"]);
    expect(steps.Slow!.StepStatus).toBe("Succeeded");
    const described = await describeExecution(client, arn);
    expect(described.FailureReason).toBe("Step failure: One or multiple steps failed.");
    expect(described.LastModifiedTime).toEqual(steps.Slow!.EndTime);
    const summaries = await client.send(new ListPipelineExecutionsCommand({ PipelineName: "p" }));
    expect(summaries.PipelineExecutionSummaries?.[0]?.PipelineExecutionFailureReason).toBe("Step failure: One or multiple steps failed.");
  });

  it("a job the service refuses fails its step with the refusal, and no job is created", async () => {
    const { clock, client } = pipelineEmulator();
    const arn = await start(
      client,
      definition([
        {
          Name: "T",
          Type: "Training",
          Arguments: trainingArguments({ ResourceConfig: { InstanceType: "ml.m5.xlarge", InstanceCount: 0, VolumeSizeInGB: 30 } }),
        },
      ]),
    );
    const steps = await stepsOf(client, arn);
    expect(steps.T!.StepStatus).toBe("Failed");
    expect(steps.T!.FailureReason).toMatch(
      /^ClientError: Failed to invoke sagemaker:CreateTrainingJob\. Error Details: 1 validation error detected: /,
    );
    expect((await client.send(new ListTrainingJobsCommand({}))).TrainingJobSummaries).toEqual([]);
    expect(await untilEnded(clock, client, arn)).toBe("Failed");
  });

  it("RetryPipelineExecution re-runs the failed steps and then the ones that waited for them", async () => {
    const { clock, client, emulator } = pipelineEmulator({
      rules: [{ match: { name: /-A-/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: flaky" } }],
    });
    const arn = await start(client, definition([trainingStep("A"), trainingStep("B", { DependsOn: ["A"] })]));
    expect(await untilEnded(clock, client, arn)).toBe("Failed");
    const notFailed = await errorOf(() =>
      client.send(
        new RetryPipelineExecutionCommand({
          PipelineExecutionArn: "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/zzzzzzzzzzzz",
        }),
      ),
    );
    expect(notFailed.name).toBe("ResourceNotFound");
    emulator.setRules([]);
    await client.send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect((await describeExecution(client, arn)).PipelineExecutionStatus).toBe("Executing");
    expect((await stepsOf(client, arn)).A).toMatchObject({ StepStatus: "Executing", AttemptCount: 2 });
    expect(await untilEnded(clock, client, arn)).toBe("Succeeded");
    const steps = await stepsOf(client, arn);
    expect(steps.B).toMatchObject({ StepStatus: "Succeeded", AttemptCount: 1 });
    const running = await errorOf(() => client.send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn })));
    expect(running.name).toBe("ValidationException");
  });

  it("a retry policy re-runs a job that failed with a capacity error after IntervalSeconds × BackoffRate^n", async () => {
    const { clock, client, emulator } = pipelineEmulator({
      rules: [
        {
          match: { name: /-A-/ },
          durations: { trainingSeconds: 20 },
          outcome: { status: "Failed", failureReason: "CapacityError: no ml.m5.xlarge capacity" },
        },
      ],
    });
    const policy = { ExceptionType: ["SageMaker.CAPACITY_ERROR"], IntervalSeconds: 30, BackoffRate: 2, MaxAttempts: 1 };
    const arn = await start(client, definition([trainingStep("A", { RetryPolicies: [policy] })]));
    await clock.advance(20_000);
    let a = (await stepsOf(client, arn)).A!;
    expect(a).toMatchObject({ StepStatus: "Starting", AttemptCount: 2 });
    const firstEnd = a.StartTime!.getTime() + 20_000;
    await clock.advance(firstEnd + 30_000 - clock.now());
    a = (await stepsOf(client, arn)).A!;
    expect(a).toMatchObject({ StepStatus: "Executing", AttemptCount: 2 });
    const second = a.Metadata!.TrainingJob!.Arn!;
    const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: second.split("/").at(-1)! }));
    expect(job.CreationTime!.getTime()).toBe(firstEnd + 30_000);
    // MaxAttempts 1: the second failure is final.
    expect(await untilEnded(clock, client, arn)).toBe("Failed");
    expect((await stepsOf(client, arn)).A).toMatchObject({ StepStatus: "Failed", AttemptCount: 2 });
    void emulator;
  });
});

describe("Condition, Fail and Callback steps", () => {
  const conditional = (threshold: number) =>
    definition(
      [
        trainingStep("Train"),
        {
          Name: "Check",
          Type: "Condition",
          Arguments: {
            Conditions: [
              {
                Type: "GreaterThanOrEqualTo",
                LeftValue: { Get: "Steps.Train.FinalMetricDataList['acc'].Value" },
                RightValue: { Get: "Parameters.Threshold" },
              },
              {
                Type: "Not",
                Condition: { Type: "In", QueryValue: { Get: "Steps.Train.TrainingJobStatus" }, Values: ["Failed", "Stopped"] },
              },
            ],
            IfSteps: [trainingStep("Deploy")],
            ElseSteps: [
              {
                Name: "Stop",
                Type: "Fail",
                Arguments: { ErrorMessage: { "Std:Join": { On: " ", Values: ["accuracy below", { Get: "Parameters.Threshold" }] } } },
              },
            ],
          },
        },
      ],
      [{ Name: "Threshold", Type: "Float", DefaultValue: threshold }],
    );

  it("takes the if branch when every condition holds", async () => {
    const { clock, client } = pipelineEmulator({ rules: [{ match: { name: /-Train-/ }, metrics: { acc: 0.93 } }] });
    const arn = await start(client, conditional(0.9));
    expect(await untilEnded(clock, client, arn)).toBe("Succeeded");
    const steps = await stepsOf(client, arn);
    expect(Object.keys(steps).sort()).toEqual(["Check", "Deploy", "Train"]);
    expect(steps.Check).toMatchObject({ StepStatus: "Succeeded", Metadata: { Condition: { Outcome: "True" } } });
    expect(steps.Check!.StartTime).toEqual(steps.Train!.EndTime);
    expect(steps.Deploy!.StartTime).toEqual(steps.Check!.EndTime);
  });

  it("takes the else branch into a Fail step, whose message is the step's FailureReason and the execution fails", async () => {
    const { clock, client } = pipelineEmulator({ rules: [{ match: { name: /-Train-/ }, metrics: { acc: 0.5 } }] });
    const arn = await start(client, conditional(0.9));
    expect(await untilEnded(clock, client, arn)).toBe("Failed");
    const steps = await stepsOf(client, arn);
    expect(Object.keys(steps).sort()).toEqual(["Check", "Stop", "Train"]);
    expect(steps.Check!.Metadata).toEqual({ Condition: { Outcome: "False" } });
    expect(steps.Stop).toMatchObject({
      StepStatus: "Failed",
      FailureReason: "accuracy below 0.9",
      Metadata: { Fail: { ErrorMessage: "accuracy below 0.9" } },
    });
    expect((await describeExecution(client, arn)).FailureReason).toBe("Step failure: One or multiple steps failed.");
    const retry = await errorOf(() => client.send(new RetryPipelineExecutionCommand({ PipelineExecutionArn: arn })));
    expect(retry.name).toBe("ValidationException");
  });

  it("a Callback step waits for SendPipelineExecutionStepSuccess, whose outputs later steps read", async () => {
    const { clock, client } = pipelineEmulator();
    const arn = await start(
      client,
      definition([
        {
          Name: "Approve",
          Type: "Callback",
          SqsQueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q",
          OutputParameters: [{ OutputName: "epochs" }],
          Arguments: {},
        },
        {
          Name: "T",
          Type: "Training",
          Arguments: trainingArguments({ HyperParameters: { epochs: { Get: "Steps.Approve.OutputParameters['epochs']" } } }),
        },
      ]),
    );
    await clock.advance(3_600_000);
    let steps = await stepsOf(client, arn);
    expect(steps.Approve!.StepStatus).toBe("Executing");
    const token = steps.Approve!.Metadata!.Callback!.CallbackToken!;
    expect(token).toMatch(/^[A-Za-z0-9]{10}$/);
    await client.send(
      new SendPipelineExecutionStepSuccessCommand({ CallbackToken: token, OutputParameters: [{ Name: "epochs", Value: "12" }] }),
    );
    steps = await stepsOf(client, arn);
    expect(steps.Approve).toMatchObject({
      StepStatus: "Succeeded",
      Metadata: { Callback: { CallbackToken: token, OutputParameters: [{ Name: "epochs", Value: "12" }] } },
    });
    const job = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: steps.T!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    expect(job.HyperParameters).toEqual({ epochs: "12" });
    const twice = await errorOf(() =>
      client.send(new SendPipelineExecutionStepFailureCommand({ CallbackToken: token, FailureReason: "no" })),
    );
    expect(twice.name).toBe("ValidationException");
    const unknown = await errorOf(() => client.send(new SendPipelineExecutionStepFailureCommand({ CallbackToken: "0000000000" })));
    expect(unknown.name).toBe("ResourceNotFound");
  });

  it("SendPipelineExecutionStepFailure fails the Callback step with its reason", async () => {
    const { clock, client } = pipelineEmulator();
    const arn = await start(client, definition([{ Name: "Approve", Type: "Callback", Arguments: {} }]));
    const token = (await stepsOf(client, arn)).Approve!.Metadata!.Callback!.CallbackToken!;
    await client.send(new SendPipelineExecutionStepFailureCommand({ CallbackToken: token, FailureReason: "rejected" }));
    expect((await stepsOf(client, arn)).Approve).toMatchObject({ StepStatus: "Failed", FailureReason: "rejected" });
    expect(await untilEnded(clock, client, arn)).toBe("Failed");
  });
});

describe("UpdatePipelineExecution", () => {
  it("changes the display name, description and parallelism of a running execution", async () => {
    const { client } = pipelineEmulator();
    const arn = await start(client, definition([trainingStep("A"), trainingStep("B")]), {
      ParallelismConfiguration: { MaxParallelExecutionSteps: 1 },
    });
    expect(Object.keys(await stepsOf(client, arn))).toEqual(["A"]);
    await client.send(
      new UpdatePipelineExecutionCommand({
        PipelineExecutionArn: arn,
        PipelineExecutionDisplayName: "renamed",
        PipelineExecutionDescription: "wider",
        ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
      }),
    );
    expect(await describeExecution(client, arn)).toMatchObject({
      PipelineExecutionDisplayName: "renamed",
      PipelineExecutionDescription: "wider",
      ParallelismConfiguration: { MaxParallelExecutionSteps: 2 },
    });
    // The freed slot is used at once.
    expect(Object.keys(await stepsOf(client, arn)).sort()).toEqual(["A", "B"]);
  });
});

describe("StopPipelineExecution", () => {
  it("ends a Callback step that waits for its answer Stopped at once", async () => {
    const { client } = pipelineEmulator();
    const arn = await start(client, definition([{ Name: "Approve", Type: "Callback", Arguments: {} }]));
    await client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect((await stepsOf(client, arn)).Approve!.StepStatus).toBe("Stopped");
    expect((await describeExecution(client, arn)).PipelineExecutionStatus).toBe("Stopped");
  });

  it("goes Executing → Stopping → Stopped and stops the running jobs; nothing new starts", async () => {
    const { clock, client } = pipelineEmulator({
      durations: { startingSeconds: 10, downloadingSeconds: 0, trainingSeconds: 100, uploadingSeconds: 0, stoppingSeconds: 30 },
    });
    const arn = await start(client, definition([trainingStep("A"), trainingStep("B", { DependsOn: ["A"] })]));
    await clock.advance(50_000);
    await client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn }));
    expect((await describeExecution(client, arn)).PipelineExecutionStatus).toBe("Stopping");
    const jobName = (await stepsOf(client, arn)).A!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)!;
    expect((await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }))).TrainingJobStatus).toBe("Stopping");
    expect((await stepsOf(client, arn)).A!.StepStatus).toBe("Stopping");
    await clock.advance(30_000);
    expect((await describeExecution(client, arn)).PipelineExecutionStatus).toBe("Stopped");
    const steps = await stepsOf(client, arn);
    expect(Object.keys(steps)).toEqual(["A"]);
    expect(steps.A!.StepStatus).toBe("Stopped");
    const again = await errorOf(() => client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: arn })));
    expect(again.name).toBe("ValidationException");
    expect(again.message).toBe(`Pipeline execution ${arn} is in status Stopped. Only pipelines with 'Executing' status can be stopped.`);
  });
});
