import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { CreatePipelineCommand, DescribeTrainingJobCommand, StartPipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { ImageCode } from "../../src/index.js";
import { definition, pipelineEmulator, ROLE_ARN, stepsOf, trainingArguments, untilEnded } from "./harness.js";

const EVAL_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/evaluate:1";

/** Writes the evaluation report a PropertyFile names, as the SDK's abalone example's evaluate.py does. */
const evaluator = (accuracy: number): ImageCode => ({
  image: EVAL_IMAGE,
  process(_input, io) {
    io.writeOutput("evaluation", "evaluation.json", JSON.stringify({ metrics: { accuracy: { value: accuracy } } }));
  },
});

/**
 * [DOC] SDK workflow/properties.py PropertyFile and functions.py JsonGet: a processing step declares
 * `PropertyFiles`; `Std:JsonGet` reads a path of that JSON file, written by the job to its output,
 * once the step has Succeeded. A Condition step gates on it; a later step reads it as a value.
 */
describe("PropertyFiles and Std:JsonGet", () => {
  const text = definition([
    {
      Name: "Evaluate",
      Type: "Processing",
      Arguments: {
        RoleArn: ROLE_ARN,
        AppSpecification: { ImageUri: EVAL_IMAGE },
        ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 30 } },
        ProcessingOutputConfig: {
          Outputs: [
            {
              OutputName: "evaluation",
              S3Output: {
                S3Uri: { "Std:Join": { On: "/", Values: ["s3://models/eval", { Get: "Execution.PipelineExecutionId" }] } },
                LocalPath: "/opt/ml/processing/evaluation",
                S3UploadMode: "EndOfJob",
              },
            },
          ],
        },
      },
      PropertyFiles: [{ PropertyFileName: "EvaluationReport", OutputName: "evaluation", FilePath: "evaluation.json" }],
    },
    {
      Name: "GoodEnough",
      Type: "Condition",
      Arguments: {
        Conditions: [
          {
            Type: "GreaterThanOrEqualTo",
            LeftValue: {
              "Std:JsonGet": { PropertyFile: { Get: "Steps.Evaluate.PropertyFiles.EvaluationReport" }, Path: "metrics.accuracy.value" },
            },
            RightValue: 0.9,
          },
        ],
        IfSteps: [
          {
            Name: "Retrain",
            Type: "Training",
            Arguments: trainingArguments({
              HyperParameters: {
                accuracy: {
                  "Std:Join": {
                    On: "",
                    Values: [
                      {
                        "Std:JsonGet": {
                          PropertyFile: { Get: "Steps.Evaluate.PropertyFiles.EvaluationReport" },
                          Path: "metrics.accuracy.value",
                        },
                      },
                    ],
                  },
                },
                eval_output: { Get: "Steps.Evaluate.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri" },
              },
            }),
          },
        ],
        ElseSteps: [],
      },
    },
  ]);

  async function run(accuracy: number) {
    const { clock, client, emulator } = pipelineEmulator({ images: [evaluator(accuracy)] });
    await emulator.s3Client(S3Client).send(new CreateBucketCommand({ Bucket: "models" }));
    await client.send(new CreatePipelineCommand({ PipelineName: "eval", RoleArn: ROLE_ARN, PipelineDefinition: text }));
    const { PipelineExecutionArn: arn } = await client.send(new StartPipelineExecutionCommand({ PipelineName: "eval" }));
    expect(await untilEnded(clock, client, arn!)).toBe("Succeeded");
    return { client, arn: arn!, steps: await stepsOf(client, arn!) };
  }

  it("reads the report the processing job wrote, and selects an output by its OutputName", async () => {
    const { client, arn, steps } = await run(0.95);
    expect(steps.GoodEnough!.Metadata).toEqual({ Condition: { Outcome: "True" } });
    const job = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: steps.Retrain!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    expect(job.HyperParameters).toEqual({ accuracy: "0.95", eval_output: `s3://models/eval/${arn.split("/").at(-1)}` });
  });

  it("takes no branch step when the report's value fails the condition (an empty else branch)", async () => {
    const { steps } = await run(0.5);
    expect(steps.GoodEnough!.Metadata).toEqual({ Condition: { Outcome: "False" } });
    expect(Object.keys(steps).sort()).toEqual(["Evaluate", "GoodEnough"]);
  });
});
