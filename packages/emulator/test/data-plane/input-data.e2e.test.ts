import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  type CreateTransformJobRequest,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { TrainingInput } from "../../src/index.js";
import { ROLE_ARN } from "../fixtures.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import {
  channel,
  dataPlane,
  type DataPlane,
  KNN_IMAGE,
  OWN_IMAGE,
  rejection,
  S,
  SIMPLE,
  TRAINING,
  trainingRequest,
  uri,
} from "./harness.js";

/** The text CreateTrainingJob and CreateTransformJob answer for an S3 input that names no object. */
const noObjects = (s3Uri: string, role: string, bucket: string): string =>
  `No S3 objects found under S3 URL "${s3Uri}" given in input data source. Please ensure that the bucket exists in the selected region (us-east-1), that objects exist under that S3 prefix, and that the role "${role}" has "s3:ListBucket" permissions on bucket "${bucket}".`;

const MODEL_ROLE = "arn:aws:iam::123456789012:role/ModelExecutionRole";

function transformRequest(name: string, s3Uri: string, overrides: Partial<CreateTransformJobRequest> = {}): CreateTransformJobRequest {
  return {
    TransformJobName: name,
    ModelName: "iris-knn",
    TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: s3Uri } }, ContentType: "text/csv", SplitType: "Line" },
    TransformOutput: { S3OutputPath: uri("scores/") },
    TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 },
    ...overrides,
  };
}

/** A model on the k-NN image whose role differs from the training jobs', so the message's role is the model's. */
async function withModel(env: DataPlane): Promise<void> {
  await env.sagemaker.send(
    new CreateModelCommand({
      ModelName: "iris-knn",
      ExecutionRoleArn: MODEL_ROLE,
      PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: uri("output/iris-knn/output/model.tar.gz") },
    }),
  );
}

describe("CreateTrainingJob refuses an S3 channel that names no object", () => {
  it("answers ValidationException for a prefix with no object under it (aws/amazon-sagemaker-examples #2489)", async () => {
    const env = await dataPlane();
    await env.put("elsewhere/train.csv", "1,2\n");
    const error = await rejection(() => env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("empty-prefix", KNN_IMAGE))));
    expect([error.name, error.message]).toEqual(["ValidationException", noObjects(uri("empty-prefix/train/"), ROLE_ARN, "data")]);
    // Nothing was created: the name is still unknown.
    const describeError = await rejection(() => env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "empty-prefix" })));
    expect(describeError.name).toBe("ValidationException");
  });

  it("answers the same for a bucket that does not exist, naming that bucket (aws/amazon-sagemaker-examples #2489)", async () => {
    const env = await dataPlane();
    const request = trainingRequest("no-bucket", KNN_IMAGE, {
      InputDataConfig: [
        { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://no-such-bucket/train/" } } },
      ],
    });
    const error = await rejection(() => env.sagemaker.send(new CreateTrainingJobCommand(request)));
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      noObjects("s3://no-such-bucket/train/", ROLE_ARN, "no-such-bucket"),
    ]);
  });

  it("names the first empty channel when an earlier one has data (aws/amazon-sagemaker-examples #2489)", async () => {
    const env = await dataPlane();
    await env.put("two/train/iris.csv", irisCsv({ label: true }));
    const request = trainingRequest("two", KNN_IMAGE, { InputDataConfig: [channel("train", "two/train/"), channel("test", "two/test/")] });
    const error = await rejection(() => env.sagemaker.send(new CreateTrainingJobCommand(request)));
    expect(error.message).toBe(noObjects(uri("two/test/"), ROLE_ARN, "data"));
  });

  it("does not count a folder marker (a key ending in /) as an object under the prefix", async () => {
    const env = await dataPlane();
    await env.put("marker/train/", new Uint8Array());
    const error = await rejection(() => env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("marker", KNN_IMAGE))));
    expect(error.message).toBe(noObjects(uri("marker/train/"), ROLE_ARN, "data"));
  });

  it("accepts both with requireInputData: false, and the channel arrives empty", async () => {
    const seen: TrainingInput[] = [];
    const env = await dataPlane({ requireInputData: false, images: [{ image: OWN_IMAGE, train: (input) => void seen.push(input) }] });
    const emptyPrefix = trainingRequest("lenient-prefix", OWN_IMAGE);
    const noBucket = trainingRequest("lenient-bucket", OWN_IMAGE, {
      InputDataConfig: [
        { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://no-such-bucket/x/" } } },
      ],
    });
    await env.sagemaker.send(new CreateTrainingJobCommand(emptyPrefix));
    await env.sagemaker.send(new CreateTrainingJobCommand(noBucket));
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    for (const name of ["lenient-prefix", "lenient-bucket"]) {
      const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
      expect(job.TrainingJobStatus).toBe("Completed");
    }
    expect(seen.map((input) => input.channels.train?.files)).toEqual([[], []]);
  });
});

