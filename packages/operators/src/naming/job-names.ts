/**
 * SageMaker's job name limit (`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html); a kind
 * with a shorter one says so (JobKind.maxNameLength: tuning jobs, 32).
 */
const MAX_JOB_NAME_LENGTH = 63;

/**
 * Airflow's timestamp name: the base cut so that `-<ts>` fits in the kind's limit (63 characters)
 * (`f"{proposed[:63 - len(ts) - 1]}-{ts}"`, apache/airflow#45551, fixing #45550).
 *
 * @example
 * ```ts
 * timestampName("my-job", "1767225600"); // "my-job-1767225600"
 * ```
 */
export function timestampName(proposed: string, ts: string, maxLength = MAX_JOB_NAME_LENGTH): string {
  return `${proposed.slice(0, maxLength - ts.length - 1)}-${ts}`;
}

/**
 * The `n`-th name of the `"increment"` policy, the base cut so that the result fits in the kind's limit.
 *
 * @example
 * ```ts
 * incrementName("my-job", 2); // "my-job-2"
 * ```
 */
export function incrementName(proposed: string, n: number, maxLength = MAX_JOB_NAME_LENGTH): string {
  const suffix = `-${n}`;
  return `${proposed.slice(0, maxLength - suffix.length)}${suffix}`;
}
