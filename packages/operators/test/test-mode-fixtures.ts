import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";
import type { EmulatorOptions, ImageCode } from "@sagerun/emulator";
import { emulatorHarness, trainingJobRequest, type Harness } from "./fixtures.js";

/** The sample config's S3OutputPath bucket, where its jobs' model artifacts go. */
export const BUCKET = "sagerun-sample";

/** The emulator harness with the sample config's output bucket in its S3, and an S3 client on it. */
export async function harnessWithBucket(options: EmulatorOptions): Promise<{ h: Harness; s3: S3Client }> {
  const h = emulatorHarness({ requireInputData: false, ...options });
  const s3 = h.emulator.s3Client(S3Client);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  return { h, s3 };
}

/** A production-sized training job, test mode's target: two ml.m5.4xlarge for up to a day. */
export function bigTraining(overrides: Partial<CreateTrainingJobCommandInput> = {}): CreateTrainingJobCommandInput {
  return trainingJobRequest({
    TrainingJobName: "trial",
    ResourceConfig: { InstanceType: "ml.m5.4xlarge", InstanceCount: 2, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
    ...overrides,
  });
}

/** The image of `accurateTrainer`. */
const TRAINER = "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-trainer:1";

/** Code that saves a model, reports test:accuracy 0.83 and ends after a minute: what the checks and budget tests run. */
const accurateTrainer: ImageCode = {
  image: TRAINER,
  train(_, io) {
    io.writeModel("model.txt", "m");
    io.metric("test:accuracy", 0.83);
    io.took(60);
  },
};

/** The bucketed harness running `accurateTrainer`. */
export const trainerHarness = (): Promise<{ h: Harness; s3: S3Client }> => harnessWithBucket({ images: [accurateTrainer] });

/**
 * `bigTraining` on `accurateTrainer`: 2 × 0.922 USD/h × 24 h ≈ 44.26 USD at the shipped prices; in
 * test mode one ml.m5.large for 600 s ≈ 0.019 USD.
 */
export function bigTrainerTraining(overrides: Partial<CreateTrainingJobCommandInput> = {}): CreateTrainingJobCommandInput {
  return bigTraining({ AlgorithmSpecification: { TrainingImage: TRAINER, TrainingInputMode: "File" }, ...overrides });
}
