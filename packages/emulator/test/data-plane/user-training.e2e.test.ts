import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { untarGzip } from "../../src/data/tar.js";
import { ContainerError, type ImageCode, type TrainingInput } from "../../src/index.js";
import { channel, dataPlane, KNN_IMAGE, modelKey, OWN_IMAGE, outputKey, TRAINING, trainingRequest } from "./harness.js";

/**
 * Training code registered for an image (`EmulatorOptions.images`) runs as SageMaker runs a
 * training container ([DOC] "How Amazon SageMaker Runs Your Training Image"): hyperparameters,
 * channels and environment as the request gave them; what it writes to /opt/ml/model becomes
 * model.tar.gz and what it writes to /opt/ml/output/data output.tar.gz.
 */

const TRAINING_LOGS = "/aws/sagemaker/TrainingJobs";
const decode = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

async function runJob(code: ImageCode, request = trainingRequest("own", OWN_IMAGE)) {
  const env = await dataPlane({ images: [code] });
  await env.put("own/train/part-1.csv", "1,2\n");
  await env.put("own/train/more/part-2.csv", "3,4\n");
  await env.put("own/validation/v.csv", "5,6\n");
  await env.sagemaker.send(new CreateTrainingJobCommand(request));
  await env.clock.advanceTo(env.t0 + TRAINING.completed);
  const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: request.TrainingJobName }));
  return { ...env, job };
}

const throwing = (error: unknown): ImageCode => ({
  image: OWN_IMAGE,
  train(_, io) {
    io.log("loading data");
    io.writeModel("partial.bin", "half a model");
    io.writeOutput("partial.txt", "half an output");
    throw error;
  },
});

