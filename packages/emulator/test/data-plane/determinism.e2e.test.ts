import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { describe, expect, it } from "vitest";
import { untarGzip } from "../../src/data/tar.js";
import { ROLE_ARN } from "../fixtures.js";
import { irisCsv, irisSplit } from "../fixtures/iris.js";
import { dataPlane, LINEAR_LEARNER_IMAGE, modelKey, OWN_IMAGE, S, TRAINING, trainingRequest } from "./harness.js";

/**
 * A seed replays a run: linear learner draws its shuffles and initial weights from a seed fixed by
 * the emulator's seed and the job's ARN, never by how often a client polls or what else was created.
 */

const HYPERPARAMETERS = { predictor_type: "multiclass_classifier", num_classes: "3", epochs: "5", mini_batch_size: "16" };
const { train, test } = irisSplit();
const QUERIES = test.map((r) => r.features.join(",")).join("\n");

interface Run {
  readonly seed: number;
  /** Poll Describe and GetObject every this many virtual seconds while the job runs; 0 looks only at the end. */
  readonly pollEverySeconds: number;
  /** Create another training job (with metric definitions, which draw seeded values) first. */
  readonly createAnotherJobFirst?: boolean;
}

/** Trains linear learner on Iris, then serves it: the model.tar.gz bytes and the endpoint's answer to the test set. */
async function linearLearnerRun({ seed, pollEverySeconds, createAnotherJobFirst = false }: Run) {
  const env = await dataPlane({ seed, requireInputData: false });
  await env.put("ll/train/iris.csv", irisCsv({ label: true }, train));
  if (createAnotherJobFirst) {
    const other = trainingRequest("other", OWN_IMAGE, {
      AlgorithmSpecification: {
        TrainingImage: OWN_IMAGE,
        TrainingInputMode: "File",
        MetricDefinitions: [{ Name: "validation:loss", Regex: "loss=(\\S+)" }],
      },
    });
    await env.sagemaker.send(new CreateTrainingJobCommand(other));
  }
  await env.sagemaker.send(new CreateTrainingJobCommand(trainingRequest("ll", LINEAR_LEARNER_IMAGE, { HyperParameters: HYPERPARAMETERS })));
  if (pollEverySeconds > 0) {
    for (let t = 0; t < TRAINING.completed; t += pollEverySeconds * S) {
      await env.clock.advanceTo(env.t0 + t);
      await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "ll" }));
      await env.get(modelKey("ll"));
    }
  }
  await env.clock.advanceTo(env.t0 + TRAINING.completed);
  const job = await env.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "ll" }));
  expect([job.TrainingJobStatus, job.FailureReason]).toEqual(["Completed", undefined]);
  const artifact = await env.get(modelKey("ll"));
  if (typeof artifact === "string") throw new Error(artifact);

  await env.sagemaker.send(
    new CreateModelCommand({
      ModelName: "ll",
      ExecutionRoleArn: ROLE_ARN,
      PrimaryContainer: { Image: LINEAR_LEARNER_IMAGE, ModelDataUrl: job.ModelArtifacts!.S3ModelArtifacts },
    }),
  );
  await env.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "ll",
      ProductionVariants: [{ VariantName: "AllTraffic", ModelName: "ll", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
    }),
  );
  await env.sagemaker.send(new CreateEndpointCommand({ EndpointName: "ll", EndpointConfigName: "ll" }));
  await env.clock.advance(100 * S);
  const answer = await env.runtime.send(
    new InvokeEndpointCommand({ EndpointName: "ll", ContentType: "text/csv", Accept: "application/json", Body: QUERIES }),
  );
  return { model: artifact.body, predictions: new TextDecoder().decode(answer.Body) };
}

describe("the same seed gives the same linear learner run", () => {
  it("the same model.tar.gz bytes and predictions whether the job is polled every 7 s or only at the end", async () => {
    const polled = await linearLearnerRun({ seed: 7, pollEverySeconds: 7 });
    const unwatched = await linearLearnerRun({ seed: 7, pollEverySeconds: 0 });
    expect(unwatched.model).toEqual(polled.model);
    expect(unwatched.predictions).toBe(polled.predictions);
  });

  it("the same bytes when another job was created first: a job's seed does not depend on request order", async () => {
    const alone = await linearLearnerRun({ seed: 7, pollEverySeconds: 0 });
    const second = await linearLearnerRun({ seed: 7, pollEverySeconds: 0, createAnotherJobFirst: true });
    expect(second.model).toEqual(alone.model);
  });

  it("another seed trains another model", async () => {
    const seven = await linearLearnerRun({ seed: 7, pollEverySeconds: 0 });
    const eight = await linearLearnerRun({ seed: 8, pollEverySeconds: 0 });
    const weights = (model: Uint8Array) => new TextDecoder().decode(untarGzip(model).get("model.json"));
    expect(weights(eight.model)).not.toBe(weights(seven.model));
  });
});
