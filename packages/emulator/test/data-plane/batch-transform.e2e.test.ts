import {
  CreateModelCommand,
  CreateTransformJobCommand,
  DescribeTransformJobCommand,
  StopTransformJobCommand,
  type CreateTransformJobRequest,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { ContainerError, type ImageCode, type InvocationRequest } from "../../src/index.js";
import { ROLE_ARN } from "../fixtures.js";
import { dataPlane, type DataPlane, KNN_IMAGE, OWN_IMAGE, S, SIMPLE, trainTinyKnn, uri } from "./harness.js";

/**
 * Batch transform with real serving code ([DOC] "Use Batch Transform to Run Inference"): each
 * object under the input prefix is split into records (SplitType), sent in mini-batches
 * (BatchStrategy, MaxPayloadInMB), and the answers assembled (AssembleWith) into
 * `<S3OutputPath>/<object's path under the prefix>.out`, written when the job completes.
 */

const TRANSFORM_LOGS = "/aws/sagemaker/TransformJobs";
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** Serving code that upper-cases each request's body and remembers every request it got. */
function upperCaser(calls: InvocationRequest[], loaded: Record<string, string>[] = []): ImageCode {
  return {
    image: OWN_IMAGE,
    serve(_files, environment) {
      loaded.push({ ...environment });
      return {
        invoke(request) {
          calls.push(request);
          return { body: decode(request.body).toUpperCase(), contentType: "text/plain" };
        },
      };
    },
  };
}

function transformRequest(name: string, overrides: Partial<CreateTransformJobRequest> = {}): CreateTransformJobRequest {
  return {
    TransformJobName: name,
    ModelName: "model",
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: uri("batch/") } },
      ContentType: "text/csv",
      SplitType: "Line",
    },
    TransformOutput: { S3OutputPath: uri("scores/"), AssembleWith: "Line" },
    TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 },
    ...overrides,
  };
}

async function createModel(env: DataPlane, image: string, modelDataUrl?: string, environment?: Record<string, string>): Promise<void> {
  await env.sagemaker.send(
    new CreateModelCommand({
      ModelName: "model",
      ExecutionRoleArn: ROLE_ARN,
      PrimaryContainer: { Image: image, ModelDataUrl: modelDataUrl, Environment: environment },
    }),
  );
}

/** Runs a transform over `objects` (key under `batch/` → body) with upperCaser, to its completion. */
async function transform(objects: Record<string, string>, overrides: Partial<CreateTransformJobRequest> = {}) {
  const calls: InvocationRequest[] = [];
  const env = await dataPlane({ images: [upperCaser(calls)] });
  await createModel(env, OWN_IMAGE);
  for (const [key, body] of Object.entries(objects)) await env.put(`batch/${key}`, body);
  await env.sagemaker.send(new CreateTransformJobCommand(transformRequest("job", overrides)));
  await env.clock.advance(SIMPLE.completed);
  const job = await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "job" }));
  expect([job.TransformJobStatus, job.FailureReason]).toEqual(["Completed", undefined]);
  return { ...env, calls, job };
}

const bodies = (calls: readonly InvocationRequest[]): string[] => calls.map((c) => decode(c.body));

