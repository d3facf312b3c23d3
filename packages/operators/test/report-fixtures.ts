import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";
import { definePipeline } from "../src/pipeline/define-pipeline.js";
import type { PipelineFailedError } from "../src/pipeline/pipeline-failed-error.js";
import { runPipeline } from "../src/pipeline/run-pipeline.js";
import { step } from "../src/pipeline/step.js";
import { createModel } from "../src/hosting/models.js";
import { runTrainingJob } from "../src/run-training-job.js";
import { emulatorHarness, type Harness } from "./fixtures.js";
import { fastTraining, rejection } from "./pipeline-fixtures.js";

/** SageMaker's built-in k-NN in us-east-1: the emulator runs it, so the job writes real log lines. */
const KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const BUCKET = "report-test";
export const TRAIN_FAILURE = "AlgorithmError: ran out of memory while building the index";

/** Twelve flowers of two species, label first, as k-NN reads CSV. */
const ROWS = [
  "0,5.1,3.5,1.4,0.2",
  "0,4.9,3.0,1.4,0.2",
  "0,4.7,3.2,1.3,0.2",
  "0,4.6,3.1,1.5,0.2",
  "0,5.0,3.6,1.4,0.2",
  "0,5.4,3.9,1.7,0.4",
  "1,7.0,3.2,4.7,1.4",
  "1,6.4,3.2,4.5,1.5",
  "1,6.9,3.1,4.9,1.5",
  "1,5.5,2.3,4.0,1.3",
  "1,6.5,2.8,4.6,1.5",
  "1,5.7,2.8,4.5,1.3",
].join("\n");

/** An Iris-like pipeline, prepare → upload → train (k-NN) → model → evaluate, all but train instant. */
function failingIrisPipeline(s3: S3Client) {
  const prepare = step({ id: "prepare", run: () => ({ csv: ROWS, rows: 12 }) });
  const upload = step({
    id: "upload",
    dependsOn: [prepare],
    run: async (ctx) => {
      await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
      const key = `${ctx.runId}/train/iris.csv`;
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: ctx.results.prepare.csv }));
      return { prefix: `s3://${BUCKET}/${ctx.runId}/train/` };
    },
  });
  const train = step({
    id: "train",
    dependsOn: [prepare, upload],
    run: (ctx) => {
      const config: CreateTrainingJobCommandInput = {
        TrainingJobName: ctx.jobName(),
        RoleArn: ROLE,
        AlgorithmSpecification: { TrainingImage: KNN_IMAGE, TrainingInputMode: "File" },
        HyperParameters: { feature_dim: "4", k: "3", predictor_type: "classifier", sample_size: String(ctx.results.prepare.rows) },
        InputDataConfig: [
          {
            ChannelName: "train",
            ContentType: "text/csv",
            DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: ctx.results.upload.prefix } },
          },
        ],
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/${ctx.runId}/output/` },
        ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      };
      return runTrainingJob(config, { ...ctx.jobOptions, checkIntervalSeconds: 10 });
    },
  });
  const model = step({
    id: "model",
    dependsOn: [train],
    run: (ctx) =>
      createModel(
        {
          ModelName: ctx.jobName(),
          ExecutionRoleArn: ROLE,
          PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts },
        },
        { client: ctx.client, clock: ctx.clock },
      ),
  });
  const evaluate = step({ id: "evaluate", dependsOn: [model], run: () => ({ accuracy: 1 }) });
  return definePipeline({ name: "iris", steps: [prepare, upload, train, model, evaluate] });
}

/** An emulator whose training jobs named `*-train` fail 30 s into their Training phase, 90 s after they start (fastTraining). */
function failingTrainingHarness(): Harness {
  return emulatorHarness({
    ...fastTraining,
    rules: [{ match: { name: /-train$/ }, outcome: { status: "Failed", failureReason: TRAIN_FAILURE, afterSeconds: 30 } }],
  });
}

const GROUP = "/aws/sagemaker/TrainingJobs";
/** What the failing job's container "prints" while training, as (seconds after the job starts, line). */
export const TRAIN_LINES: readonly (readonly [number, string])[] = [
  [61, "Reading 12 records from channel train"],
  [64, "Building the index (k=3, feature_dim=4)"],
  [70, "Traceback (most recent call last):"],
  [71, '  File "/opt/amazon/knn/index.py", line 88, in build'],
  [72, "MemoryError: cannot allocate 4096 MiB for <faiss> & its <index>"],
];

/**
 * A rule-failed job runs no container code, so its lines are written to its stream by hand, as
 * CloudWatch Logs would hold them, at their virtual times (the job starts with the run: the steps
 * before it take no virtual time).
 */
function writeTrainLines(h: Harness, job: string): void {
  const t0 = h.clock.now();
  const stream = `${job}/algo-1-${Math.floor(t0 / 1000)}`;
  for (const [seconds, message] of TRAIN_LINES) {
    const at = t0 + seconds * 1000;
    void h.clock.sleep(at - h.clock.now()).then(() => h.emulator.appendEvents(GROUP, stream, [{ timestamp: at, message }]));
  }
}

/** Runs the failing Iris-like pipeline with its log lines streamed and `report` written; answers its error and the job's lines. */
export async function failingIrisRun(
  report: string,
  h: Harness = failingTrainingHarness(),
): Promise<{ error: PipelineFailedError; lines: string[] }> {
  const s3 = h.emulator.s3Client(S3Client);
  const logs = h.emulator.logsClient(CloudWatchLogsClient);
  writeTrainLines(h, "iris-nightly-7-train");
  const error = await rejection(
    runPipeline(failingIrisPipeline(s3), { client: h.client, clock: h.clock, runId: "nightly-7", logs: { client: logs }, report }),
  );
  return { error, lines: await jobLines(logs, "iris-nightly-7-train") };
}

/** Every line the job wrote to CloudWatch Logs, read independently of the run. */
async function jobLines(logs: CloudWatchLogsClient, job: string): Promise<string[]> {
  const { DescribeLogStreamsCommand } = await import("@aws-sdk/client-cloudwatch-logs");
  const group = GROUP;
  const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: `${job}/` }));
  const lines: string[] = [];
  for (const stream of streams.logStreams ?? []) {
    const page = await logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: stream.logStreamName!, startFromHead: true }),
    );
    lines.push(...(page.events ?? []).map((e) => e.message ?? ""));
  }
  return lines;
}
