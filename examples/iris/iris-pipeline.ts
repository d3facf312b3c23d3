import type { S3Client } from "@aws-sdk/client-s3";
import {
  artifactExists,
  definePipeline,
  logLine,
  metric,
  modelStep,
  step,
  trainingStep,
  transformRowCount,
  transformStep,
} from "@sagerun/operators";
import { ensureBucket, putText, readTexts } from "../shared/s3-objects.js";
import { parseIrisCsv, readIrisCsv, splitStratified, toCsv } from "./iris-data.js";
import { trainingSubset } from "./test-mode.js";

/** SageMaker's built-in k-NN in us-east-1 (developer guide, "Docker Registry Paths and Example Code"). */
export const KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1";

/** What the pipeline needs from outside: where the data goes, who runs the jobs, how often to look. */
export interface IrisPipelineSettings {
  readonly s3: S3Client;
  readonly bucket: string;
  /** Create the bucket when it is missing. */
  readonly createBucket: boolean;
  readonly roleArn: string;
  /** The k-NN image of the region the jobs run in. */
  readonly image: string;
  readonly checkIntervalSeconds: number;
  /**
   * Test mode: train on a stratified half of the data. Shrinking each job and checking its outputs
   * are runPipeline's `testMode` and `checks` options (see {@link irisChecks}).
   */
  readonly testMode?: boolean | undefined;
}

/**
 * What test mode checks of the jobs' outputs, by step, for runPipeline's `checks` option: the
 * model untars, k-NN scored the test channel well enough and logged its score, and the transform
 * answered every held-out flower (else the evaluation would compare the wrong rows). Reads S3 and
 * CloudWatch Logs: pass `checkClients: { s3, logs }`.
 */
export function irisChecks() {
  return {
    train: [artifactExists({ untars: true }), metric("test:accuracy", { min: 0.8 }), logLine("#test_score")],
    transform: [transformRowCount()],
  };
}

/**
 * The Iris pipeline: prepare the CSV → upload it → pick the training data (test mode: a stratified
 * half) → train k-NN → create a model → batch transform the held-out flowers → evaluate the
 * predictions. Train, model and transform are job steps, declared by their requests, so the same
 * pipeline runs in-process or compiles to a SageMaker Pipelines definition (`engine:
 * "sagemaker-pipelines"`), where prepare, upload and subset run here before the execution (their
 * results become its parameters) and evaluate after it. In-process every name derives from the run
 * id (`ctx.jobName()`, the S3 prefix), so running the same id again resumes: finished steps' jobs
 * are reused, a running one is waited for, nothing is created twice.
 */
export function irisPipeline(settings: IrisPipelineSettings) {
  const { s3, bucket, roleArn, image, checkIntervalSeconds, testMode } = settings;

  const prepare = step({
    id: "prepare",
    run: async () => {
      const { train, test } = splitStratified(parseIrisCsv(await readIrisCsv()));
      return {
        train: toCsv(train, { label: true }),
        test: toCsv(test, { label: true }),
        batch: toCsv(test, { label: false }),
        trainRows: train.length,
        labels: test.map((r) => r.label),
      };
    },
  });

  const upload = step({
    id: "upload",
    dependsOn: [prepare],
    run: async (ctx) => {
      const data = ctx.results.prepare;
      const prefix = `${ctx.pipelineName}/${ctx.runId}`;
      await ensureBucket(s3, bucket, settings.createBucket);
      await putText(s3, bucket, `${prefix}/train/iris.csv`, data.train);
      await putText(s3, bucket, `${prefix}/test/iris.csv`, data.test);
      await putText(s3, bucket, `${prefix}/batch/iris.csv`, data.batch);
      return { prefix };
    },
  });

  // The data the training job reads: an S3 write in test mode, so a step of its own, run here
  // before the job steps (on SageMaker Pipelines, its prefix and row count become parameters).
  const subset = step({
    id: "subset",
    dependsOn: [prepare, upload],
    run: async (ctx) => {
      const train = `s3://${bucket}/${ctx.results.upload.prefix}/train/`;
      return testMode ? await trainingSubset(s3, `${train}iris.csv`) : { prefix: train, rows: ctx.results.prepare.trainRows };
    },
  });

  const channel = (name: string, uri: string) => ({
    ChannelName: name,
    ContentType: "text/csv",
    DataSource: { S3DataSource: { S3DataType: "S3Prefix" as const, S3Uri: uri } },
  });

  // The production configuration; in test mode (runPipeline's testMode) a small version of it is
  // submitted, and the step's checks run on the finished job (in-process, through ctx.jobOptions).
  const train = trainingStep({
    id: "train",
    dependsOn: [upload, subset],
    request: (ctx) => {
      const { prefix } = ctx.results.upload;
      const data = ctx.results.subset;
      return {
        RoleArn: roleArn,
        AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: "File" },
        HyperParameters: { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: String(data.rows) },
        // k-NN scores the `test` channel after fitting: its accuracy comes back as test:accuracy.
        InputDataConfig: [channel("train", data.prefix), channel("test", `s3://${bucket}/${prefix}/test/`)],
        OutputDataConfig: { S3OutputPath: `s3://${bucket}/${prefix}/output/` },
        ResourceConfig: { InstanceType: "ml.m5.2xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      };
    },
    options: { checkIntervalSeconds },
  });

  // A model is created at once and costs nothing: a resumed in-process run reuses the one it made.
  const model = modelStep({
    id: "model",
    dependsOn: [train],
    request: (ctx) => ({
      ExecutionRoleArn: roleArn,
      PrimaryContainer: { Image: image, ModelDataUrl: ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts },
    }),
  });

  const transform = transformStep({
    id: "transform",
    dependsOn: [upload, model],
    request: (ctx) => {
      const { prefix } = ctx.results.upload;
      return {
        ModelName: ctx.results.model.ModelName,
        // One request per line, one JSON answer per line, in the input's order.
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${bucket}/${prefix}/batch/` } },
          ContentType: "text/csv",
          SplitType: "Line",
        },
        TransformOutput: { S3OutputPath: `s3://${bucket}/${prefix}/predictions/`, Accept: "application/jsonlines", AssembleWith: "Line" },
        TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
      };
    },
    options: { checkIntervalSeconds },
  });

  const evaluate = step({
    id: "evaluate",
    dependsOn: [prepare, upload, transform],
    run: async (ctx) => {
      const { labels } = ctx.results.prepare;
      // The transform writes <input key>.out for each input object: here one, batch/iris.csv.
      const outputs = await readTexts(s3, bucket, `${ctx.results.upload.prefix}/predictions/`, ".out");
      const predictions = [...outputs.values()].flatMap((text) =>
        text
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => (JSON.parse(line) as { predicted_label: number }).predicted_label),
      );
      if (predictions.length !== labels.length) {
        throw new Error(`Expected ${labels.length} predictions, one per held-out flower; the transform wrote ${predictions.length}.`);
      }
      const correct = predictions.filter((label, i) => label === labels[i]).length;
      return { accuracy: correct / labels.length, correct, total: labels.length };
    },
  });

  return definePipeline({ name: "iris", steps: [prepare, upload, subset, train, model, transform, evaluate] });
}
