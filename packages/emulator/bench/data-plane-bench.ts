/**
 * What computing costs: the built-in algorithms on Iris, the Iris pipeline end to end on virtual
 * time, and InvokeEndpoint in-process. Figures, not assertions; medians of repeated runs.
 * Run with `pnpm bench` from the repository root.
 */
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { VirtualClock } from "@sagerun/transport";
import { performance } from "node:perf_hooks";
import { knn } from "../src/algorithms/knn/knn.js";
import { linearLearner } from "../src/algorithms/linear-learner/linear-learner.js";
import { runTraining, csvChannel } from "../src/algorithms/test-support.js";
import { xgboost } from "../src/algorithms/xgboost/xgboost.js";
import { createEmulator } from "../src/index.js";
import { irisCsv, irisSplit } from "../test/fixtures/iris.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const KNN = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1";
const { train, test } = irisSplit();
const trainCsv = irisCsv({ label: true }, train);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

console.log("built-in algorithms, training on Iris (120 rows, 4 features)");
const algorithms = [
  [
    "k-NN (k=5)",
    () => runTraining(knn, { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: "200" }, { train: csvChannel(trainCsv) }),
  ],
  [
    "linear learner (multiclass, 15 epochs)",
    () =>
      runTraining(
        linearLearner,
        { feature_dim: "4", predictor_type: "multiclass_classifier", num_classes: "3" },
        { train: csvChannel(trainCsv) },
      ),
  ],
  [
    "XGBoost (multi:softprob, 50 rounds)",
    () => runTraining(xgboost, { num_round: "50", objective: "multi:softprob", num_class: "3" }, { train: csvChannel(trainCsv) }),
  ],
] as const;
for (const [label, run] of algorithms) console.log(`  ${label.padEnd(42)} ${(await medianMs(9, run)).toFixed(1).padStart(8)} ms`);

/** The Iris pipeline on a manual virtual clock: train, transform, deploy; wall time against virtual time. */
async function pipeline(): Promise<{ wallMs: number; virtualMs: number; invokeMs: number }> {
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ clock });
  const sagemaker = emulator.client();
  const s3 = emulator.s3Client(S3Client);
  const start = performance.now();
  const t0 = clock.now();
  await s3.send(new CreateBucketCommand({ Bucket: "iris" }));
  await s3.send(new PutObjectCommand({ Bucket: "iris", Key: "train/iris.csv", Body: trainCsv }));
  await s3.send(new PutObjectCommand({ Bucket: "iris", Key: "batch/iris.csv", Body: irisCsv({ label: false }, test) }));
  await sagemaker.send(
    new CreateTrainingJobCommand({
      TrainingJobName: "iris",
      RoleArn: ROLE,
      AlgorithmSpecification: { TrainingImage: KNN, TrainingInputMode: "File" },
      HyperParameters: { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: "200" },
      InputDataConfig: [
        {
          ChannelName: "train",
          ContentType: "text/csv",
          DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://iris/train/" } },
        },
      ],
      OutputDataConfig: { S3OutputPath: "s3://iris/output/" },
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    }),
  );
  const until = async (done: () => Promise<boolean>) => {
    while (!(await done())) await clock.advance(30_000);
  };
  await until(
    async () => (await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "iris" }))).TrainingJobStatus === "Completed",
  );
  await sagemaker.send(
    new CreateModelCommand({
      ModelName: "iris",
      ExecutionRoleArn: ROLE,
      PrimaryContainer: { Image: KNN, ModelDataUrl: "s3://iris/output/iris/output/model.tar.gz" },
    }),
  );
  await sagemaker.send(
    new CreateTransformJobCommand({
      TransformJobName: "iris",
      ModelName: "iris",
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://iris/batch/" } },
        ContentType: "text/csv",
        SplitType: "Line",
      },
      TransformOutput: { S3OutputPath: "s3://iris/out/", Accept: "application/jsonlines", AssembleWith: "Line" },
      TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 },
    }),
  );
  await until(
    async () => (await sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "iris" }))).TransformJobStatus === "Completed",
  );
  await sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "iris",
      ProductionVariants: [{ VariantName: "AllTraffic", ModelName: "iris", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
    }),
  );
  await sagemaker.send(new CreateEndpointCommand({ EndpointName: "iris", EndpointConfigName: "iris" }));
  await clock.advance(3600_000);
  const wallMs = performance.now() - start;
  const virtualMs = clock.now() - t0;
  const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
  const row = irisCsv({ label: false }, test.slice(0, 1)).trim();
  const invokeMs =
    (await medianMs(5, async () => {
      for (let i = 0; i < 200; i++)
        await runtime.send(new InvokeEndpointCommand({ EndpointName: "iris", ContentType: "text/csv", Body: row }));
    })) / 200;
  return { wallMs, virtualMs, invokeMs };
}

const runs = [];
for (let i = 0; i < 5; i++) runs.push(await pipeline());
console.log("Iris pipeline in-process (S3 → k-NN → model.tar.gz → batch transform → endpoint), manual virtual clock, 30 s polls");
console.log(
  `  wall time                                  ${median(runs.map((r) => r.wallMs))
    .toFixed(0)
    .padStart(8)} ms`,
);
console.log(`  virtual time                               ${(median(runs.map((r) => r.virtualMs)) / 60_000).toFixed(0).padStart(8)} min`);
console.log(
  `  SDK InvokeEndpoint (one Iris row)          ${median(runs.map((r) => r.invokeMs))
    .toFixed(3)
    .padStart(8)} ms/call`,
);
