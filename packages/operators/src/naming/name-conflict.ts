import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import { NameConflictError } from "../errors.js";
import { isValidationException } from "../internal/aws-errors.js";
import { describeJob, type JobDescription, type JobKind } from "../job-kinds/job-kind.js";

/**
 * What to do when a job with the requested name already exists. SageMaker job names are unique per
 * account and region forever (jobs cannot be deleted by name reuse), so a rerun must pick one
 * (apache/airflow#7598):
 *
 * - `"timestamp"`: create under `name-<epoch seconds>` instead, exactly as Airflow (PR #45551).
 * - `"fail"`: throw {@link NameConflictError}.
 * - `"increment"`: create under the first free `name-2`, `name-3`, … (Airflow's removed policy,
 *   brought back on the O(1) Describe check rather than listing every job, apache/airflow#29245).
 * - `"skip"`: create nothing; return the existing job's description as it is.
 * - `"reattach"`: create nothing; wait for the existing job, whatever its state, and judge it
 *   like a new one, so a retried task never pays twice (airflow-sagemaker-operators.md §5 item 20).
 */
export type NameConflictPolicy = "fail" | "timestamp" | "increment" | "skip" | "reattach";

/** Airflow's `action_if_job_exists` default. */
export const DEFAULT_NAME_CONFLICT_POLICY: NameConflictPolicy = "timestamp";

const POLICIES: readonly NameConflictPolicy[] = ["fail", "timestamp", "increment", "skip", "reattach"];

/** SageMaker's job name limit (`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`, sagemaker-semantics.md §3). */
export const MAX_JOB_NAME_LENGTH = 63;

// Bounds on the loops below: each try costs a Describe call.
const MAX_TIMESTAMP_TRIES = 10;
const MAX_INCREMENT = 100;

/** What to do with the name: create a job under it, or use the existing job. */
export type NameResolution<D> =
  | { readonly action: "create"; readonly jobName: string }
  | { readonly action: "skip" | "reattach"; readonly jobName: string; readonly description: D };

/**
 * Airflow's timestamp name: the base cut so that `-<ts>` fits in 63 characters
 * (`f"{proposed[:63 - len(ts) - 1]}-{ts}"`, apache/airflow#45551, fixing #45550).
 *
 * @example
 * ```ts
 * timestampName("my-job", "1767225600"); // "my-job-1767225600"
 * ```
 */
export function timestampName(proposed: string, ts: string): string {
  return `${proposed.slice(0, MAX_JOB_NAME_LENGTH - ts.length - 1)}-${ts}`;
}

/**
 * The `n`-th name of the `"increment"` policy, the base cut so that the result fits in 63 characters.
 *
 * @example
 * ```ts
 * incrementName("my-job", 2); // "my-job-2"
 * ```
 */
export function incrementName(proposed: string, n: number): string {
  const suffix = `-${n}`;
  return `${proposed.slice(0, MAX_JOB_NAME_LENGTH - suffix.length)}${suffix}`;
}

/**
 * Checks a policy value, throwing a `TypeError` naming the value and the choices.
 * @default "timestamp" when `policy` is undefined
 *
 * @example
 * ```ts
 * resolveNameConflictPolicy(undefined); // "timestamp"
 * resolveNameConflictPolicy("reuse");   // TypeError: Option onExists [reuse] is not a name conflict policy. …
 * ```
 */
export function resolveNameConflictPolicy(policy: string | undefined): NameConflictPolicy {
  if (policy === undefined) return DEFAULT_NAME_CONFLICT_POLICY;
  if ((POLICIES as readonly string[]).includes(policy)) return policy as NameConflictPolicy;
  throw new TypeError(`Option onExists [${String(policy)}] is not a name conflict policy. Please use one of: ${POLICIES.join(", ")}.`);
}

/** Options of {@link resolveJobName}. */
export interface ResolveJobNameOptions {
  readonly client: SageMakerClient;
  readonly clock: Clock;
  readonly policy: NameConflictPolicy;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Applies `policy` to `proposed`: decides the name to create, or which existing job to use.
 * Existence is one Describe call (O(1); Airflow moved off listing in apache/airflow#29245).
 *
 * @example
 * ```ts
 * const r = await resolveJobName(trainingJob, "nightly", { client, clock, policy: "timestamp" });
 * if (r.action === "create") console.log(r.jobName); // "nightly" or "nightly-1767225600"
 * ```
 */
export async function resolveJobName<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  proposed: string,
  options: ResolveJobNameOptions,
): Promise<NameResolution<JobDescription<O>>> {
  const { client, clock, policy, signal } = options;
  const find = (name: string): Promise<JobDescription<O> | undefined> => findJob(kind, client, name);
  const existing = await find(proposed);
  if (existing === undefined) return { action: "create", jobName: proposed };
  switch (policy) {
    case "skip":
    case "reattach":
      return { action: policy, jobName: proposed, description: existing };
    case "fail":
      throw new NameConflictError({ jobKind: kind.label, jobName: proposed, detail: 'onExists: "fail"' });
    case "increment":
      for (let n = 2; n <= MAX_INCREMENT; n++) {
        const candidate = incrementName(proposed, n);
        if ((await find(candidate)) === undefined) return { action: "create", jobName: candidate };
      }
      throw new NameConflictError({ jobKind: kind.label, jobName: incrementName(proposed, MAX_INCREMENT), detail: `onExists: "increment" tried -2 … -${MAX_INCREMENT}` });
    case "timestamp": {
      let previous: string | undefined;
      for (let tries = 0; tries < MAX_TIMESTAMP_TRIES; tries++) {
        // Airflow: ts = str(time.time_ns() // 10**9). A name taken within the same second would
        // give the same candidate again; wait for the next second on the clock (a virtual clock
        // does not move by itself) rather than spin on Describe calls.
        if (previous !== undefined && previous === epochSeconds(clock)) await clock.sleep(1000, signal);
        previous = epochSeconds(clock);
        const candidate = timestampName(proposed, previous);
        if ((await find(candidate)) === undefined) return { action: "create", jobName: candidate };
      }
      throw new NameConflictError({ jobKind: kind.label, jobName: proposed, detail: `onExists: "timestamp" found ${MAX_TIMESTAMP_TRIES} suffixed names taken` });
    }
  }
}

function epochSeconds(clock: Clock): string {
  return String(Math.floor(clock.now() / 1000));
}

/**
 * The job's description, or `undefined` when SageMaker says it does not exist. SageMaker answers
 * "not found" with a `ValidationException` (sagemaker-semantics.md §2.2; Airflow's
 * `_get_unique_name` reads it the same way); any other error is a real problem and is thrown.
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
): Promise<JobDescription<O> | undefined> {
  try {
    return await describeJob(kind, client, jobName);
  } catch (err) {
    if (isValidationException(err)) return undefined;
    throw err;
  }
}
