import type { S3Client } from "@aws-sdk/client-s3";
import { definePipeline, runTransformJob, step } from "@sagerun/operators";
import { ensureBucket, putText, readTexts } from "../shared/s3-objects.js";

/** What the pipeline needs from outside: the records, the model, where the data goes. */
export interface BatchInferenceSettings {
  readonly s3: S3Client;
  readonly bucket: string;
  /** Create the bucket when it is missing. */
  readonly createBucket: boolean;
  /** The existing SageMaker model that scores the records. */
  readonly modelName: string;
  /** The records: CSV, one a line, no header, as the model reads them. */
  readonly records: string;
  /** The input object's file name; the output is `<name>.out`. */
  readonly fileName: string;
  readonly checkIntervalSeconds: number;
}

/** One record and what the model answered for it. */
export interface ScoredRecord {
  readonly record: string;
  /** The model's answer for the record: one line of the `.out` object, as the model wrote it. */
  readonly prediction: string;
}

/**
 * Batch inference with a model that already exists: upload the records → batch transform them
 * with the model → collect the predictions, each beside its record. The transform job's name and
 * the S3 keys derive from the run id, so the same id resumes.
 */
export function batchInferencePipeline(settings: BatchInferenceSettings) {
  const { s3, bucket, modelName, records, fileName, checkIntervalSeconds } = settings;

  const upload = step({
    id: "upload",
    run: async (ctx) => {
      const prefix = `${ctx.pipelineName}/${ctx.runId}`;
      await ensureBucket(s3, bucket, settings.createBucket);
      await putText(s3, bucket, `${prefix}/input/${fileName}`, records);
      return { prefix };
    },
  });

  const transform = step({
    id: "transform",
    dependsOn: [upload],
    run: (ctx) =>
      runTransformJob(
        {
          TransformJobName: ctx.jobName(),
          ModelName: modelName,
          // One request per line, one JSON answer per line, in the input's order.
          TransformInput: {
            DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: `s3://${bucket}/${ctx.results.upload.prefix}/input/` } },
            ContentType: "text/csv",
            SplitType: "Line",
          },
          TransformOutput: {
            S3OutputPath: `s3://${bucket}/${ctx.results.upload.prefix}/output/`,
            Accept: "application/jsonlines",
            AssembleWith: "Line",
          },
          TransformResources: { InstanceType: "ml.m5.large", InstanceCount: 1 },
        },
        { ...ctx.jobOptions, checkIntervalSeconds },
      ),
  });

  const collect = step({
    id: "collect",
    dependsOn: [upload, transform],
    run: async (ctx) => {
      // The transform writes <input key>.out for each input object: here the one uploaded.
      const key = `${ctx.results.upload.prefix}/output/${fileName}.out`;
      const output = (await readTexts(s3, bucket, `${ctx.results.upload.prefix}/output/`, ".out")).get(key);
      if (output === undefined) throw new Error(`The transform job wrote no s3://${bucket}/${key}.`);
      const inputs = lines(records);
      const predictions = lines(output);
      if (predictions.length !== inputs.length) {
        throw new Error(`Expected ${inputs.length} predictions, one per record; s3://${bucket}/${key} holds ${predictions.length}.`);
      }
      const scored: ScoredRecord[] = inputs.map((record, i) => ({ record, prediction: predictions[i]! }));
      return { output: `s3://${bucket}/${key}`, scored };
    },
  });

  return definePipeline({ name: "batch-inference", steps: [upload, transform, collect] });
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}
