import { DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest } from "../../../test/fixtures.js";
import { fastTraining } from "../../../test/pipeline-fixtures.js";
import { definePipeline } from "../define-pipeline.js";
import { runPipeline } from "../run-pipeline.js";
import { modelStep, trainingStep } from "./steps.js";

const { TrainingJobName: _, ...training } = trainingJobRequest();

function trainThenModel() {
  const train = trainingStep({
    id: "train",
    request: (ctx) => ({ ...training, OutputDataConfig: { S3OutputPath: `s3://sagerun-sample/${ctx.runId}/output` } }),
    options: { checkIntervalSeconds: 5 },
  });
  const model = modelStep({
    id: "model",
    dependsOn: [train],
    request: (ctx) => ({
      ExecutionRoleArn: training.RoleArn,
      PrimaryContainer: { Image: "img", ModelDataUrl: ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts },
    }),
  });
  return definePipeline({ name: "jobs", steps: [train, model] });
}

describe("job steps, in-process", () => {
  it("run the operator on request(ctx) under ctx.jobName() with ctx.jobOptions: the operator's result, resumable by run id", async () => {
    const h = emulatorHarness(fastTraining);
    const run = await runPipeline(trainThenModel(), { client: h.client, clock: h.clock, runId: "r1" });
    const { train, model } = run.steps;
    expect(train.result).toMatchObject({ jobName: "jobs-r1-train", created: true, description: { TrainingJobStatus: "Completed" } });
    expect(train.result.description.OutputDataConfig?.S3OutputPath).toBe("s3://sagerun-sample/r1/output");
    expect(model.result).toMatchObject({
      ModelName: "jobs-r1-model",
      PrimaryContainer: { ModelDataUrl: train.result.description.ModelArtifacts?.S3ModelArtifacts },
    });
    // Tagged with the step's run id, like any step that spreads ctx.jobOptions.
    const described = await h.client.send(new DescribeTrainingJobCommand({ TrainingJobName: "jobs-r1-train" }));
    expect(described.TrainingJobName).toBe("jobs-r1-train");

    // The same run id again: the job is reattached to and the model reused, nothing created twice.
    const again = await runPipeline(trainThenModel(), { client: h.client, clock: h.clock, runId: "r1" });
    expect(again.steps.train.result.created).toBe(false);
    expect(h.count("CreateTrainingJobCommand")).toBe(1);
    expect(again.steps.model.result.ModelArn).toBe(model.result.ModelArn);
  });

  it("take runPipeline's testMode like any operator spreading ctx.jobOptions", async () => {
    const h = emulatorHarness(fastTraining);
    const run = await runPipeline(trainThenModel(), { client: h.client, clock: h.clock, runId: "r1", testMode: true });
    expect(run.steps.train.result.testMode?.changes.map((c) => c.path)).toEqual([
      "ResourceConfig.InstanceType",
      "StoppingCondition.MaxRuntimeInSeconds",
    ]);
    expect(run.steps.train.result.description.StoppingCondition?.MaxRuntimeInSeconds).toBe(600);
  });

  it("refuse a request that is not a function, and an id that is no step name", () => {
    expect(() => trainingStep({ id: "t", request: training as never })).toThrow(
      /^Failed to define training job step 't': request \[\[object Object\]\] must be a function\. Please pass request: \(ctx\) => \(\{ … \}\), the Create request without TrainingJobName\.$/,
    );
    expect(() => modelStep({ id: "no spaces", request: () => ({}) })).toThrow(/its id \[no spaces\] must be 1 to 64 letters/);
  });
});
