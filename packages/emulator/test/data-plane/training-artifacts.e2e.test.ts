import { CreateTrainingJobCommand, DescribeTrainingJobCommand, StopTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { untarGzip } from "../../src/data/tar.js";
import type { ImageCode, TrainingInput } from "../../src/index.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { dataPlane, KNN_IMAGE, modelKey, OWN_IMAGE, S, TRAINING, trainingRequest } from "./harness.js";

/**
 * When a training job's artifacts appear. [DOC] "How Amazon SageMaker AI Processes Training
 * Output" (your-algorithms-training-algo-output.md): the model directory is uploaded as one
 * compressed tar "at the end of the training job", so nothing is there before Uploading ends.
 * [INF] A job that does not complete writes nothing: API_StopTrainingJob lets an algorithm save
 * its model in the 120 s after SIGTERM, but the emulator's containers run at one instant and never do.
 */

const TRAINING_LOGS = "/aws/sagemaker/TrainingJobs";

/** User code that prints `count` numbered lines and writes a one-file model. */
function chatty(count: number, calls: TrainingInput[] = []): ImageCode {
  return {
    image: OWN_IMAGE,
    train(input, io) {
      calls.push(input);
      for (let i = 1; i <= count; i++) io.log(`line ${i}`);
      io.writeModel("model.txt", "weights");
    },
  };
}

describe("model.tar.gz", () => {
  it("appears only when Uploading ends, dated the job's TrainingEndTime ([DOC] SecondaryStatus Uploading, your-algorithms-training-algo-output.md)", async () => {
    const env = await dataPlane();
    await env.put("knn/train/iris.csv", irisCsv({ label: true }, irisSplit().train));
    const request = trainingRequest("knn", KNN_IMAGE, {
      HyperParameters: { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: "200" },
    });
    await env.sagemaker.send(new CreateTrainingJobCommand(request));

    for (const at of [TRAINING.training, TRAINING.uploading, TRAINING.completed - 1]) {
      await env.clock.advanceTo(env.t0 + at);
      expect(await env.get(modelKey("knn"))).toBe("NoSuchKey");
    }
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "knn" }));
    expect(job.TrainingJobStatus).toBe("Completed");
    expect(job.ModelArtifacts?.S3ModelArtifacts).toBe(`s3://data/${modelKey("knn")}`);
    const artifact = await env.get(modelKey("knn"));
    if (typeof artifact === "string") throw new Error(artifact);
    expect(artifact.lastModified).toEqual(job.TrainingEndTime);
    expect([...untarGzip(artifact.body).keys()]).toEqual(["model.json"]);
  });

  it("appears at the completion instant even when nobody looks until later", async () => {
    const env = await dataPlane({ images: [chatty(3)] });
    await env.put("late/train/a.csv", "1\n");
    await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("late", OWN_IMAGE)));
    await env.clock.advanceTo(env.t0 + 86_400 * S);
    const artifact = await env.get(modelKey("late"));
    if (typeof artifact === "string") throw new Error(artifact);
    expect(artifact.lastModified).toEqual(new Date(env.t0 + TRAINING.completed));
    expect(new TextDecoder().decode(untarGzip(artifact.body).get("model.txt"))).toBe("weights");
  });

  it("is the model directory file by file under …/output/model/ with CompressionType NONE ([DOC] model-train-storage-uncompressed.md)", async () => {
    const code: ImageCode = {
      image: OWN_IMAGE,
      train(_, io) {
        io.writeModel("weights.bin", new Uint8Array([1, 2, 3]));
        io.writeModel("/nested/./config.json", "{}");
      },
    };
    const env = await dataPlane({ images: [code] });
    await env.put("raw/train/a.csv", "1\n");
    await env.sagemaker.send(
      new CreateTrainingJobCommand(
        trainingRequest("raw", OWN_IMAGE, { OutputDataConfig: { S3OutputPath: "s3://data/output", CompressionType: "NONE" } }),
      ),
    );
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "raw" }));
    expect(job.ModelArtifacts?.S3ModelArtifacts).toBe("s3://data/output/raw/output/model");
    expect(await env.get("output/raw/output/model.tar.gz")).toBe("NoSuchKey");
    expect(await env.get("output/raw/output/model/weights.bin")).toMatchObject({ body: new Uint8Array([1, 2, 3]) });
    expect(await env.text("output/raw/output/model/nested/config.json")).toBe("{}");
  });

  it("is not written when the code writes outside its model directory, and the job fails with AlgorithmError", async () => {
    const code: ImageCode = { image: OWN_IMAGE, train: (_, io) => io.writeModel("../escape.txt", "x") };
    const env = await dataPlane({ images: [code] });
    await env.put("escape/train/a.csv", "1\n");
    await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("escape", OWN_IMAGE)));
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "escape" }));
    expect([job.TrainingJobStatus, job.FailureReason]).toEqual([
      "Failed",
      "AlgorithmError: cannot write outside the directory: ../escape.txt",
    ]);
    expect(await env.head(modelKey("escape"))).toBe("NotFound 404");
  });
});