describe("CreateTransformJob refuses an S3 input that names no object", () => {
  it("answers ValidationException naming the model's ExecutionRoleArn (aws/amazon-sagemaker-examples #2414)", async () => {
    const env = await dataPlane();
    await withModel(env);
    const error = await rejection(() => env.sagemaker.send(new CreateTransformJobCommand(transformRequest("empty", uri("batch/")))));
    expect([error.name, error.message]).toEqual(["ValidationException", noObjects(uri("batch/"), MODEL_ROLE, "data")]);
  });

  it("answers the same for a bucket that does not exist (aws/amazon-sagemaker-examples #2414)", async () => {
    const env = await dataPlane();
    await withModel(env);
    const error = await rejection(() =>
      env.sagemaker.send(new CreateTransformJobCommand(transformRequest("nobucket", "s3://no-such-bucket/batch/"))),
    );
    expect(error.message).toBe(noObjects("s3://no-such-bucket/batch/", MODEL_ROLE, "no-such-bucket"));
  });

  it("accepts it with requireInputData: false; the job completes and writes no output", async () => {
    const invoked: string[] = [];
    const env = await dataPlane({
      requireInputData: false,
      images: [
        {
          image: OWN_IMAGE,
          serve: () => ({
            invoke(request) {
              invoked.push(new TextDecoder().decode(request.body));
              return { body: request.body, contentType: "text/csv" };
            },
          }),
        },
      ],
    });
    await env.sagemaker.send(
      new CreateModelCommand({ ModelName: "echo", ExecutionRoleArn: MODEL_ROLE, PrimaryContainer: { Image: OWN_IMAGE } }),
    );
    await env.sagemaker.send(new CreateTransformJobCommand(transformRequest("lenient", uri("batch/"), { ModelName: "echo" })));
    await env.clock.advanceTo(env.t0 + SIMPLE.completed);
    const job = await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "lenient" }));
    expect(job.TransformJobStatus).toBe("Completed");
    expect(invoked).toEqual([]);
    expect(env.emulator.state().s3Buckets).toEqual([expect.objectContaining({ objects: [] })]);
  });
});

