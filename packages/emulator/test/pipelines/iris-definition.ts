/** The us-east-1 k-NN image (SageMaker developer guide, "Docker Registry Paths and Example Code"). */
const KNN_IMAGE = "382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1";

/**
 * The Iris pipeline as the SageMaker Python SDK writes its definition (`Pipeline.definition()`,
 * workflow/pipeline.py), by hand: a Training step (k-NN), a Condition step on its test accuracy
 * whose if branch is a CreateModel step (the SDK's ModelStep appears as `<name>-CreateModel`) and a
 * Transform step of the test set, and whose else branch is a Fail step. Job steps' Arguments are
 * the Create* requests without their names; values come from Parameters, Execution variables and
 * other steps' properties.
 */
export function irisDefinition(roleArn: string): string {
  return JSON.stringify({
    Version: "2020-12-01",
    Metadata: {},
    Parameters: [
      { Name: "InputData", Type: "String", DefaultValue: "s3://iris/data" },
      { Name: "TrainingInstanceType", Type: "String", DefaultValue: "ml.m5.large" },
      { Name: "K", Type: "Integer", DefaultValue: 5 },
      { Name: "AccuracyThreshold", Type: "Float", DefaultValue: 0.9 },
    ],
    PipelineExperimentConfig: { ExperimentName: { Get: "Execution.PipelineName" }, TrialName: { Get: "Execution.PipelineExecutionId" } },
    Steps: [
      {
        Name: "IrisTrain",
        Type: "Training",
        Arguments: {
          AlgorithmSpecification: { TrainingImage: KNN_IMAGE, TrainingInputMode: "File" },
          OutputDataConfig: { S3OutputPath: "s3://iris/output" },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
          ResourceConfig: { VolumeSizeInGB: 10, InstanceCount: 1, InstanceType: { Get: "Parameters.TrainingInstanceType" } },
          RoleArn: roleArn,
          InputDataConfig: ["train", "test"].map((channel) => ({
            DataSource: {
              S3DataSource: {
                S3DataType: "S3Prefix",
                S3Uri: { "Std:Join": { On: "/", Values: [{ Get: "Parameters.InputData" }, `${channel}/`] } },
                S3DataDistributionType: "FullyReplicated",
              },
            },
            ContentType: "text/csv",
            ChannelName: channel,
          })),
          // The SDK writes an Integer parameter used in a string field as a Join on "" (tests/unit/…/test_steps.py).
          HyperParameters: {
            feature_dim: "4",
            k: { "Std:Join": { On: "", Values: [{ Get: "Parameters.K" }] } },
            predictor_type: "classifier",
            sample_size: "200",
          },
        },
      },
      {
        Name: "CheckAccuracy",
        Type: "Condition",
        Arguments: {
          Conditions: [
            {
              Type: "GreaterThanOrEqualTo",
              LeftValue: { Get: "Steps.IrisTrain.FinalMetricDataList['test:accuracy'].Value" },
              RightValue: { Get: "Parameters.AccuracyThreshold" },
            },
          ],
          IfSteps: [
            {
              Name: "IrisModel-CreateModel",
              Type: "Model",
              Arguments: {
                ExecutionRoleArn: roleArn,
                PrimaryContainer: {
                  Image: KNN_IMAGE,
                  Environment: {},
                  ModelDataUrl: { Get: "Steps.IrisTrain.ModelArtifacts.S3ModelArtifacts" },
                },
              },
            },
            {
              Name: "IrisTransform",
              Type: "Transform",
              Arguments: {
                ModelName: { Get: "Steps.IrisModel-CreateModel.ModelName" },
                TransformInput: {
                  DataSource: {
                    S3DataSource: {
                      S3DataType: "S3Prefix",
                      S3Uri: { "Std:Join": { On: "/", Values: [{ Get: "Parameters.InputData" }, "batch/"] } },
                    },
                  },
                  ContentType: "text/csv",
                  SplitType: "Line",
                },
                TransformOutput: {
                  S3OutputPath: { "Std:Join": { On: "/", Values: ["s3://iris/predictions", { Get: "Execution.PipelineExecutionId" }] } },
                  Accept: "application/jsonlines",
                  AssembleWith: "Line",
                },
                TransformResources: { InstanceCount: 1, InstanceType: "ml.m5.large" },
              },
            },
          ],
          ElseSteps: [
            {
              Name: "AccuracyTooLow",
              Type: "Fail",
              Arguments: {
                ErrorMessage: {
                  "Std:Join": { On: " ", Values: ["Test accuracy is below", { Get: "Parameters.AccuracyThreshold" }] },
                },
              },
            },
          ],
        },
      },
    ],
  });
}
