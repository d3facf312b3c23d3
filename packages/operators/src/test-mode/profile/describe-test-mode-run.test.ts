import type {
  CreateHyperParameterTuningJobCommandInput,
  CreateProcessingJobCommandInput,
  CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { applyTestMode } from "./apply-test-mode.js";
import { describeTestModeRun } from "./describe-test-mode-run.js";

describe("describeTestModeRun", () => {
  it("prints the processing request as submitted, keys sorted, each changed member marked with what it was and why", () => {
    const original: CreateProcessingJobCommandInput = {
      StoppingCondition: undefined,
      ProcessingResources: { ClusterConfig: { VolumeSizeInGB: 30, InstanceType: "ml.m5.4xlarge", InstanceCount: 2 } },
      ProcessingJobName: "churn-prep",
      AppSpecification: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-prep:1", ContainerArguments: ["--rows", "100"] },
      RoleArn: "arn:aws:iam::123456789012:role/sagemaker",
    };

    const text = describeTestModeRun("processing", "churn-prep", original, applyTestMode("processing", original));

    expect(text).toBe(
      [
        "Test mode dry run: processing job churn-prep, as it will be submitted (3 changes, nothing submitted)",
        "{",
        '  "AppSpecification": {',
        '    "ContainerArguments": [',
        '      "--rows",',
        '      "100"',
        "    ],",
        '    "ImageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/sagerun-prep:1"',
        "  },",
        '  "ProcessingJobName": "churn-prep",',
        '  "ProcessingResources": {',
        '    "ClusterConfig": {',
        '      "InstanceCount": 1, // test mode: was 2 — a single instance in test mode',
        '      "InstanceType": "ml.m5.large", // test mode: was ml.m5.4xlarge — the smallest size of its family in test mode',
        '      "VolumeSizeInGB": 30',
        "    }",
        "  },",
        '  "RoleArn": "arn:aws:iam::123456789012:role/sagemaker",',
        '  "StoppingCondition": {',
        '    "MaxRuntimeInSeconds": 600 // test mode: added — at most 600 s in test mode',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("marks members inside arrays and hyperparameters whose names are not identifiers", () => {
    const original: CreateHyperParameterTuningJobCommandInput = {
      HyperParameterTuningJobName: "churn-tune",
      HyperParameterTuningJobConfig: { Strategy: "Random", ResourceLimits: { MaxParallelTrainingJobs: 1, MaxNumberOfTrainingJobs: 2 } },
      TrainingJobDefinitions: [
        {
          AlgorithmSpecification: {
            TrainingImage: "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",
            TrainingInputMode: "File",
          },
          RoleArn: "arn:aws:iam::123456789012:role/sagemaker",
          OutputDataConfig: { S3OutputPath: "s3://bucket/tuning/" },
          StoppingCondition: { MaxRuntimeInSeconds: 300 },
          StaticHyperParameters: {},
        },
      ],
    };

    const applied = applyTestMode("tuning", original, { hyperParameters: { "trainer.fast_dev_run": "true" } });

    expect(describeTestModeRun("tuning", "churn-tune", original, applied)).toBe(
      [
        "Test mode dry run: hyperparameter tuning job churn-tune, as it will be submitted (1 change, nothing submitted)",
        "{",
        '  "HyperParameterTuningJobConfig": {',
        '    "ResourceLimits": {',
        '      "MaxNumberOfTrainingJobs": 2,',
        '      "MaxParallelTrainingJobs": 1',
        "    },",
        '    "Strategy": "Random"',
        "  },",
        '  "HyperParameterTuningJobName": "churn-tune",',
        '  "TrainingJobDefinitions": [',
        "    {",
        '      "AlgorithmSpecification": {',
        '        "TrainingImage": "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:1",',
        '        "TrainingInputMode": "File"',
        "      },",
        '      "OutputDataConfig": {',
        '        "S3OutputPath": "s3://bucket/tuning/"',
        "      },",
        '      "RoleArn": "arn:aws:iam::123456789012:role/sagemaker",',
        '      "StaticHyperParameters": {',
        '        "trainer.fast_dev_run": "true" // test mode: added — set by the test mode profile',
        "      },",
        '      "StoppingCondition": {',
        '        "MaxRuntimeInSeconds": 300',
        "      }",
        "    }",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
    expect(applied.changes.map((change) => change.path)).toEqual([
      'TrainingJobDefinitions[0].StaticHyperParameters["trainer.fast_dev_run"]',
    ]);
  });

  it("says so when nothing changes, and notes a member the applied request no longer has", () => {
    const original: CreateTransformJobCommandInput = {
      TransformJobName: "churn-score",
      ModelName: "churn",
      TransformInput: undefined,
      TransformOutput: undefined,
      TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 },
    };
    const unchanged = applyTestMode("transform", original);
    const withoutModel = { request: { ...original, ModelName: undefined }, changes: [] };

    expect(describeTestModeRun("transform", "churn-score", original, unchanged)).toBe(
      [
        "Test mode dry run: transform job churn-score, as it will be submitted (no changes, nothing submitted)",
        "{",
        '  "ModelName": "churn",',
        '  "TransformJobName": "churn-score",',
        '  "TransformResources": {',
        '    "InstanceCount": 1,',
        '    "InstanceType": "ml.m5.large"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(describeTestModeRun("transform", "churn-score", original, withoutModel)).toContain(
      '    "InstanceType": "ml.m5.large"\n  }\n  // test mode: removed "ModelName", was churn\n}\n',
    );
  });
});