describe("batch transform records and mini-batches", () => {
  it("SingleRecord sends one request per line; AssembleWith Line ends each answer with a newline ([DOC] BatchStrategy, AssembleWith)", async () => {
    const { calls, text } = await transform({ "a.csv": "a\nb\nc\n" }, { BatchStrategy: "SingleRecord" });
    expect(bodies(calls)).toEqual(["a", "b", "c"]);
    expect(await text("scores/a.csv.out")).toBe("A\nB\nC\n");
  });

  it("SingleRecord with AssembleWith None concatenates the answers as they are", async () => {
    const { text } = await transform(
      { "a.csv": "a\nb\nc\n" },
      { BatchStrategy: "SingleRecord", TransformOutput: { S3OutputPath: uri("scores/"), AssembleWith: "None" } },
    );
    expect(await text("scores/a.csv.out")).toBe("ABC");
  });

  it("MultiRecord (the default) sends the lines together in one request", async () => {
    const { calls, text } = await transform({ "a.csv": "a\r\nb\n\nc\n" });
    expect(bodies(calls)).toEqual(["a\nb\nc"]);
    expect(await text("scores/a.csv.out")).toBe("A\nB\nC\n");
  });

  it("MultiRecord splits a batch where the next record would pass MaxPayloadInMB ([DOC] MaxPayloadInMB)", async () => {
    const record = (c: string) => c.repeat(400_000);
    const { calls, text } = await transform(
      { "big.csv": `${record("a")}\n${record("b")}\n${record("c")}\n` },
      { MaxPayloadInMB: 1, TransformOutput: { S3OutputPath: uri("scores/"), AssembleWith: "None" } },
    );
    // 400 000 + 1 + 400 000 bytes fit in 1 MiB; the third record would not.
    expect(bodies(calls)).toEqual([`${record("a")}\n${record("b")}`, record("c")]);
    expect(await text("scores/big.csv.out")).toBe(`${record("A")}\n${record("B")}${record("C")}`);
  });

  it("SplitType None sends each object whole, as one request ([DOC] SplitType)", async () => {
    const { calls, text } = await transform(
      { "a.csv": "a\nb\n" },
      { TransformInput: { DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: uri("batch/") } }, SplitType: "None" } },
    );
    expect(bodies(calls)).toEqual(["a\nb\n"]);
    expect(await text("scores/a.csv.out")).toBe("A\nB\n");
  });

  it("sends the input's ContentType and the output's Accept, and the model's Environment reaches its serving code", async () => {
    const calls: InvocationRequest[] = [];
    const loaded: Record<string, string>[] = [];
    const env = await dataPlane({ images: [upperCaser(calls, loaded)] });
    await createModel(env, OWN_IMAGE, undefined, { THRESHOLD: "0.5" });
    await env.put("batch/a.csv", "a\n");
    await env.sagemaker.send(
      new CreateTransformJobCommand(
        transformRequest("typed", { TransformOutput: { S3OutputPath: uri("scores/"), Accept: "application/jsonlines" } }),
      ),
    );
    await env.clock.advance(SIMPLE.completed);
    await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "typed" }));
    expect(calls.map((c) => [c.contentType, c.accept])).toEqual([["text/csv", "application/jsonlines"]]);
    expect(loaded).toEqual([{ THRESHOLD: "0.5" }]);
  });
});

describe("batch transform outputs", () => {
  it("writes one .out per input object, keeping each object's path under the prefix (nested keys too)", async () => {
    const { text, emulator } = await transform({ "a.csv": "a\n", "b.csv": "b\n", "2024/01/c.csv": "c\n" });
    expect(await text("scores/a.csv.out")).toBe("A\n");
    expect(await text("scores/b.csv.out")).toBe("B\n");
    expect(await text("scores/2024/01/c.csv.out")).toBe("C\n");
    const keys = (emulator.state().s3Buckets as { objects: { key: string }[] }[])[0]!.objects.map((o) => o.key);
    expect(keys.filter((key) => key.startsWith("scores/"))).toEqual(["scores/2024/01/c.csv.out", "scores/a.csv.out", "scores/b.csv.out"]);
  });

  it("writes under an S3OutputPath given without a trailing slash", async () => {
    const { text } = await transform({ "a.csv": "a\n" }, { TransformOutput: { S3OutputPath: uri("scores"), AssembleWith: "Line" } });
    expect(await text("scores/a.csv.out")).toBe("A\n");
  });

  it("writes nothing until the job completes, then dates the objects TransformEndTime", async () => {
    const env = await dataPlane({ images: [upperCaser([])] });
    await createModel(env, OWN_IMAGE);
    await env.put("batch/a.csv", "a\n");
    await env.sagemaker.send(new CreateTransformJobCommand(transformRequest("timed")));
    await env.clock.advanceTo(env.t0 + SIMPLE.completed - 1);
    expect(await env.get("scores/a.csv.out")).toBe("NoSuchKey");
    await env.clock.advanceTo(env.t0 + SIMPLE.completed);
    const job = await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "timed" }));
    const out = await env.get("scores/a.csv.out");
    expect(typeof out === "string" ? out : out.lastModified).toEqual(job.TransformEndTime);
  });

  it("stopped while it runs writes nothing ([INF])", async () => {
    const env = await dataPlane({ images: [upperCaser([])] });
    await createModel(env, OWN_IMAGE);
    await env.put("batch/a.csv", "a\n");
    await env.sagemaker.send(new CreateTransformJobCommand(transformRequest("stopped")));
    await env.clock.advanceTo(env.t0 + SIMPLE.started + 10 * S);
    await env.sagemaker.send(new StopTransformJobCommand({ TransformJobName: "stopped" }));
    await env.clock.advanceTo(env.t0 + 86_400 * S);
    expect((await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "stopped" }))).TransformJobStatus).toBe("Stopped");
    expect(await env.get("scores/a.csv.out")).toBe("NoSuchKey");
  });
});

