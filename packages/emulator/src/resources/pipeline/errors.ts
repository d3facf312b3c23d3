import { resourceNotFound, validationError } from "../../errors.js";

/**
 * [OBS] the SageMaker Python SDK's `Pipeline.upsert` catches a ValidationException whose message
 * contains "already exists" (workflow/pipeline.py); the full text is the service's as public
 * code matches it.
 */
export const pipelineAlreadyExists = (name: string) =>
  validationError(`Pipeline names must be unique within an AWS account and region. Pipeline with name (${name}) already exists.`);

/** [MODEL] DescribePipeline and the others answer ResourceNotFound; the text is [INF]. */
export const pipelineNotFound = (name: string) => resourceNotFound(`Pipeline '${name}' does not exist.`);

/** The pipeline's name from a PipelineNameOrArn ([MODEL] pattern: an ARN `…:pipeline/<name>` or a name). */
export function pipelineNameOf(nameOrArn: string): string {
  const match = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:(?:\d{12}|aws):pipeline\/([^/]+)$/.exec(nameOrArn);
  return match ? match[1]! : nameOrArn;
}
