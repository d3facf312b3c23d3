import { OutputCheckFailedError } from "../../errors/output-check-failed-error.js";
import type { JobDescription, JobKind } from "../../job-kinds/job-kind.js";
import { clientFor, type CheckClients, type CheckedJob, type OutputCheck, type OutputCheckResult } from "./output-check.js";

/**
 * Runs declarative checks on a finished job's outputs, one after another, and returns what each
 * found; if any fails it throws {@link OutputCheckFailedError}, whose message names each failed
 * check and the value found and which carries every result. `description` is the operator's
 * result (or a job error's `description`); the checks read S3 and CloudWatch Logs through the
 * clients given, which must be on the same backend: `backend.s3()`, `backend.logs()`. A check
 * whose client is missing is a `TypeError` before any check runs.
 *
 * @example
 * ```ts
 * const trained = await runTrainingJob(config, backend);
 * await runChecks(trainingJob, trained, [artifactExists({ untars: true }), metric("test:accuracy", { min: 0.9 })], {
 *   s3: await backend.s3(),
 * });
 * ```
 */
export async function runChecks<Input extends object, Output extends object, Status extends string>(
  kind: JobKind<Input, Output, Status>,
  description: JobDescription<Output>,
  checks: readonly OutputCheck<JobDescription<Output>>[],
  clients: CheckClients = {},
): Promise<OutputCheckResult[]> {
  for (const { check, needs } of checks) if (needs !== undefined) clientFor(clients, needs, check);
  const job: CheckedJob = {
    jobKind: kind.label,
    jobName: String((description as Record<string, unknown>)[kind.nameField]),
    logGroup: kind.logGroup,
  };
  const results: OutputCheckResult[] = [];
  for (const { check, run } of checks) results.push({ check, ...(await run(description, job, clients)) });
  if (results.some((result) => !result.ok)) throw new OutputCheckFailedError({ jobKind: job.jobKind, jobName: job.jobName, results });
  return results;
}
