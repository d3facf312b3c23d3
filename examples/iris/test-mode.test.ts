import type { S3Client } from "@aws-sdk/client-s3";
import type { CreateTrainingJobCommandInput, TrainingInstanceType } from "@aws-sdk/client-sagemaker";
import { applyTestMode } from "@sagerun/operators";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../shared/example-backend.js";
import { ensureBucket, putText } from "../shared/s3-objects.js";
import { parseIrisCsv, readIrisCsv, splitStratified, toCsv } from "./iris-data.js";
import { trainingSubset, withoutTestMode } from "./test-mode.js";

describe(withoutTestMode.name, () => {
  // CreateTrainingJob requires ResourceConfig and StoppingCondition (API reference); HyperParameters
  // is given, maybe empty, as an object test mode creates stays behind, empty, once its members are undone.
  const request: fc.Arbitrary<CreateTrainingJobCommandInput> = fc.record({
    TrainingJobName: fc.constant("churn"),
    RoleArn: fc.constant("arn:aws:iam::123456789012:role/SageMakerRole"),
    AlgorithmSpecification: fc.record({
      TrainingImage: fc.constantFrom(
        "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1",
        "382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1",
        "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
      ),
      TrainingInputMode: fc.constant("File" as const),
    }),
    HyperParameters: fc.dictionary(
      fc.constantFrom("epochs", "k", "sample_size", "a.b", "sagemaker_program"),
      fc.integer({ min: 0 }).map(String),
    ),
    OutputDataConfig: fc.constant({ S3OutputPath: "s3://ml/out/" }),
    ResourceConfig: fc.record({
      InstanceType: fc.constantFrom(
        "ml.m5.4xlarge",
        "ml.m5.large",
        "ml.p3.16xlarge",
        "ml.g5.12xlarge",
      ) as fc.Arbitrary<TrainingInstanceType>,
      InstanceCount: fc.integer({ min: 1, max: 20 }),
      VolumeSizeInGB: fc.integer({ min: 1, max: 100 }),
    }),
    StoppingCondition: fc.record({ MaxRuntimeInSeconds: fc.integer({ min: 1, max: 500_000 }) }),
  });
  const profile = fc.record(
    {
      maxRuntimeInSeconds: fc.integer({ min: 1, max: 10_000 }),
      instanceType: fc.constantFrom("ml.m5.large", "ml.c5.xlarge"),
      hyperParameters: fc.dictionary(fc.constantFrom("epochs", "test_mode", "a.b"), fc.constantFrom("1", "true")),
    },
    { requiredKeys: [] },
  );

  it("gives back the request test mode was applied to, whatever it changed, added or named with a quoted key", () => {
    fc.assert(
      fc.property(request, profile, (original, chosen) => {
        const { request: shrunk, changes } = applyTestMode("training", structuredClone(original), chosen);
        expect(withoutTestMode(shrunk, changes)).toEqual(original);
      }),
    );
  });

  it("leaves the job it is given as it was", () => {
    const job = { ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1 } };
    const undone = withoutTestMode(job, [{ path: "ResourceConfig.InstanceType", from: "ml.m5.2xlarge", to: "ml.m5.large", why: "" }]);
    expect(undone.ResourceConfig.InstanceType).toBe("ml.m5.2xlarge");
    expect(job.ResourceConfig.InstanceType).toBe("ml.m5.large");
  });
});

describe(trainingSubset.name, () => {
  it("answers the subset's prefix and its row count, counted in S3 when an earlier run already wrote it", async () => {
    const backend = await createExampleBackend({});
    const s3 = (await backend.s3()) as S3Client;
    await ensureBucket(s3, "ml-data", true);
    const { train } = splitStratified(parseIrisCsv(await readIrisCsv()));
    await putText(s3, "ml-data", "iris/r1/train/iris.csv", toCsv(train, { label: true }));

    const first = await trainingSubset(s3, "s3://ml-data/iris/r1/train/iris.csv");
    const again = await trainingSubset(s3, "s3://ml-data/iris/r1/train/iris.csv");

    // Half of the 120 training flowers, 20 of each species (stratified, seed 1).
    expect(first).toEqual({ prefix: "s3://ml-data/iris/r1/train/sagerun-test-mode/1-0.5/", rows: 60 });
    expect(again).toEqual(first);
  });
});
