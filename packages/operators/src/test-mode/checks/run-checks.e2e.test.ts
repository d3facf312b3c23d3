import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  type DescribeTrainingJobCommandOutput,
} from "@aws-sdk/client-sagemaker";
import { createEmulator } from "@sagerun/emulator";
import { VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { OutputCheckFailedError } from "../../errors/output-check-failed-error.js";
import { SagerunError } from "../../errors/sagerun-error.js";
import type { JobDescription, JobKind } from "../../job-kinds/job-kind.js";
import { trainingJob } from "../../job-kinds/training.js";
import { transformJob } from "../../job-kinds/transform.js";
import { toJsonSafe } from "../../json-safe.js";
import { artifactExists } from "./artifact-exists.js";
import { logLine } from "./log-line.js";
import { metric } from "./metric.js";
import { runChecks } from "./run-checks.js";
import { transformRowCount } from "./transform-row-count.js";

const KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1";
const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";
/** Round phase durations (as the emulator's data-plane harness): training completes 420 s after Create, a transform 660 s. */
const DURATIONS = {
  startingSeconds: 60,
  downloadingSeconds: 30,
  trainingSeconds: 300,
  uploadingSeconds: 30,
  provisioningSeconds: 60,
  runningSeconds: 600,
};
const TRAINED_MS = 420_000;
const TRANSFORMED_MS = 660_000;

/** Two clusters, three points each; the test set's last row is labelled wrong, so k = 1 scores 0.75. */
const TRAIN = "0,0,0\n0,0,1\n0,1,0\n1,10,10\n1,9,9\n1,10,9\n";
const TEST = "0,1,1\n1,9,10\n0,0,2\n0,8,9\n";

/** The emulator on a manual clock, its real SDK clients, and bucket `data`; jobs run by advancing time. */
async function bench() {
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ clock, durations: DURATIONS });
  const sagemaker = emulator.client();
  const s3 = emulator.s3Client(S3Client);
  const logs = emulator.logsClient(CloudWatchLogsClient);
  await s3.send(new CreateBucketCommand({ Bucket: "data" }));
  const put = (key: string, body: string) => s3.send(new PutObjectCommand({ Bucket: "data", Key: key, Body: body }));
  const describeJob = async <I extends object, O extends object, S extends string>(kind: JobKind<I, O, S>, name: string) => {
    const { $metadata: _, ...output } = (await kind.commands.describe(sagemaker, name)) as O & { $metadata: unknown };
    return toJsonSafe(output) as JobDescription<O>;
  };
  const train = async (name: string, featureDim = "2") => {
    await put(`${name}/train/points.csv`, TRAIN);
    await put(`${name}/test/points.csv`, TEST);
    const channel = (channelName: string) => ({
      ChannelName: channelName,
      ContentType: "text/csv",
      DataSource: { S3DataSource: { S3DataType: "S3Prefix" as const, S3Uri: `s3://data/${name}/${channelName}/` } },
    });
    await sagemaker.send(
      new CreateTrainingJobCommand({
        TrainingJobName: name,
        RoleArn: ROLE_ARN,
        AlgorithmSpecification: { TrainingImage: KNN_IMAGE, TrainingInputMode: "File" },
        HyperParameters: { feature_dim: featureDim, k: "1", predictor_type: "classifier", sample_size: "6" },
        InputDataConfig: [channel("train"), channel("test")],
        OutputDataConfig: { S3OutputPath: "s3://data/output/" },
        ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      }),
    );
    await clock.advance(TRAINED_MS);
    return describeJob(trainingJob, name);
  };
  return { clock, sagemaker, s3, logs, put, describeJob, train, clients: { s3, logs } };
}

/** What `runChecks` threw. */
async function failure(run: Promise<unknown>): Promise<OutputCheckFailedError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof OutputCheckFailedError)) throw new Error(`expected OutputCheckFailedError, got ${String(err)}`);
  return err;
}

