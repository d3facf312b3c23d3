import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { systemClock, type Clock } from "@sagerun/transport";
import { NameConflictError } from "./errors.js";
import { isResourceInUse } from "./internal/aws-errors.js";
import { describeJob, type JobDescription, type JobKind } from "./job-kinds/job-kind.js";
import { resolveJobName, resolveNameConflictPolicy, type NameConflictPolicy } from "./naming/name-conflict.js";
import { waitForJob, type JobStatusEvent } from "./wait/wait-for-job.js";
import { resolveWaitOptions, type WaitOptions } from "./wait/wait-options.js";

/** Options of {@link runJob} and the kind-specific operators built on it. */
export interface RunJobOptions<D> extends WaitOptions {
  /** The SageMaker client; `createBackend()` gives one for AWS or the emulator. */
  readonly client: SageMakerClient;
  /**
   * Time source for intervals, deadlines and timestamp names. On the emulator pass the backend's
   * clock (`createBackend().clock`), or waiting would run on wall time.
   * @default systemClock
   */
  readonly clock?: Clock;
  /**
   * What to do when the name is taken; see {@link NameConflictPolicy}.
   * @default "timestamp" (Airflow's `action_if_job_exists` default)
   */
  readonly onExists?: NameConflictPolicy;
  /**
   * Wait for the job to finish and judge its outcome. When false, return the description read
   * right after Create (Airflow's operators with `wait_for_completion=False` do the same).
   * @default true
   */
  readonly waitForCompletion?: boolean;
  /** Cancels the run: before Create nothing is created; once a job is created or reattached, it is stopped. */
  readonly signal?: AbortSignal;
  /** Called once per change of (status, secondary status) while waiting. */
  readonly onStatusChange?: (event: JobStatusEvent<D>) => void;
}

/** What an operator returns: the name the job ran under and its final description. */
export interface RunJobResult<D> {
  /** The name actually used: the proposed one, or the one the `onExists` policy picked. */
  readonly jobName: string;
  /** The final Describe output, JSON-safe (dates as ISO-8601 strings, no `$metadata`). */
  readonly description: D;
  /** False when `onExists: "skip"` or `"reattach"` used an existing job instead of creating one. */
  readonly created: boolean;
}

// Create answering ResourceInUse means another caller took the name after our Describe; we decide
// again. Three rounds in a row means something keeps racing us, which a human should look at.
const MAX_CREATE_ROUNDS = 3;

/**
 * The generic operator: resolve a name conflict → Create → wait → final description.
 *
 * @example
 * ```ts
 * const { jobName, description } = await runJob(trainingJob, config, { client, clock, onExists: "reattach" });
 * ```
 */
export async function runJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  config: I,
  options: RunJobOptions<JobDescription<O>>,
): Promise<RunJobResult<JobDescription<O>>> {
  // Validate everything before anything is created.
  resolveWaitOptions(options);
  const policy = resolveNameConflictPolicy(options.onExists);
  const { client, signal } = options;
  const clock = options.clock ?? systemClock;
  const waitForCompletion = options.waitForCompletion ?? true;
  const proposed: unknown = config[kind.nameField];
  if (typeof proposed !== "string" || proposed === "") {
    throw new TypeError(`The ${kind.label} config's ${kind.nameField} [${String(proposed)}] must be a non-empty string. Please name the job.`);
  }
  const wait = (jobName: string): Promise<JobDescription<O>> => waitForJob(kind, jobName, { ...options, clock });

  for (let round = 1; ; round++) {
    signal?.throwIfAborted();
    const resolution = await resolveJobName(kind, proposed, { client, clock, policy, signal });
    const { jobName } = resolution;
    if (resolution.action === "skip") return { jobName, description: resolution.description, created: false };
    if (resolution.action === "reattach") {
      return { jobName, description: waitForCompletion ? await wait(jobName) : resolution.description, created: false };
    }
    signal?.throwIfAborted();
    try {
      // Not cancellable on purpose: a Create cut off mid-flight may still have started a job we
      // could then neither see nor stop. An abort during it is handled by the wait, which stops the job.
      await kind.commands.create(client, { ...config, [kind.nameField]: jobName } as I);
    } catch (err) {
      if (!isResourceInUse(err)) throw err;
      if (round < MAX_CREATE_ROUNDS) continue;
      throw new NameConflictError({ jobKind: kind.label, jobName, detail: `Create answered ResourceInUse ${round} times in a row`, cause: err });
    }
    return { jobName, description: waitForCompletion ? await wait(jobName) : await describeJob(kind, client, jobName), created: true };
  }
}
