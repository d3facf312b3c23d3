import {
  CreatePipelineCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeTrainingJobCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { tuningJobRequest } from "../fixtures/tuning.js";
import { definition, pipelineEmulator, ROLE_ARN, stepsOf, trainingArguments, untilEnded } from "./harness.js";

/**
 * [DOC] SDK TuningStep: Arguments are CreateHyperParameterTuningJob without its name; its properties
 * add ListTrainingJobsForHyperParameterTuningJob's TrainingJobSummaries, best first
 * (`TrainingJobSummaries[0]`, as TuningStep.get_top_model_s3_uri reads it).
 */
describe("a Tuning step", () => {
  it("runs a real tuning job (name within its 32 characters) and later steps read its best training job", async () => {
    const { clock, client } = pipelineEmulator();
    const { HyperParameterTuningJobName: _name, ...args } = tuningJobRequest();
    const text = definition([
      { Name: "Tune", Type: "Tuning", Arguments: args },
      {
        Name: "Refit",
        Type: "Training",
        Arguments: trainingArguments({ HyperParameters: { best: { Get: "Steps.Tune.TrainingJobSummaries[0].TrainingJobName" } } }),
      },
    ]);
    await client.send(new CreatePipelineCommand({ PipelineName: "tune", RoleArn: ROLE_ARN, PipelineDefinition: text }));
    const { PipelineExecutionArn: arn } = await client.send(new StartPipelineExecutionCommand({ PipelineName: "tune" }));
    expect(await untilEnded(clock, client, arn!, 30_000)).toBe("Succeeded");
    const steps = await stepsOf(client, arn!);
    const tuningName = steps.Tune!.Metadata!.TuningJob!.Arn!.split("/").at(-1)!;
    expect(tuningName.length).toBeLessThanOrEqual(32);
    expect(tuningName).toMatch(new RegExp(`^pipelines-${arn!.split("/").at(-1)}-[a-z0-9]{9}$`));
    const tuning = await client.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: tuningName }));
    expect(tuning.HyperParameterTuningJobStatus).toBe("Completed");
    const refit = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: steps.Refit!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    expect(refit.HyperParameters?.best).toBe(tuning.BestTrainingJob?.TrainingJobName);
  });
});
