import { CloudWatchLogsClient, DescribeLogStreamsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  type Channel as SageMakerChannel,
  type CreateTrainingJobRequest,
} from "@aws-sdk/client-sagemaker";
import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { VirtualClock } from "@sagerun/transport";
import { createEmulator, type EmulatorOptions } from "../../src/index.js";
import { ROLE_ARN } from "../fixtures.js";

/**
 * A data-plane test bench: an emulator on a virtual clock that moves only when the test says so,
 * the real SDK clients wired to it in-process, and one bucket (`data`) to put inputs in. Phase
 * durations are round, so every instant a test names is plain arithmetic on `t0`:
 *
 * - training: Starting t0, TrainingStartTime t0+60 s, Training t0+90 s, Uploading t0+390 s, Completed t0+420 s;
 * - processing and transform: the container starts at t0+60 s, the job Completes at t0+660 s;
 * - endpoints: InService at t0+100 s.
 */

export const S = 1000;
export const BUCKET = "data";

export const DURATIONS = {
  startingSeconds: 60,
  downloadingSeconds: 30,
  trainingSeconds: 300,
  uploadingSeconds: 30,
  stoppingSeconds: 20,
  provisioningSeconds: 60,
  runningSeconds: 600,
  creatingSeconds: 100,
} as const;

/** Offsets from t0 (ms) of the training milestones under {@link DURATIONS}. */
export const TRAINING = { start: 60 * S, training: 90 * S, uploading: 390 * S, completed: 420 * S } as const;
/** Offsets from t0 (ms) of a processing or transform job's container start and completion under {@link DURATIONS}. */
export const SIMPLE = { started: 60 * S, completed: 660 * S } as const;

/** The us-east-1 built-in images (SageMaker developer guide, "Docker Registry Paths and Example Code"). */
export const KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1";
export const LINEAR_LEARNER_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1";
/** A team's own image, for user code registered through `images`. */
export const OWN_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/own-image:1";

export const uri = (key: string): string => `s3://${BUCKET}/${key}`;

export async function dataPlane(options: EmulatorOptions = {}) {
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({ clock, durations: DURATIONS, ...options });
  const sagemaker = emulator.client();
  const s3 = emulator.s3Client(S3Client);
  const logs = emulator.logsClient(CloudWatchLogsClient);
  const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));

  const put = async (key: string, body: string | Uint8Array): Promise<void> => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  };

  /** The object at `key` in `data`, or the name of the error GetObject answers (`NoSuchKey`). */
  const get = async (key: string): Promise<{ body: Uint8Array; lastModified: Date | undefined } | string> => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return { body: await object.Body!.transformToByteArray(), lastModified: object.LastModified };
    } catch (error) {
      return (error as Error).name;
    }
  };

  /** HeadObject's answer for `key`: "found", or the error's name and HTTP status (`NotFound 404`). */
  const head = async (key: string): Promise<string> => {
    try {
      await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      return "found";
    } catch (error) {
      const { name, $metadata } = error as { name: string; $metadata?: { httpStatusCode?: number } };
      return `${name} ${$metadata?.httpStatusCode}`;
    }
  };

  const text = async (key: string): Promise<string> => {
    const object = await get(key);
    if (typeof object === "string") throw new Error(`s3://${BUCKET}/${key}: ${object}`);
    return new TextDecoder().decode(object.body);
  };

  /** The events of the one stream of `group` whose name starts with `job/`, oldest first (none when there is no such stream). */
  const logEvents = async (group: string, job: string): Promise<{ timestamp: number; message: string }[]> => {
    let streams: string[];
    try {
      const answer = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: `${job}/` }));
      streams = (answer.logStreams ?? []).map((s) => s.logStreamName!);
    } catch (error) {
      if ((error as Error).name === "ResourceNotFoundException") return [];
      throw error;
    }
    if (streams.length === 0) return [];
    if (streams.length > 1) throw new Error(`${job} has ${streams.length} streams in ${group}`);
    const { events } = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: streams[0], startFromHead: true }));
    return (events ?? []).map((e) => ({ timestamp: e.timestamp!, message: e.message! }));
  };

  return { clock, t0: clock.now(), emulator, sagemaker, s3, logs, runtime, put, get, head, text, logEvents };
}

export type DataPlane = Awaited<ReturnType<typeof dataPlane>>;

/** A File-mode S3Prefix channel on `data/<prefix>`. */
export function channel(name: string, prefix: string, extra: Partial<SageMakerChannel> = {}): SageMakerChannel {
  return {
    ChannelName: name,
    ContentType: "text/csv",
    DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: uri(prefix) } },
    ...extra,
  };
}

/** A CreateTrainingJob request writing under `data/output/`; override any member. */
export function trainingRequest(name: string, image: string, overrides: Partial<CreateTrainingJobRequest> = {}): CreateTrainingJobRequest {
  return {
    TrainingJobName: name,
    RoleArn: ROLE_ARN,
    AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: "File" },
    InputDataConfig: [channel("train", `${name}/train/`)],
    OutputDataConfig: { S3OutputPath: uri("output/") },
    ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ...overrides,
  };
}

/** Where a training job's model.tar.gz lands in `data`. */
export const modelKey = (job: string): string => `output/${job}/output/model.tar.gz`;
/** Where a training job's output.tar.gz lands in `data`. */
export const outputKey = (job: string): string => `output/${job}/output/output.tar.gz`;

/** Runs `call` and returns what it threw. */
export async function rejection(call: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await call();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/**
 * Trains k-NN (k = 1) on four 2-D points, two per class, and waits for its model.tar.gz: a model
 * whose answers a test can tell at a glance (label 0 near the origin, 1 near (10, 10)).
 */
export async function trainTinyKnn(env: DataPlane, name = "tiny-knn"): Promise<string> {
  await env.put(`${name}/train/points.csv`, "0,0,0\n0,1,1\n1,10,10\n1,9,9\n");
  const request = trainingRequest(name, KNN_IMAGE, {
    HyperParameters: { feature_dim: "2", k: "1", predictor_type: "classifier", sample_size: "4" },
  });
  await env.sagemaker.send(new CreateTrainingJobCommand(request));
  await env.clock.advance(TRAINING.completed);
  const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  if (job.TrainingJobStatus !== "Completed") throw new Error(`${name}: ${job.TrainingJobStatus} ${job.FailureReason ?? ""}`);
  return job.ModelArtifacts!.S3ModelArtifacts!;
}