describe("a training job that does not complete", () => {
  it("stopped during Training uploads the model its code left when it ends Stopped ([DOC] StopTrainingJob: 120 s to save the model artifacts), and its lines after the stop never appear", async () => {
    const env = await dataPlane({ images: [chatty(100)] });
    await env.put("stopped/train/a.csv", "1\n");
    await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("stopped", OWN_IMAGE)));
    const stopAt = env.t0 + TRAINING.training + 10 * S;
    await env.clock.advanceTo(stopAt);
    await env.sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: "stopped" }));
    const shown = (await env.logEvents(TRAINING_LOGS, "stopped")).map((e) => e.message);
    // 100 lines spread evenly over the 300 s phase: one every 300/101 s, so three by the stop.
    expect(shown).toEqual(["line 1", "line 2", "line 3"]);

    await env.clock.advanceTo(env.t0 + 86_400 * S);
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "stopped" }));
    expect([job.TrainingJobStatus, job.SecondaryStatus, job.TrainingEndTime]).toEqual(["Stopped", "Stopped", new Date(stopAt + 20 * S)]);
    const events = await env.logEvents(TRAINING_LOGS, "stopped");
    expect(events.map((e) => e.message)).toEqual(["line 1", "line 2", "line 3"]);
    for (const { timestamp } of events) expect(timestamp).toBeLessThanOrEqual(stopAt);
    const artifact = await env.get(modelKey("stopped"));
    if (typeof artifact === "string") throw new Error(`no model: ${artifact}`);
    expect(new TextDecoder().decode(untarGzip(artifact.body).get("model.txt"))).toBe("weights");
    expect(artifact.lastModified).toEqual(new Date(stopAt + 20 * S));
  });

  it("stopped while Starting never runs its code and logs nothing", async () => {
    const calls: TrainingInput[] = [];
    const env = await dataPlane({ images: [chatty(5, calls)] });
    await env.put("early/train/a.csv", "1\n");
    await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("early", OWN_IMAGE)));
    await env.clock.advanceTo(env.t0 + 30 * S);
    await env.sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: "early" }));
    await env.clock.advanceTo(env.t0 + 86_400 * S);
    expect((await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "early" }))).TrainingJobStatus).toBe("Stopped");
    expect(calls).toEqual([]);
    expect(await env.logEvents(TRAINING_LOGS, "early")).toEqual([]);
    expect(await env.get(modelKey("early"))).toBe("NoSuchKey");
  });

  it("stopped by MaxRuntimeInSeconds during Training keeps its model ([DOC] StoppingCondition) and logs nothing past the limit, its lines not squeezed in", async () => {
    const env = await dataPlane({ images: [chatty(100)] });
    await env.put("limited/train/a.csv", "1\n");
    await env.sagemaker.send(
      new CreateTrainingJobCommand(trainingRequest("limited", OWN_IMAGE, { StoppingCondition: { MaxRuntimeInSeconds: 100 } })),
    );
    await env.clock.advanceTo(env.t0 + 86_400 * S);
    const limitAt = env.t0 + TRAINING.start + 100 * S;
    const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "limited" }));
    expect([job.TrainingJobStatus, job.SecondaryStatus]).toEqual(["Stopped", "MaxRuntimeExceeded"]);
    const events = await env.logEvents(TRAINING_LOGS, "limited");
    // 70 s of the 300 s phase ran: the lines dated before the limit, and no others.
    expect(events.length).toBe(Math.floor((70 * 101) / 300));
    for (const { timestamp } of events) expect(timestamp).toBeLessThanOrEqual(limitAt);
    const artifact = await env.get(modelKey("limited"));
    expect(typeof artifact === "string" ? artifact : [...untarGzip(artifact.body).keys()]).toEqual(["model.txt"]);
  });

  it("reads its channels as they are when Training begins: a later upload is not seen", async () => {
    const calls: TrainingInput[] = [];
    const env = await dataPlane({ images: [chatty(0, calls)] });
    await env.put("reads/train/a.csv", "a\n");
    await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("reads", OWN_IMAGE)));
    await env.clock.advanceTo(env.t0 + TRAINING.training - 1);
    await env.put("reads/train/b.csv", "b\n");
    await env.clock.advanceTo(env.t0 + TRAINING.training + 1);
    await env.put("reads/train/c.csv", "c\n");
    await env.clock.advanceTo(env.t0 + TRAINING.completed);
    await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "reads" }));
    expect(calls.map((input) => input.channels.train!.files.map((f) => f.path))).toEqual([["a.csv", "b.csv"]]);
  });
});
