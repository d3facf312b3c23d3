import {
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { ImageCode } from "../../src/index.js";
import { channel, dataPlane, modelKey, OWN_IMAGE, S, TRAINING, trainingRequest } from "./harness.js";

/** Code that reports how long it ran (TrainingIO.took): the phase lasts that long on the virtual clock. */
const taking = (seconds: number): ImageCode => ({
  image: OWN_IMAGE,
  train(_, io) {
    io.writeModel("model.txt", "m");
    io.took(seconds);
  },
  process(_, io) {
    io.writeOutput("out", "result.txt", "r");
    io.took(seconds);
  },
});

async function train(code: ImageCode, maxRuntimeSeconds = 86_400) {
  const env = await dataPlane({ images: [code] });
  await env.put("own/train/part-1.csv", "1,2\n");
  await env.sagemaker.send(
    new CreateTrainingJobCommand(
      trainingRequest("own", OWN_IMAGE, {
        InputDataConfig: [channel("train", "own/train/")],
        StoppingCondition: { MaxRuntimeInSeconds: maxRuntimeSeconds },
      }),
    ),
  );
  return env;
}

describe("code that reports how long it took", () => {
  it("makes the Training phase last what the code said, so Uploading and Completed move with it", async () => {
    const env = await train(taking(10));
    await env.clock.advanceTo(env.t0 + TRAINING.training + 10 * S - 1);
    let job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "own" }));
    expect(job.SecondaryStatus).toBe("Training");
    await env.clock.advanceTo(env.t0 + TRAINING.training + 10 * S);
    job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "own" }));
    expect(job.SecondaryStatus).toBe("Uploading");
    await env.clock.advance(3600 * S);
    job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "own" }));
    expect(job.TrainingJobStatus).toBe("Completed");
    expect(await env.text(modelKey("own")).catch(() => "missing")).not.toBe("missing");
  });

  it("is stopped by MaxRuntimeInSeconds when the run takes longer, keeping the model it wrote ([DOC] StoppingCondition)", async () => {
    const env = await train(taking(7200), 3600);
    await env.clock.advance(24 * 3600 * S);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "own" }));
    expect([job.TrainingJobStatus, job.SecondaryStatus]).toEqual(["Stopped", "MaxRuntimeExceeded"]);
    expect(job.BillableTimeInSeconds).toBe(3600);
    expect(await env.text(modelKey("own")).catch(() => "missing")).not.toBe("missing");
  });

  it("fails the job with AlgorithmError when the reported time is not a number of seconds", async () => {
    const env = await train(taking(Number.NaN));
    await env.clock.advance(24 * 3600 * S);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "own" }));
    expect(job.FailureReason).toMatch(/^AlgorithmError: took\(NaN\)/);
  });

  it("sets a processing job's running time the same way", async () => {
    const env = await dataPlane({ images: [taking(30)] });
    await env.sagemaker.send(
      new CreateProcessingJobCommand({
        ProcessingJobName: "prep",
        RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
        AppSpecification: { ImageUri: OWN_IMAGE },
        ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: "ml.m5.xlarge", VolumeSizeInGB: 30 } },
        ProcessingOutputConfig: {
          Outputs: [
            {
              OutputName: "out",
              S3Output: { S3Uri: "s3://data/prep/out/", LocalPath: "/opt/ml/processing/out", S3UploadMode: "EndOfJob" },
            },
          ],
        },
      }),
    );
    const describe = () => env.sagemaker.send(new DescribeProcessingJobCommand({ ProcessingJobName: "prep" }));
    await env.clock.advanceTo(env.t0 + 60 * S + 30 * S - 1);
    expect((await describe()).ProcessingJobStatus).toBe("InProgress");
    await env.clock.advanceTo(env.t0 + 60 * S + 30 * S);
    expect((await describe()).ProcessingJobStatus).toBe("Completed");
    expect(await env.text("prep/out/result.txt")).toBe("r");
  });
});
