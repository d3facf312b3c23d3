import {
  CreateModelCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsForHyperParameterTuningJobCommand,
  type CreateHyperParameterTuningJobCommandInput,
  type CreateProcessingJobCommandInput,
  type CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import { installSagerunMatchers } from "@sagerun/emulator/vitest";
import { describe, expect, it } from "vitest";
import { emulatorHarness } from "../test/fixtures.js";
import { bigTraining } from "../test/test-mode-fixtures.js";
import { runProcessingJob } from "./run-processing-job.js";
import { runTrainingJob } from "./run-training-job.js";
import { runTransformJob } from "./run-transform-job.js";
import { runTuningJob } from "./run-tuning-job.js";

// The profile end to end on every job kind: what the emulator received is what SageMaker would.
installSagerunMatchers();

const ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";
// A team's own images with no code registered: every job plays its lifecycle.
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1";
const durations = {
  startingSeconds: 10,
  downloadingSeconds: 10,
  trainingSeconds: 60,
  uploadingSeconds: 10,
  provisioningSeconds: 30,
  runningSeconds: 60,
};
const harness = () => emulatorHarness({ durations, requireInputData: false });

const processing: CreateProcessingJobCommandInput = {
  ProcessingJobName: "prep",
  RoleArn: ROLE_ARN,
  AppSpecification: { ImageUri: IMAGE },
  ProcessingResources: { ClusterConfig: { InstanceType: "ml.c5.4xlarge", InstanceCount: 4, VolumeSizeInGB: 30 } },
  StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
};

const transform: CreateTransformJobCommandInput = {
  TransformJobName: "score",
  ModelName: "churn",
  TransformInput: {
    DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: "s3://sagerun-sample/batch/" } },
    ContentType: "text/csv",
  },
  TransformOutput: { S3OutputPath: "s3://sagerun-sample/scores/" },
  TransformResources: { InstanceType: "ml.m5.4xlarge", InstanceCount: 3 },
};

const tuning: CreateHyperParameterTuningJobCommandInput = {
  HyperParameterTuningJobName: "tune",
  HyperParameterTuningJobConfig: {
    Strategy: "Random",
    HyperParameterTuningJobObjective: { Type: "Maximize", MetricName: "validation:auc" },
    ResourceLimits: { MaxNumberOfTrainingJobs: 20, MaxParallelTrainingJobs: 4 },
    ParameterRanges: { CategoricalParameterRanges: [{ Name: "booster", Values: ["gbtree", "dart"] }] },
  },
  TrainingJobDefinition: {
    StaticHyperParameters: { num_round: "50" },
    AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: "File" },
    RoleArn: ROLE_ARN,
    OutputDataConfig: { S3OutputPath: "s3://sagerun-sample/tuning/" },
    ResourceConfig: { InstanceType: "ml.p3.8xlarge", InstanceCount: 2, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
  },
};

describe("test mode's profile on every job kind, end to end on the emulator", () => {
  it("training: the smallest m5, one instance, MaxRuntimeInSeconds 600", async () => {
    const h = harness();
    const result = await runTrainingJob(bigTraining(), { client: h.client, clock: h.clock, testMode: true });
    expect(h.emulator).toHaveReceived("CreateTrainingJob", {
      times: 1,
      with: { ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1 }, StoppingCondition: { MaxRuntimeInSeconds: 600 } },
    });
    expect(result.description.TrainingJobStatus).toBe("Completed");
  });

  it("processing: the profile's instance type and runtime, one instance", async () => {
    const h = harness();
    const result = await runProcessingJob(processing, {
      client: h.client,
      clock: h.clock,
      testMode: { instanceType: "ml.t3.medium", maxRuntimeInSeconds: 120 },
    });
    expect(h.emulator).toHaveReceived("CreateProcessingJob", {
      times: 1,
      with: {
        ProcessingResources: { ClusterConfig: { InstanceType: "ml.t3.medium", InstanceCount: 1, VolumeSizeInGB: 30 } },
        StoppingCondition: { MaxRuntimeInSeconds: 120 },
      },
    });
    expect(result.description.ProcessingJobStatus).toBe("Completed");
  });

  it("transform: the smallest m5 and one instance; no runtime limit is added (CreateTransformJob takes none)", async () => {
    const h = harness();
    await h.emulator
      .client()
      .send(new CreateModelCommand({ ModelName: "churn", ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { Image: IMAGE } }));
    const result = await runTransformJob(transform, { client: h.client, clock: h.clock, testMode: true });
    expect(h.emulator).toHaveReceived("CreateTransformJob", {
      times: 1,
      with: { TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 } },
    });
    const [create] = h.emulator.requests().filter((r) => r.operation === "CreateTransformJob");
    expect(Object.keys(create!.input).sort()).toEqual(Object.keys({ ...transform, Tags: [] }).sort());
    expect(result.testMode?.changes.map((c) => [c.path, c.from, c.to])).toEqual([
      ["TransformResources.InstanceType", "ml.m5.4xlarge", "ml.m5.large"],
      ["TransformResources.InstanceCount", 3, 1],
    ]);
    expect(result.description.TransformJobStatus).toBe("Completed");
  });

  it("tuning: 2 training jobs one at a time, each on the smallest p3, one instance, capped at 600 s", async () => {
    const h = harness();
    const result = await runTuningJob(tuning, { client: h.client, clock: h.clock, testMode: true });
    expect(h.emulator).toHaveReceived("CreateHyperParameterTuningJob", {
      times: 1,
      with: {
        HyperParameterTuningJobConfig: { ResourceLimits: { MaxNumberOfTrainingJobs: 2, MaxParallelTrainingJobs: 1 } },
        TrainingJobDefinition: {
          ResourceConfig: { InstanceType: "ml.p3.2xlarge", InstanceCount: 1 },
          StoppingCondition: { MaxRuntimeInSeconds: 600 },
          // The tuned hyperparameter is left to its range; the static ones are kept.
          StaticHyperParameters: { num_round: "50" },
        },
      },
    });
    expect(result.description.HyperParameterTuningJobStatus).toBe("Completed");
    // The training jobs the tuning job launched ran as shrunk: two of them, on the child instance type.
    const children = await h.client.send(new ListTrainingJobsForHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "tune" }));
    expect(children.TrainingJobSummaries).toHaveLength(2);
    for (const { TrainingJobName } of children.TrainingJobSummaries ?? []) {
      const child = await h.client.send(new DescribeTrainingJobCommand({ TrainingJobName }));
      expect(child).toMatchObject({
        ResourceConfig: { InstanceType: "ml.p3.2xlarge", InstanceCount: 1 },
        StoppingCondition: { MaxRuntimeInSeconds: 600 },
      });
    }
    expect(h.emulator).not.toHaveReceived("CreateTrainingJob");
  });
});
