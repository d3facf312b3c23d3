import {
  CreatePipelineCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf } from "../fixtures.js";
import { definition, pipelineEmulator, ROLE_ARN, stepsOf, trainingArguments, trainingStep, untilEnded } from "./harness.js";

/**
 * [DOC] developer guide "pipelines-caching": with CacheConfig enabled, a step whose request matches
 * a successful run of the same step in an earlier execution of the pipeline, within ExpireAfter (an
 * ISO-8601 duration), reuses that run: it Succeeds at once, creates no job, and names the source
 * execution in CacheHitResult.
 */
describe("CacheConfig", () => {
  const text = definition([
    trainingStep("Train", { CacheConfig: { Enabled: true, ExpireAfter: "PT1H" } }),
    {
      Name: "Use",
      Type: "Training",
      Arguments: trainingArguments({ HyperParameters: { model: { Get: "Steps.Train.ModelArtifacts.S3ModelArtifacts" } } }),
    },
  ]);

  it("reuses an earlier execution's step within ExpireAfter, and runs it again after", async () => {
    const { clock, client } = pipelineEmulator();
    await client.send(new CreatePipelineCommand({ PipelineName: "p", RoleArn: ROLE_ARN, PipelineDefinition: text }));
    const run = async () => {
      const { PipelineExecutionArn } = await client.send(new StartPipelineExecutionCommand({ PipelineName: "p" }));
      expect(await untilEnded(clock, client, PipelineExecutionArn!)).toBe("Succeeded");
      return { arn: PipelineExecutionArn!, steps: await stepsOf(client, PipelineExecutionArn!) };
    };
    const first = await run();
    expect(first.steps.Train!.CacheHitResult).toBeUndefined();
    const second = await run();
    expect(second.steps.Train).toMatchObject({ StepStatus: "Succeeded", CacheHitResult: { SourcePipelineExecutionArn: first.arn } });
    expect(second.steps.Train!.StartTime).toEqual(second.steps.Train!.EndTime);
    expect(second.steps.Train!.Metadata).toEqual(first.steps.Train!.Metadata);
    // The step that reads the cached step's properties sees the earlier job's artifact.
    const use = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: second.steps.Use!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    const source = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: first.steps.Train!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    expect(use.HyperParameters?.model).toBe(source.ModelArtifacts?.S3ModelArtifacts);
    // Use has no CacheConfig: it ran again. Two runs of Use, one of Train.
    expect((await client.send(new ListTrainingJobsCommand({}))).TrainingJobSummaries).toHaveLength(3);

    await clock.advance(2 * 3_600_000);
    const third = await run();
    expect(third.steps.Train!.CacheHitResult).toBeUndefined();
    expect(third.steps.Train!.Metadata).not.toEqual(first.steps.Train!.Metadata);
  });

  it("refuses an ExpireAfter that is not an ISO-8601 duration", async () => {
    const { client } = pipelineEmulator();
    const bad = definition([trainingStep("Train", { CacheConfig: { Enabled: true, ExpireAfter: "one hour" } })]);
    const error = await errorOf(() =>
      client.send(new CreatePipelineCommand({ PipelineName: "p", RoleArn: ROLE_ARN, PipelineDefinition: bad })),
    );
    expect(error).toMatchObject({
      name: "ValidationException",
      message: `ExpireAfter of step 'Train' is not an ISO-8601 duration: "one hour".`,
    });
  });
});
