import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { errorCode, isValidationException } from "../internal/aws-errors.js";
import { describeJob, type JobDescription, type JobKind } from "../job-kinds/job-kind.js";

/**
 * The job's description, or `undefined` when SageMaker says it does not exist. SageMaker answers
 * "not found" with a `ValidationException` ("Requested resource not found.", boto/boto3#2808),
 * not the modelled `ResourceNotFound`; Airflow's `_get_unique_name` reads it the same way.
 * Tuning jobs do answer the modelled `ResourceNotFound` ("Amazon SageMaker can't find a tuning job
 * called …", aws/amazon-sagemaker-examples#1540), so it means absent too. Any other error is a
 * real problem and is thrown. An aborted `signal` rejects with its reason.
 *
 * @example
 * ```ts
 * if (await findJob(trainingJob, client, "nightly")) console.log("taken");
 * ```
 */
export async function findJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
  signal?: AbortSignal,
): Promise<JobDescription<O> | undefined> {
  try {
    return await describeJob(kind, client, jobName, signal);
  } catch (err) {
    if (!signal?.aborted && (isValidationException(err) || errorCode(err) === "ResourceNotFound")) return undefined;
    throw err;
  }
}
