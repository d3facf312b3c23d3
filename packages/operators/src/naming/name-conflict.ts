import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import { NameConflictError } from "../errors/index.js";
import type { JobDescription, JobKind } from "../job-kinds/job-kind.js";
import { type RetryContext, retryTransient } from "../internal/retry-transient.js";
import { findJob } from "./find-job.js";
import { incrementName, timestampName } from "./job-names.js";

/**
 * What to do when a job with the requested name already exists. SageMaker job names are unique per
 * account and region forever (jobs cannot be deleted by name reuse), so a rerun must pick one
 * (apache/airflow#7598):
 *
 * - `"timestamp"`: create under `name-<epoch seconds>` instead, exactly as Airflow (PR #45551).
 * - `"fail"`: throw {@link NameConflictError}.
 * - `"increment"`: create under the first free `name-2`, `name-3`, … (Airflow's removed policy,
 *   brought back on the O(1) Describe check rather than listing every job, apache/airflow#29245).
 * - `"skip"`: create nothing and do not wait. A finished job is judged like any other: `Completed`
 *   resolves, `Failed`/`Stopped` reject with the outcome's error; a running one is returned as it
 *   is, still running.
 * - `"reattach"`: create nothing; wait for the existing job, whatever its state, and judge it
 *   like a new one, so a retried task never pays twice (Airflow's default "timestamp" starts a
 *   second job when a task is retried after a worker crash, and it has no reattach).
 *   It may be another process's job: an abort detaches from it without stopping it, unless
 *   `stopOnAbort: true`.
 *
 * A job this run created is never a conflict: when the answer to Create is lost and the retry
 * meets the name taken, `runJob` recognises its own job by its `sagerun:run-id` tag.
 */
export type NameConflictPolicy = "fail" | "timestamp" | "increment" | "skip" | "reattach";

/** Airflow's `action_if_job_exists` default. */
const DEFAULT_NAME_CONFLICT_POLICY: NameConflictPolicy = "timestamp";

const POLICIES: readonly NameConflictPolicy[] = ["fail", "timestamp", "increment", "skip", "reattach"];

// Bounds on the loops below: each try costs a Describe call.
const MAX_TIMESTAMP_TRIES = 10;
const MAX_INCREMENT = 100;

/** What to do with the name: create a job under it, or use the existing job. */
export type NameResolution<D> =
  | { readonly action: "create"; readonly jobName: string }
  | { readonly action: "skip" | "reattach"; readonly jobName: string; readonly description: D };

/**
 * Checks a policy value, ignoring case and surrounding spaces, throwing a `TypeError` naming the
 * value and the choices.
 * @default "timestamp" when `policy` is undefined
 *
 * @example
 * ```ts
 * resolveNameConflictPolicy(undefined);   // "timestamp"
 * resolveNameConflictPolicy("Reattach "); // "reattach"
 * resolveNameConflictPolicy("reuse");     // TypeError: Option onExists [reuse] is not a name conflict policy. …
 * ```
 */
export function resolveNameConflictPolicy(policy: string | undefined): NameConflictPolicy {
  if (policy === undefined) return DEFAULT_NAME_CONFLICT_POLICY;
  // The rule of every sagerun option word (SAGERUN_BACKEND too): case and surrounding spaces do not matter.
  const word = typeof policy === "string" ? policy.trim().toLowerCase() : policy;
  if ((POLICIES as readonly unknown[]).includes(word)) return word as NameConflictPolicy;
  throw new TypeError(`Option onExists [${String(policy)}] is not a name conflict policy. Please use one of: ${POLICIES.join(", ")}.`);
}

/** Options of {@link resolveJobName}. */
interface ResolveJobNameOptions {
  readonly client: SageMakerClient;
  readonly clock: Clock;
  readonly policy: NameConflictPolicy;
  readonly signal?: AbortSignal | undefined;
  /** Retries each lookup's transient errors (throttling, 5xx) on the clock; without it they are thrown. */
  readonly retry?: RetryContext | undefined;
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
  const { client, clock, policy, signal, retry } = options;
  const find = (name: string): Promise<JobDescription<O> | undefined> =>
    retry === undefined
      ? findJob(kind, client, name, signal)
      : retryTransient(() => findJob(kind, client, name, signal), { ...retry, signal });
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
        const candidate = incrementName(proposed, n, kind.maxNameLength);
        if ((await find(candidate)) === undefined) return { action: "create", jobName: candidate };
      }
      throw new NameConflictError({
        jobKind: kind.label,
        jobName: proposed,
        detail: `onExists: "increment" found ${incrementName(proposed, 2, kind.maxNameLength)} … ${incrementName(proposed, MAX_INCREMENT, kind.maxNameLength)} taken too`,
      });
    case "timestamp": {
      let previous: string | undefined;
      for (let tries = 0; tries < MAX_TIMESTAMP_TRIES; tries++) {
        // Airflow: ts = str(time.time_ns() // 10**9). A name taken within the same second would
        // give the same candidate again; wait for the next second on the clock (a virtual clock
        // does not move by itself) rather than spin on Describe calls.
        if (previous !== undefined && previous === epochSeconds(clock)) await clock.sleep(1000, signal);
        previous = epochSeconds(clock);
        const candidate = timestampName(proposed, previous, kind.maxNameLength);
        if ((await find(candidate)) === undefined) return { action: "create", jobName: candidate };
      }
      throw new NameConflictError({
        jobKind: kind.label,
        jobName: proposed,
        detail: `onExists: "timestamp" found ${MAX_TIMESTAMP_TRIES} suffixed names taken`,
      });
    }
  }
}

function epochSeconds(clock: Clock): string {
  return String(Math.floor(clock.now() / 1000));
}
