import { GetObjectCommand } from "@aws-sdk/client-s3";
import {
  CreatePipelineCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  StartPipelineExecutionCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { ROLE_ARN } from "../fixtures.js";
import { irisEmulator, predictedLabels } from "../fixtures/iris-pipeline.js";
import { describeExecution, stepsOf, untilEnded } from "./harness.js";
import { irisDefinition } from "./iris-definition.js";

/**
 * Issue 12's Iris pipeline as a SageMaker Pipelines definition: the execution's steps create the
 * same jobs the in-process pipeline does (test/data-plane/iris-pipeline.e2e.test.ts), which really
 * train k-NN and transform the test set; accuracy comes from the transform's output objects.
 */
describe("the Iris pipeline as a SageMaker Pipelines execution", () => {
  async function setUp(threshold?: string) {
    const { clock, sagemaker: client, s3, test } = await irisEmulator();
    await client.send(new CreatePipelineCommand({ PipelineName: "iris", RoleArn: ROLE_ARN, PipelineDefinition: irisDefinition(ROLE_ARN) }));
    const { PipelineExecutionArn } = await client.send(
      new StartPipelineExecutionCommand({
        PipelineName: "iris",
        ...(threshold !== undefined ? { PipelineParameters: [{ Name: "AccuracyThreshold", Value: threshold }] } : {}),
      }),
    );
    return { clock, client, s3, test, arn: PipelineExecutionArn! };
  }

  it("trains k-NN, creates its model and transforms the test set with accuracy ≥ 0.9", async () => {
    const { clock, client, s3, test, arn } = await setUp();
    expect(await untilEnded(clock, client, arn, 30_000)).toBe("Succeeded");
    const steps = await stepsOf(client, arn);
    expect(Object.keys(steps).sort()).toEqual(["CheckAccuracy", "IrisModel-CreateModel", "IrisTrain", "IrisTransform"]);
    expect(steps.CheckAccuracy!.Metadata).toEqual({ Condition: { Outcome: "True" } });
    expect(steps["IrisModel-CreateModel"]!.Metadata!.Model!.Arn).toMatch(
      /:model\/pipelines-[a-z0-9]{12}-irismodel-createmodel-[a-z0-9]{10}$/,
    );

    const training = await client.send(
      new DescribeTrainingJobCommand({ TrainingJobName: steps.IrisTrain!.Metadata!.TrainingJob!.Arn!.split("/").at(-1)! }),
    );
    expect(training.HyperParameters?.k).toBe("5");
    expect(training.FinalMetricDataList?.find((m) => m.MetricName === "test:accuracy")?.Value).toBeGreaterThanOrEqual(0.9);
    const transform = await client.send(
      new DescribeTransformJobCommand({ TransformJobName: steps.IrisTransform!.Metadata!.TransformJob!.Arn!.split("/").at(-1)! }),
    );
    expect(transform.TransformJobStatus).toBe("Completed");
    const id = arn.split("/").at(-1)!;
    expect(transform.TransformOutput?.S3OutputPath).toBe(`s3://iris/predictions/${id}`);

    const out = await s3.send(new GetObjectCommand({ Bucket: "iris", Key: `predictions/${id}/iris.csv.out` }));
    const predictions = predictedLabels(await out.Body!.transformToString());
    expect(predictions).toHaveLength(test.length);
    const accuracy = predictions.filter((label, i) => label === test[i]!.label).length / test.length;
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("ends in the Fail step when the accuracy is below the threshold given at start", async () => {
    const { clock, client, arn } = await setUp("1.01");
    expect(await untilEnded(clock, client, arn, 30_000)).toBe("Failed");
    const steps = await stepsOf(client, arn);
    expect(Object.keys(steps).sort()).toEqual(["AccuracyTooLow", "CheckAccuracy", "IrisTrain"]);
    expect(steps.AccuracyTooLow!.FailureReason).toBe("Test accuracy is below 1.01");
    expect((await describeExecution(client, arn)).FailureReason).toBe("Step failure: One or multiple steps failed.");
  });
});
