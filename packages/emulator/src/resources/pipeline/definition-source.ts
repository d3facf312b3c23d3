import type { PipelineDefinitionS3Location } from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { validationError } from "../../errors.js";

/**
 * The definition a CreatePipeline/UpdatePipeline gives: inline (PipelineDefinition) or as an object
 * in S3 (PipelineDefinitionS3Location, read from the emulated S3 now). [DOC] CreatePipeline: "This is
 * required if you don't specify PipelineDefinitionS3Location" (and the other way round); [INF] both,
 * or a missing object, are ValidationExceptions with these texts.
 */
export function definitionText(
  ctx: EmulatorContext,
  inline: string | undefined,
  location: PipelineDefinitionS3Location | undefined,
): string | undefined {
  if (inline !== undefined && location !== undefined) {
    throw validationError("Specify either PipelineDefinition or PipelineDefinitionS3Location, not both.");
  }
  if (location === undefined) return inline;
  const object = ctx.data.s3.bucket(location.Bucket!)?.objects.get(location.ObjectKey!);
  if (!object) throw validationError(`Unable to read the pipeline definition at s3://${location.Bucket}/${location.ObjectKey}.`);
  return Buffer.from(object.body).toString("utf8");
}