describe("user training code", () => {
  it("gets the hyperparameters, channels and environment exactly as the request gave them", async () => {
    const seen: TrainingInput[] = [];
    const request = trainingRequest("own", OWN_IMAGE, {
      HyperParameters: { epochs: "3", learning_rate: "0.1", sagemaker_program: "train.py" },
      Environment: { MODE: "test", EMPTY: "" },
      InputDataConfig: [
        channel("train", "own/train/", { ContentType: "text/csv;label_size=1" }),
        channel("validation", "own/validation/", { ContentType: undefined }),
      ],
    });
    await runJob({ image: OWN_IMAGE, train: (input) => void seen.push(input) }, request);
    expect(seen).toHaveLength(1);
    const [input] = seen as [TrainingInput];
    expect(input.hyperParameters).toEqual(request.HyperParameters);
    expect(input.environment).toEqual(request.Environment);
    expect(Object.keys(input.channels)).toEqual(["train", "validation"]);
    expect(input.channels.train!.contentType).toBe("text/csv;label_size=1");
    expect(input.channels.validation!.contentType).toBeUndefined();
    // [DOC] each object under the channel's prefix, at its path relative to the prefix.
    expect(input.channels.train!.files.map((f) => [f.path, decode(f.body)])).toEqual([
      ["more/part-2.csv", "3,4\n"],
      ["part-1.csv", "1,2\n"],
    ]);
    expect(Number.isInteger(input.seed)).toBe(true);
  });

  it("writes model.tar.gz and output.tar.gz with the files it wrote, dated TrainingEndTime ([DOC] your-algorithms-training-algo-output.md)", async () => {
    const code: ImageCode = {
      image: OWN_IMAGE,
      train(_, io) {
        io.writeModel("weights/w.csv", "1,2,3");
        io.writeModel("/config.json", "{}");
        io.writeModel("config.json", '{"epochs": 3}');
        io.writeOutput("report.txt", "fine");
        io.writeOutput("plots/loss.bin", new Uint8Array([0, 255]));
      },
    };
    const { job, get } = await runJob(code);
    expect(job.TrainingJobStatus).toBe("Completed");
    const model = await get(modelKey("own"));
    const output = await get(outputKey("own"));
    if (typeof model === "string" || typeof output === "string") throw new Error(`${String(model)} ${String(output)}`);
    const modelFiles = untarGzip(model.body);
    expect([...modelFiles.keys()]).toEqual(["weights/w.csv", "config.json"]);
    expect(decode(modelFiles.get("config.json"))).toBe('{"epochs": 3}');
    const outputFiles = untarGzip(output.body);
    expect(decode(outputFiles.get("report.txt"))).toBe("fine");
    expect(outputFiles.get("plots/loss.bin")).toEqual(new Uint8Array([0, 255]));
    expect([model.lastModified, output.lastModified]).toEqual([job.TrainingEndTime, job.TrainingEndTime]);
  });

  it("writes an empty model.tar.gz and no output.tar.gz when it writes nothing", async () => {
    const { job, get, head } = await runJob({ image: OWN_IMAGE, train: () => undefined });
    expect(job.TrainingJobStatus).toBe("Completed");
    const model = await get(modelKey("own"));
    if (typeof model === "string") throw new Error(model);
    expect(untarGzip(model.body).size).toBe(0);
    expect(await head(outputKey("own"))).toBe("NotFound 404");
  });

  it("prints lines to its log stream, and MetricDefinitions read metrics from them ([DOC] MetricDefinition)", async () => {
    const code: ImageCode = {
      image: OWN_IMAGE,
      train(_, io) {
        io.log("starting\nepoch=1 loss=0.50");
        io.log("epoch=2 loss=0.25");
        io.metric("reported:score", 3);
        io.metric("reported:nan", Number.NaN);
      },
    };
    const request = trainingRequest("own", OWN_IMAGE, {
      AlgorithmSpecification: {
        TrainingImage: OWN_IMAGE,
        TrainingInputMode: "File",
        MetricDefinitions: [
          { Name: "train:loss", Regex: "loss=([0-9.]+)" },
          // A pattern JavaScript cannot read is skipped, not a failure.
          { Name: "train:unreadable", Regex: "(?P<x>[0-9]+)" },
        ],
      },
    });
    const { job, t0, logEvents } = await runJob(code, request);
    expect(Object.fromEntries((job.FinalMetricDataList ?? []).map((m) => [m.MetricName, m.Value]))).toEqual({
      "train:loss": 0.25,
      "reported:score": 3,
    });
    const events = await logEvents(TRAINING_LOGS, "own");
    expect(events.map((e) => e.message)).toEqual(["starting", "epoch=1 loss=0.50", "epoch=2 loss=0.25"]);
    // Spread over the Training phase, in order.
    const stamps = events.map((e) => e.timestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(stamps[0]).toBeGreaterThan(t0 + TRAINING.training);
    expect(stamps.at(-1)).toBeLessThan(t0 + TRAINING.uploading);
  });

  it.each([
    ["an Error", new Error("CUDA out of memory"), "AlgorithmError: CUDA out of memory"],
    ["a ContainerError", new ContainerError("ClientError", "label column missing"), "ClientError: label column missing"],
    ["a string", "exit status 137", "AlgorithmError: exit status 137"],
  ])("that throws %s fails the job with that FailureReason, writes nothing, and logs it last", async (_, error, reason) => {
    const { job, head, logEvents } = await runJob(throwing(error));
    expect([job.TrainingJobStatus, job.FailureReason]).toEqual(["Failed", reason]);
    expect(await head(modelKey("own"))).toBe("NotFound 404");
    expect(await head(outputKey("own"))).toBe("NotFound 404");
    expect((await logEvents(TRAINING_LOGS, "own")).map((e) => e.message)).toEqual(["loading data", reason]);
  });

  it("registered for a built-in's image stands in for the built-in", async () => {
    const seen: string[] = [];
    const env = await dataPlane({
      images: [{ image: KNN_IMAGE, train: (input) => void seen.push(Object.keys(input.hyperParameters).join()) }],
    });
    await env.put("standin/train/a.csv", "not,numbers\n");
    await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("standin", KNN_IMAGE, { HyperParameters: { anything: "1" } })));
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "standin" }));
    expect([job.TrainingJobStatus, seen]).toEqual(["Completed", ["anything"]]);
  });

  it("registered by a RegExp runs for every image it matches", async () => {
    const seen: string[] = [];
    const env = await dataPlane({ images: [{ image: /\/own-image:/g, train: (input) => void seen.push(input.environment.TAG!) }] });
    for (const tag of ["1", "2"]) {
      await env.put(`tag-${tag}/train/a.csv`, "1\n");
      const image = OWN_IMAGE.replace(/:1$/, `:${tag}`);
      await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest(`tag-${tag}`, image, { Environment: { TAG: tag } })));
    }
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "tag-1" }));
    expect(seen.sort()).toEqual(["1", "2"]);
  });

  it("registered without train code leaves the job a lifecycle play: it completes and writes nothing", async () => {
    const serveOnly: ImageCode = { image: OWN_IMAGE, serve: () => ({ invoke: () => ({ body: "", contentType: "text/plain" }) }) };
    const { job, head } = await runJob(serveOnly);
    expect(job.TrainingJobStatus).toBe("Completed");
    expect(await head(modelKey("own"))).toBe("NotFound 404");
  });
});
