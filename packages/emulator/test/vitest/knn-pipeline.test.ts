import { CreateBucketCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  type DescribeTrainingJobResponse,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { emulatorTest, withEmulator } from "@sagerun/emulator/vitest";
import { expect } from "vitest";

// The code under test, as it would sit in your app: upload the rows, train k-NN on them, wait.
// It polls on the clock it is given (the system clock in production), so a test can play it in virtual time.
async function trainKnn(
  { s3, sagemaker, clock }: { s3: S3Client; sagemaker: SageMakerClient; clock: { sleep(ms: number): Promise<void> } },
  rows: string,
): Promise<DescribeTrainingJobResponse> {
  await s3.send(new CreateBucketCommand({ Bucket: "ml-data" }));
  await s3.send(new PutObjectCommand({ Bucket: "ml-data", Key: "knn/train/rows.csv", Body: rows }));
  await sagemaker.send(
    new CreateTrainingJobCommand({
      TrainingJobName: "knn-nightly",
      RoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
      AlgorithmSpecification: { TrainingImage: "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1", TrainingInputMode: "File" },
      HyperParameters: { feature_dim: "2", k: "1", predictor_type: "classifier", sample_size: "4" },
      InputDataConfig: [
        {
          ChannelName: "train",
          ContentType: "text/csv",
          DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://ml-data/knn/train/" } },
        },
      ],
      OutputDataConfig: { S3OutputPath: "s3://ml-data/knn/output/" },
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    }),
  );
  for (;;) {
    const job = await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "knn-nightly" }));
    if (job.TrainingJobStatus !== "InProgress" && job.TrainingJobStatus !== "Stopping") return job;
    await clock.sleep(30_000);
  }
}

// CSV, the label first: two points of class 0, two of class 1.
const ROWS = "0,1.0,1.1\n0,0.9,1.0\n1,5.0,5.2\n1,5.1,4.9\n";

// The code waits on the clock, so let it skip ahead whenever everybody waits.
const test = withEmulator({ autoAdvance: true });

test("trains k-NN once on an ml.m5.large and leaves no job running", async ({ emulator, s3, sagemaker, clock }) => {
  const job = await trainKnn({ s3, sagemaker, clock }, ROWS);

  expect(job.TrainingJobStatus).toBe("Completed");
  expect(job.ModelArtifacts?.S3ModelArtifacts).toBe("s3://ml-data/knn/output/knn-nightly/output/model.tar.gz");
  expect(emulator).toHaveReceived("CreateTrainingJob", { times: 1, with: { ResourceConfig: { InstanceType: "ml.m5.large" } } });
  expect(emulator).toHaveReceivedInOrder(["CreateBucket", "PutObject", "CreateTrainingJob"]);
  expect(emulator).toHaveNoJobsRunning();
});

// On the default manual clock, time moves only when the test says so: here, while the code still waits.
emulatorTest("finds the job running until the test moves time past its end", async ({ emulator, s3, sagemaker, clock }) => {
  const training = trainKnn({ s3, sagemaker, clock }, ROWS);
  await expect.poll(() => clock.pendingSleepers).toBe(1); // the code now waits on the clock, its job running
  expect(emulator).not.toHaveNoJobsRunning();

  await clock.advance(60 * 60_000);
  expect((await training).TrainingJobStatus).toBe("Completed");
  expect(emulator).toHaveNoJobsRunning();
});
