import { definePipeline, modelStep, trainingStep, transformStep } from "@sagerun/operators";
import { irisPipeline, type IrisPipelineSettings } from "./iris-pipeline.js";

/**
 * The Iris pipeline for `runPipeline(…, { engine: "sagemaker-pipelines" })`: the same steps, ids
 * and requests as {@link irisPipeline}, with train, model and transform declared as job steps, so
 * that they compile to a SageMaker Pipelines definition (Training → Model → Transform, each
 * reading the step before by a `Get` reference). Prepare and upload run in-process before the
 * execution (the S3 prefix and the row count become its parameters), evaluate after it (it reads
 * the predictions the execution's transform job wrote). Test mode's training subset is an S3 write
 * inside the in-process train step, which a job step cannot do: run `--test-mode` in-process.
 */
export function irisPipelineOnSageMakerPipelines(settings: Omit<IrisPipelineSettings, "testMode">) {
  const { bucket, roleArn, image } = settings;
  // The in-process steps are irisPipeline's own: one definition of preparing, uploading and evaluating.
  const [prepare, upload, , , , evaluate] = irisPipeline(settings).steps;
  const channel = (name: string, uri: string) => ({
    ChannelName: name,
    ContentType: "text/csv",
    DataSource: { S3DataSource: { S3DataType: "S3Prefix" as const, S3Uri: uri } },
  });

  const train = trainingStep({
    id: "train",
    dependsOn: [prepare, upload],
    request: (ctx) => {
      const { prefix } = ctx.results.upload;
      return {
        RoleArn: roleArn,
        AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: "File" },
        HyperParameters: { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: String(ctx.results.prepare.trainRows) },
        // k-NN scores the `test` channel after fitting: its accuracy comes back as test:accuracy.
        InputDataConfig: [channel("train", `s3://${bucket}/${prefix}/train/`), channel("test", `s3://${bucket}/${prefix}/test/`)],
        OutputDataConfig: { S3OutputPath: `s3://${bucket}/${prefix}/output/` },
        ResourceConfig: { InstanceType: "ml.m5.2xlarge", InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
      };
    },
  });

  const model = modelStep({
    id: "model",
    dependsOn: [train],
    request: (ctx) => ({
      ExecutionRoleArn: roleArn,
      PrimaryContainer: { Image: image, ModelDataUrl: ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts },
    }),
  });

  const transform = transformStep({
    id: "transform",
    dependsOn: [upload, model],
    request: (ctx) => ({
      ModelName: ctx.results.model.ModelName,
      // One request per line, one JSON answer per line, in the input's order.
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${bucket}/${ctx.results.upload.prefix}/batch/` } },
        ContentType: "text/csv",
        SplitType: "Line",
      },
      TransformOutput: {
        S3OutputPath: `s3://${bucket}/${ctx.results.upload.prefix}/predictions/`,
        Accept: "application/jsonlines",
        AssembleWith: "Line",
      },
      TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 1 },
    }),
  });

  return definePipeline({ name: "iris", steps: [prepare, upload, train, model, transform, evaluate] });
}
