import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest } from "../../../test/fixtures.js";
import { artifactExists } from "../../test-mode/checks/artifact-exists.js";
import { definePipeline } from "../define-pipeline.js";
import { trainingStep } from "../job-steps/steps.js";
import { runPipeline } from "../run-pipeline.js";
import { step } from "../step.js";

const { TrainingJobName: _, ...training } = trainingJobRequest();
const roleArn = "arn:aws:iam::123456789012:role/SageMakerRole";

describe("runPipeline's engine option, refused before anything is sent", () => {
  const h = emulatorHarness();
  const train = trainingStep({ id: "train", request: () => training });
  const pipeline = definePipeline({ name: "p", steps: [train] });
  const base = { client: h.client, clock: h.clock, runId: "r1" };

  it.each([
    [{ engine: "airflow" }, 'Option engine [airflow] of pipeline \'p\' must be "in-process" or "sagemaker-pipelines".'],
    [{ engine: "sagemaker-pipelines" }, /^Option roleArn \[undefined\] of pipeline 'p' must be the IAM role the execution runs with/],
    [{ engine: "sagemaker-pipelines", roleArn: "SageMakerRole" }, /^Option roleArn \[SageMakerRole\]/],
    [
      { engine: "sagemaker-pipelines", roleArn, checkIntervalSeconds: 0 },
      "Option checkIntervalSeconds [0] of pipeline 'p' must be a number of seconds greater than 0.",
    ],
    [
      { engine: "sagemaker-pipelines", roleArn, checks: { train: [artifactExists()] }, checkClients: { s3: { send: async () => ({}) } } },
      /^Option checks \[train\] of pipeline 'p' cannot run on the sagemaker-pipelines engine/,
    ],
  ])("%o", async (options, message) => {
    await expect(runPipeline(pipeline, { ...base, ...(options as object) })).rejects.toThrow(message);
    expect(h.calls).toEqual([]);
  });

  it("compiles first: a step() between job steps fails the run before any call", async () => {
    const pick = step({ id: "pick", dependsOn: [train], run: () => 1 });
    const again = trainingStep({ id: "again", dependsOn: [pick], request: () => training });
    const between = definePipeline({ name: "p", steps: [train, pick, again] });
    await expect(runPipeline(between, { ...base, engine: "sagemaker-pipelines", roleArn })).rejects.toThrow(
      /step 'pick' runs in-process between job steps/,
    );
    expect(h.calls).toEqual([]);
  });
});