describe("ManifestFile inputs", () => {
  /** [DOC] S3DataSource, S3DataType ManifestFile: a JSON array, `{"prefix": …}` first, then keys relative to it. */
  const manifest = (prefix: string, ...keys: string[]): string => JSON.stringify([{ prefix: uri(prefix) }, ...keys]);

  it("reads exactly the objects a manifest lists, each at its path relative to the manifest's prefix ([DOC] S3DataSource)", async () => {
    const seen: TrainingInput[] = [];
    const env = await dataPlane({ images: [{ image: OWN_IMAGE, train: (input) => void seen.push(input) }] });
    await env.put("pool/part-1.csv", "1,2\n");
    await env.put("pool/nested/part-2.csv", "3,4\n");
    await env.put("pool/unlisted.csv", "5,6\n");
    await env.put("manifests/train.manifest", manifest("pool/", "part-1.csv", "nested/part-2.csv", "missing.csv"));
    const request = trainingRequest("from-manifest", OWN_IMAGE, {
      InputDataConfig: [
        { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "ManifestFile", S3Uri: uri("manifests/train.manifest") } } },
      ],
    });
    await env.sagemaker.send(new CreateTrainingJobCommand(request));
    await env.clock.advanceTo(env.t0 + TRAINING.training);
    await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "from-manifest" }));
    const files = seen[0]!.channels.train!.files.map((f) => [f.path, new TextDecoder().decode(f.body)]);
    expect(files).toEqual([
      ["part-1.csv", "1,2\n"],
      ["nested/part-2.csv", "3,4\n"],
    ]);
  });

  it("trains k-NN on the objects a manifest lists", async () => {
    const env = await dataPlane();
    const { train } = irisSplit();
    await env.put("iris/a.csv", irisCsv({ label: true }, train.slice(0, 60)));
    await env.put("iris/b.csv", irisCsv({ label: true }, train.slice(60)));
    await env.put("iris/train.manifest", manifest("iris/", "a.csv", "b.csv"));
    const request = trainingRequest("knn-manifest", KNN_IMAGE, {
      HyperParameters: { feature_dim: "4", k: "3", predictor_type: "classifier", sample_size: "500" },
      InputDataConfig: [
        {
          ChannelName: "train",
          ContentType: "text/csv",
          DataSource: { S3DataSource: { S3DataType: "ManifestFile", S3Uri: uri("iris/train.manifest") } },
        },
      ],
    });
    await env.sagemaker.send(new CreateTrainingJobCommand(request));
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "knn-manifest" }));
    expect(job.TrainingJobStatus).toBe("Completed");
    const lines = (await env.logEvents("/aws/sagemaker/TrainingJobs", "knn-manifest")).map((e) => e.message);
    expect(lines).toContain(`Read ${train.length} records with 4 features from channel train`);
  });

  it("is refused at Create when the manifest object itself does not exist ([INF] as an empty prefix is, aws/amazon-sagemaker-examples #2489)", async () => {
    const env = await dataPlane();
    const request = trainingRequest("no-manifest", KNN_IMAGE, {
      InputDataConfig: [
        { ChannelName: "train", DataSource: { S3DataSource: { S3DataType: "ManifestFile", S3Uri: uri("iris/none.manifest") } } },
      ],
    });
    const error = await rejection(() => env.sagemaker.send(new CreateTrainingJobCommand(request)));
    expect(error.message).toBe(noObjects(uri("iris/none.manifest"), ROLE_ARN, "data"));
  });

  it("gives a transform job one .out per listed object, at its path relative to the prefix", async () => {
    const env = await dataPlane({
      images: [
        {
          image: OWN_IMAGE,
          serve: () => ({ invoke: (r) => ({ body: new TextDecoder().decode(r.body).toUpperCase(), contentType: "text/csv" }) }),
        },
      ],
    });
    await env.sagemaker.send(
      new CreateModelCommand({ ModelName: "upper", ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { Image: OWN_IMAGE } }),
    );
    await env.put("in/x/one.txt", "a\n");
    await env.put("in/two.txt", "b\n");
    await env.put("in/batch.manifest", manifest("in/", "x/one.txt", "two.txt"));
    await env.sagemaker.send(
      new CreateTransformJobCommand(
        transformRequest("manifest-batch", uri("in/batch.manifest"), {
          ModelName: "upper",
          TransformInput: { DataSource: { S3DataSource: { S3DataType: "ManifestFile", S3Uri: uri("in/batch.manifest") } } },
        }),
      ),
    );
    await env.clock.advanceTo(env.t0 + SIMPLE.completed + S);
    expect(await env.text("scores/x/one.txt.out")).toBe("A\n");
    expect(await env.text("scores/two.txt.out")).toBe("B\n");
  });
});