describe("a batch transform that fails", () => {
  /** Creates the transform, runs it a day, and answers its Describe and its log lines. */
  async function failedRun(env: DataPlane) {
    const startedAt = env.clock.now() + SIMPLE.started;
    await env.sagemaker.send(new CreateTransformJobCommand(transformRequest("failing")));
    // [INF] the container's failure shows a tenth of the 600 s run (at most a minute) after it starts.
    await env.clock.advanceTo(startedAt + 60 * S - 1);
    expect((await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "failing" }))).TransformJobStatus).toBe(
      "InProgress",
    );
    await env.clock.advance(86_400 * S);
    const job = await env.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: "failing" }));
    expect(job.TransformEndTime).toEqual(new Date(startedAt + 60 * S));
    const lines = (await env.logEvents(TRANSFORM_LOGS, "failing")).map((e) => e.message);
    return { job, lines };
  }

  it("for a model whose ModelDataUrl names no object: ClientError: See job logs…, and a line naming the object", async () => {
    const env = await dataPlane();
    await env.put("batch/a.csv", "0,0\n");
    await createModel(env, KNN_IMAGE, uri("output/gone/output/model.tar.gz"));
    const { job, lines } = await failedRun(env);
    expect([job.TransformJobStatus, job.FailureReason]).toEqual(["Failed", "ClientError: See job logs for more information"]);
    expect(lines).toEqual([
      "[sagemaker logs]: MaxConcurrentTransforms=1, MaxPayloadInMB=6, BatchStrategy=MULTI_RECORD",
      "[sagemaker logs]: ClientError: Failed to download model data from s3://data/output/gone/output/model.tar.gz: no such object",
    ]);
    expect(await env.get("scores/a.csv.out")).toBe("NoSuchKey");
  });

  it("for a record k-NN refuses: a line naming the object and the container's answer (aws/amazon-sagemaker-examples #1620)", async () => {
    const env = await dataPlane();
    const modelData = await trainTinyKnn(env);
    await createModel(env, KNN_IMAGE, modelData);
    await env.put("batch/good.csv", "0,0\n10,10\n");
    await env.put("batch/bad.csv", "1,2,3\n");
    const { job, lines } = await failedRun(env);
    expect(job.FailureReason).toBe("ClientError: See job logs for more information");
    expect(lines.at(-1)).toBe(
      "[sagemaker logs]: data/batch/bad.csv: ClientError: feature_dim is 2, but record 1 of the request has 3 features",
    );
    expect(await env.get("scores/good.csv.out")).toBe("NoSuchKey");
  });

  it("for serving code that throws: its message, as AlgorithmError unless it says otherwise", async () => {
    const code: ImageCode = {
      image: OWN_IMAGE,
      serve: () => ({
        invoke(request) {
          if (decode(request.body).includes("poison")) throw new ContainerError("ClientError", "cannot parse poison", 415);
          throw new Error("segfault");
        },
      }),
    };
    for (const [body, line] of [
      ["poison\n", "[sagemaker logs]: data/batch/a.csv: ClientError: cannot parse poison"],
      ["fine\n", "[sagemaker logs]: data/batch/a.csv: AlgorithmError: segfault"],
    ] as const) {
      const env = await dataPlane({ images: [code] });
      await createModel(env, OWN_IMAGE);
      await env.put("batch/a.csv", body);
      const { job, lines } = await failedRun(env);
      expect([job.FailureReason, lines.at(-1)]).toEqual(["ClientError: See job logs for more information", line]);
    }
  });

  it("for serving code that cannot load its model: the loader's message", async () => {
    const code: ImageCode = {
      image: OWN_IMAGE,
      serve(files) {
        if (!files.has("model.pt")) throw new ContainerError("ClientError", "model.pt not found in the model directory");
        return { invoke: () => ({ body: "", contentType: "text/plain" }) };
      },
    };
    const env = await dataPlane({ images: [code] });
    await createModel(env, OWN_IMAGE);
    await env.put("batch/a.csv", "a\n");
    const { lines } = await failedRun(env);
    expect(lines.at(-1)).toBe("[sagemaker logs]: ClientError: model.pt not found in the model directory");
  });
});