describe(runChecks.name, () => {
  it("passes a trained k-NN's artifact, metric bound and log line, and reports what each found", async () => {
    const env = await bench();
    const trained = await env.train("tiny-knn");
    expect(trained.TrainingJobStatus).toBe("Completed");

    const results = await runChecks(
      trainingJob,
      trained,
      [
        artifactExists({ nonEmpty: true, untars: true }),
        metric("test:accuracy", { min: 0.7, max: 0.8 }),
        logLine(/#test_score \(algo-1\)/),
      ],
      env.clients,
    );

    expect(results).toEqual([
      {
        check: "artifactExists (non-empty, untars)",
        ok: true,
        found: expect.stringMatching(
          /^\d+ bytes at s3:\/\/data\/output\/tiny-knn\/output\/model\.tar\.gz holding [1-9]\d* files? \(\d+ bytes\)$/,
        ),
        expected: "a non-empty gzip'd tar at ModelArtifacts.S3ModelArtifacts",
      },
      { check: "metric test:accuracy in [0.7, 0.8]", ok: true, found: "0.75", expected: "in [0.7, 0.8]" },
      {
        check: "logLine /#test_score \\(algo-1\\)/",
        ok: true,
        found: expect.stringMatching(/^"#test_score \(algo-1\) : \('accuracy', 0\.75\)" in tiny-knn\/algo-1-\d+$/),
        expected: "a line matching /#test_score \\(algo-1\\)/",
      },
    ]);
  });

  it("fails a metric below its bound and a log pattern no line matches, naming each with the value found", async () => {
    const env = await bench();
    const trained = await env.train("tiny-knn");

    const err = await failure(
      runChecks(
        trainingJob,
        trained,
        [metric("test:accuracy", { min: 0.9 }), logLine("Traceback"), metric("train:loss", { max: 1 })],
        env.clients,
      ),
    );

    const lines = err.results[1]!.found.match(/among (\d+) lines/)![1];
    expect(err.message).toBe(
      "Output check metric test:accuracy ≥ 0.9 failed: found 0.75; " +
        `output check logLine "Traceback" failed: found no match among ${lines} lines in 1 stream /aws/sagemaker/TrainingJobs/tiny-knn/…; ` +
        "output check metric train:loss ≤ 1 failed: found no train:loss in FinalMetricDataList (it has test:accuracy). " +
        "Training job 'tiny-knn' passed 0 of 3 output checks.",
    );
    expect(Number(lines)).toBeGreaterThan(0);
    expect(SagerunError.is(err) && err.code).toBe("OutputCheckFailed");
    expect(err).toMatchObject({ name: "OutputCheckFailedError", jobKind: "training job", jobName: "tiny-knn" });
    expect(err.results.map((r) => [r.check, r.ok, r.expected])).toEqual([
      ["metric test:accuracy ≥ 0.9", false, "≥ 0.9"],
      ['logLine "Traceback"', false, 'a line matching "Traceback"'],
      ["metric train:loss ≤ 1", false, "≤ 1"],
    ]);
  });

  it("fails artifactExists for a job that failed before uploading the model its description names", async () => {
    const env = await bench();
    // feature_dim 3 on two-feature rows: k-NN refuses the data and the job fails.
    const failed = await env.train("wrong-dim", "3");
    expect(failed.TrainingJobStatus).toBe("Failed");

    const err = await failure(runChecks(trainingJob, failed, [artifactExists()], env.clients));

    expect(err.message).toBe(
      "Output check artifactExists failed: found no object at s3://data/output/wrong-dim/output/model.tar.gz (job status Failed). " +
        "Training job 'wrong-dim' passed 0 of 1 output checks.",
    );
  });

  it("fails artifactExists when the object is gone, and untars when it is not a gzip'd tar", async () => {
    const env = await bench();
    const trained = await env.train("tiny-knn");
    const moved = { ...trained, ModelArtifacts: { S3ModelArtifacts: "s3://data/output/elsewhere/model.tar.gz" } };
    await env.put("output/plain/model.tar.gz", "not a tarball");
    const plain = { ...trained, ModelArtifacts: { S3ModelArtifacts: "s3://data/output/plain/model.tar.gz" } };

    const gone = await failure(runChecks(trainingJob, moved, [artifactExists()], env.clients));
    const broken = await failure(runChecks(trainingJob, plain, [artifactExists({ untars: true })], env.clients));

    expect(gone.message).toBe(
      "Output check artifactExists failed: found no object at s3://data/output/elsewhere/model.tar.gz. " +
        "Training job 'tiny-knn' passed 0 of 1 output checks.",
    );
    expect(broken.message).toBe(
      "Output check artifactExists (untars) failed: found s3://data/output/plain/model.tar.gz, which does not untar: " +
        "incorrect header check. Training job 'tiny-knn' passed 0 of 1 output checks.",
    );
  });

  it("counts a batch transform's output rows against its input's, and fails when they differ", async () => {
    const env = await bench();
    const trained = await env.train("tiny-knn");
    await env.sagemaker.send(
      new CreateModelCommand({
        ModelName: "tiny-knn",
        ExecutionRoleArn: ROLE_ARN,
        PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: trained.ModelArtifacts!.S3ModelArtifacts! },
      }),
    );
    // A blank line is no record: SplitType Line skips it, and so does the count.
    await env.put("batch/a.csv", "0,1\n9,9\n\n1,0\n");
    await env.put("batch/b.csv", "10,10");
    await env.sagemaker.send(
      new CreateTransformJobCommand({
        TransformJobName: "tiny-batch",
        ModelName: "tiny-knn",
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://data/batch/" } },
          ContentType: "text/csv",
          SplitType: "Line",
        },
        TransformOutput: { S3OutputPath: "s3://data/predictions", Accept: "application/jsonlines", AssembleWith: "Line" },
        TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 },
      }),
    );
    await env.clock.advance(TRANSFORMED_MS);
    const transformed = await env.describeJob(transformJob, "tiny-batch");
    expect(transformed.TransformJobStatus).toBe("Completed");

    const results = await runChecks(transformJob, transformed, [transformRowCount()], env.clients);
    // Rows that arrive after the job ran are rows it never answered.
    await env.put("batch/late.csv", "5,5\n6,6\n");
    const err = await failure(runChecks(transformJob, transformed, [transformRowCount()], env.clients));

    expect(results).toEqual([
      {
        check: "transformRowCount",
        ok: true,
        found: "4 output rows (2 .out objects under s3://data/predictions) for 4 input rows (2 objects under s3://data/batch/)",
        expected: "4 rows",
      },
    ]);
    expect(err.message).toBe(
      "Output check transformRowCount failed: found 4 output rows (2 .out objects under s3://data/predictions) for " +
        "6 input rows (3 objects under s3://data/batch/). Transform job 'tiny-batch' passed 0 of 1 output checks.",
    );
  });

  it("refuses to run when a check's client is missing, before reading anything", async () => {
    const env = await bench();
    const trained = await env.train("tiny-knn");

    const run = runChecks(trainingJob, trained, [metric("test:accuracy"), logLine("x")], { s3: env.s3 });

    await expect(run).rejects.toThrow(
      new TypeError(
        'Failed to run output check logLine "x": it reads CloudWatch Logs and runChecks got no logs client. ' +
          "Please pass { logs: await backend.logs() } as runChecks' fourth argument.",
      ),
    );
  });
});

describe("runChecks' types", () => {
  it("take only checks that read the kind's description", () => {
    const mismatched = (trained: JobDescription<DescribeTrainingJobCommandOutput>) =>
      // @ts-expect-error transformRowCount reads a transform job's description, not a training job's
      runChecks(trainingJob, trained, [transformRowCount()]);
    const anyKind = (trained: JobDescription<DescribeTrainingJobCommandOutput>) =>
      runChecks(trainingJob, trained, [metric("m"), logLine("x")]);
    expect([mismatched, anyKind]).toHaveLength(2);
  });
});

describe(metric.name, () => {
  it("refuses bounds that cross or are not finite", () => {
    expect(() => metric("m", { min: 2, max: 1 })).toThrow(new RangeError('metric("m"): min (2) must not be greater than max (1).'));
    expect(() => metric("m", { max: Number.NaN })).toThrow(new RangeError('metric("m"): max must be a finite number, got NaN.'));
  });
});
