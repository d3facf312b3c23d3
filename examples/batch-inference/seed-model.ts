import type { S3Client } from "@aws-sdk/client-s3";
import { createModel, runTrainingJob, type SagerunBackend } from "@sagerun/operators";
import { parseIrisCsv, readIrisCsv, toCsv } from "../iris/iris-data.js";
import { KNN_IMAGE } from "../iris/iris-pipeline.js";
import { ensureBucket, putText } from "../shared/s3-objects.js";

/** What {@link seedModel} makes: the model's name, and the training job its artifacts came from. */
export interface SeededModel {
  readonly modelName: string;
  readonly trainingJobName: string;
}

/**
 * Makes the "existing" model on a backend that has none: the embedded emulator starts empty every
 * run. It trains SageMaker's k-NN on every record of iris.csv (on virtual time: milliseconds) and
 * registers the artifacts as `modelName`, exactly as a model would have been made before the batch
 * job that uses it. On AWS the example skips this and uses the model you name.
 */
export async function seedModel(
  backend: SagerunBackend,
  s3: S3Client,
  settings: { readonly bucket: string; readonly modelName: string; readonly roleArn: string },
): Promise<SeededModel> {
  const { bucket, modelName, roleArn } = settings;
  const records = parseIrisCsv(await readIrisCsv());
  const prefix = `seed/${modelName}`;
  await ensureBucket(s3, bucket, true);
  await putText(s3, bucket, `${prefix}/train/iris.csv`, toCsv(records, { label: true }));
  const { client, clock } = backend;
  const { jobName, description } = await runTrainingJob(
    {
      TrainingJobName: `${modelName}-seed`,
      RoleArn: roleArn,
      AlgorithmSpecification: { TrainingImage: KNN_IMAGE, TrainingInputMode: "File" },
      HyperParameters: { feature_dim: "4", k: "5", predictor_type: "classifier", sample_size: String(records.length) },
      InputDataConfig: [
        {
          ChannelName: "train",
          ContentType: "text/csv",
          DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${bucket}/${prefix}/train/` } },
        },
      ],
      OutputDataConfig: { S3OutputPath: `s3://${bucket}/${prefix}/output/` },
      ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 10 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    },
    { client, clock, onExists: "reattach" },
  );
  await createModel(
    {
      ModelName: modelName,
      ExecutionRoleArn: roleArn,
      PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: description.ModelArtifacts?.S3ModelArtifacts },
    },
    { client, clock, onExists: "reuse" },
  );
  return { modelName, trainingJobName: jobName };
}
