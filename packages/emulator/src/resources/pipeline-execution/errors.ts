import { resourceNotFound, validationError } from "../../errors.js";
import { parseArn, PIPELINE_EXECUTION } from "../../arn.js";

/** [MODEL] the execution operations answer ResourceNotFound; the text is [INF]. */
export const executionNotFound = (arn: string) => resourceNotFound(`Pipeline execution '${arn}' does not exist.`);

/** The stored name (`<pipeline>/execution/<id>`) an execution ARN names, if it names one. */
export function executionNameOf(arn: string): string | undefined {
  const parsed = parseArn(arn);
  return parsed?.type === PIPELINE_EXECUTION ? parsed.name : undefined;
}

/**
 * [OBS] "…Only pipelines with 'Executing' status can be stopped" (apache/airflow's
 * SageMakerStopPipelineOperator matches it); the words before it are [INF].
 */
export const notExecuting = (arn: string, status: string) =>
  validationError(`Pipeline execution ${arn} is in status ${status}. Only pipelines with 'Executing' status can be stopped.`);
