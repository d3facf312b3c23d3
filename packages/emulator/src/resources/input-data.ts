import { validationError, type ServiceError } from "../errors.js";
import { objectsOf, type DataSource } from "../data/job-data.js";
import { parseS3Uri } from "../data/s3-uri.js";
import type { EmulatorContext } from "../emulator-context.js";

/**
 * Refuses a job whose S3 input names no object, as CreateTrainingJob and CreateTransformJob do
 * ([OBS] aws/amazon-sagemaker-examples #2489, #2267, #2495 for training; #2414, #2270 for
 * transform): the service lists the prefix when the job is created, before anything is billed.
 */
export function checkInputsExist(ctx: EmulatorContext, sources: readonly DataSource[], roleArn: string | undefined): void {
  if (!ctx.requireInputData) return;
  for (const source of sources) {
    if (source.S3Uri === undefined || objectsOf(ctx.data.s3, source).length > 0) continue;
    throw noObjectsFound(source.S3Uri, ctx.arnScope.region, roleArn ?? "");
  }
}

function noObjectsFound(uri: string, region: string, roleArn: string): ServiceError {
  const bucket = parseS3Uri(uri)?.bucket ?? "";
  return validationError(
    `No S3 objects found under S3 URL "${uri}" given in input data source. Please ensure that the bucket exists in the selected region (${region}), that objects exist under that S3 prefix, and that the role "${roleArn}" has "s3:ListBucket" permissions on bucket "${bucket}".`,
  );
}
