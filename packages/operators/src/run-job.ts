import type { Backend } from "@sagerun/transport";
import type { BackendOptions } from "./backend.js";
import type { EstimateOptions } from "./cost/estimate.js";
import { checkJobBudget } from "./cost/job-budget.js";
import { resolveJobRequest } from "./create/job-request.js";
import { RUN_ID_TAG_KEY, withRunTag } from "./create/run-tag.js";
import { creationRetry, submitJob } from "./create/submit-job.js";
import { NameConflictError } from "./errors/index.js";
import { track } from "./internal/running-operators.js";
import { describeJob, type JobDescription, type JobKind } from "./job-kinds/job-kind.js";
import { jobOutcome, judgeJob } from "./job-kinds/job-outcome.js";
import { loadLogsCommands } from "./logs/logs-reader.js";
import { resolveJobName, resolveNameConflictPolicy, type NameConflictPolicy, type NameResolution } from "./naming/name-conflict.js";
import { resolveJobChecks } from "./test-mode/checks/job-checks.js";
import type { CheckClients, OutputCheck, OutputCheckResult } from "./test-mode/checks/output-check.js";
import { runChecks } from "./test-mode/checks/run-checks.js";
import { acceptAtRuntimeCap } from "./test-mode/profile/accept-runtime-cap.js";
import type { TestModeOption, TestModeReport } from "./test-mode/profile/test-mode-option.js";
import { leaveIfAborted } from "./wait/request-stop.js";
import { waitUntilDone } from "./wait/wait-for-job.js";
import { resolveWaitRun, type WaitOptions } from "./wait/wait-options.js";
import type { JobStatusEvent } from "./wait/watch-job.js";

/** Options of {@link runJob} and the kind-specific operators built on it. */
export interface RunJobOptions<D> extends BackendOptions, WaitOptions {
  /**
   * What to do when the name is taken; see {@link NameConflictPolicy}. Read like every option
   * word: case and surrounding spaces do not matter (`"Reattach"` is `"reattach"`).
   * @default "timestamp" (Airflow's `action_if_job_exists` default)
   */
  readonly onExists?: NameConflictPolicy;
  /**
   * Wait for the job to finish and judge its outcome. When false, return the description read
   * right after Create (Airflow's operators with `wait_for_completion=False` do the same), or the
   * existing job's with `"reattach"`; a job that has already finished is still judged.
   * @default true
   */
  readonly waitForCompletion?: boolean;
  /**
   * Cancels the run, at any point: before Create nothing is created; after it (waiting or not) the
   * job is stopped unless `stopOnAbort` says otherwise; the promise rejects with `signal.reason`.
   */
  readonly signal?: AbortSignal;
  /**
   * Called once per change of (status, secondary status) while waiting; see `WaitForJobOptions`.
   * The job's log lines, with the `logs` option, go to `logs.onLine`.
   */
  readonly onStatusChange?: (event: JobStatusEvent<D>) => void;
  /**
   * This run's id, the value of the `sagerun:run-id` tag added to the job (after the config's own
   * Tags, which stay). Create is sent once, never retried blindly: if its answer is lost (a 5xx, a
   * reset connection, a timeout), the job under the name is looked up, and the tag tells this run's
   * job (waited for) from another's (a name conflict). Give a unique value per run.
   * @default crypto.randomUUID()
   */
  readonly runId?: string;
  /**
   * Add the `sagerun:run-id` tag. Tagging on create may need the `sagemaker:AddTags` IAM permission
   * and the check `sagemaker:ListTags`. Without the tag, a job found under the name after a lost
   * Create answer is taken to be this run's (the name was free just before) and waited for.
   * @default true
   */
  readonly tagRunId?: boolean;
  /**
   * Test mode: the Create request goes through `applyTestMode` (the default profile with `true`,
   * yours with an object) before it is sent, and the result gains `testMode.changes`. With
   * `{ acceptRuntimeCap: true, s3 }`, a training or processing job stopped at its (shrunk) runtime
   * cap resolves when its outputs are in S3, marked `testMode.acceptedAtRuntimeCap` (`TestModeOptions`).
   * `runPipeline(pipeline, { testMode })` puts it in every step's `ctx.jobOptions`.
   * @default false
   */
  readonly testMode?: TestModeOption;
  /**
   * Output checks (`artifactExists`, `metric`, `transformRowCount`, `logLine`) run with `runChecks`
   * once the job has finished successfully (Completed, or accepted at its runtime cap); their
   * results are the result's `checks`, and a failed one throws `OutputCheckFailedError`. A job
   * returned still running (`onExists: "skip"`) is not checked. Needs `waitForCompletion`, and
   * every client a check reads with in `checkClients`: both are TypeErrors before Create.
   */
  readonly checks?: readonly OutputCheck<D>[];
  /** The clients the `checks` read outputs with: `{ s3: await backend.s3(), logs: await backend.logs() }`. */
  readonly checkClients?: CheckClients;
  /**
   * The most the job may cost in USD, worst case: before anything is created, the request as it
   * will be submitted (after `testMode`) is priced with `estimateJobCost` and `checkBudget` throws
   * `BudgetExceededError` when it is over, or unbounded (a transform job without
   * `costEstimate.assumedSeconds`); it also throws `AwsInCiRefusedError` for a run against AWS
   * from CI without the opt-in (`SAGERUN_ALLOW_AWS_IN_CI=1`). Training, processing and transform
   * jobs only; other kinds are a TypeError.
   */
  readonly budgetUsd?: number;
  /**
   * Where `client` sends its calls, for `budgetUsd`'s CI guard: a `SageMakerClient` does not say,
   * so this option does. `createBackend`'s result carries it: pass `{ ...backend, budgetUsd }`.
   * @default SAGERUN_BACKEND, else "aws" (the guard errs on the side of refusing in CI)
   */
  readonly backend?: Backend;
  /** Prices and an assumed runtime for `budgetUsd`'s estimate (`estimateJobCost`'s options). */
  readonly costEstimate?: EstimateOptions;
}

/** What an operator returns: the name the job ran under and its final description. */
export interface RunJobResult<D> {
  /** The name actually used: the proposed one, or the one the `onExists` policy picked. */
  readonly jobName: string;
  /** The final Describe output, JSON-safe (dates as ISO-8601 strings, no `$metadata`). */
  readonly description: D;
  /** False when `onExists: "skip"` or `"reattach"` used an existing job instead of creating one. */
  readonly created: boolean;
  /** What test mode changed, and whether it accepted a job at its runtime cap; only with the `testMode` option. */
  readonly testMode?: TestModeReport;
  /** What each of the `checks` found, in order; only with the `checks` option and a finished job. */
  readonly checks?: readonly OutputCheckResult[];
}

// Create answering ResourceInUse (for a job not ours) means another caller took the name after our
// Describe; we decide again. Three rounds in a row means something keeps racing us.
const MAX_CREATE_ROUNDS = 3;

/**
 * The generic operator: resolve a name conflict → Create (tagged with the run id) → wait → final
 * description. Only `Completed` resolves, whether the job is new, reattached or skipped to; a
 * running job is returned as it is only by `waitForCompletion: false` and `onExists: "skip"`, and a
 * training or processing job stopped at its runtime cap only by `testMode: { acceptRuntimeCap: true, s3 }`.
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
  const run = resolveWaitRun(options, kind);
  const policy = resolveNameConflictPolicy(options.onExists);
  const waitForCompletion = options.waitForCompletion ?? true;
  const { name: proposed, request: submitted, testMode } = resolveJobRequest(kind, config, options.testMode);
  const checks = resolveJobChecks(options.checks, options.checkClients, waitForCompletion);
  checkJobBudget(kind, submitted, { budgetUsd: options.budgetUsd, backend: options.backend, costEstimate: options.costEstimate });
  const runId = options.tagRunId === false ? undefined : (options.runId ?? globalThis.crypto.randomUUID());
  const tagged = runId === undefined ? submitted : withRunTag(kind, submitted, runId);
  const { client, clock } = run;
  // A logs client without its SDK package fails here, before a job is created.
  if (run.logs !== undefined && waitForCompletion) await loadLogsCommands();

  return track(options.signal, async (signal) => {
    const finish = async (
      jobName: string,
      action: NameResolution<unknown>["action"],
      known?: JobDescription<O>,
    ): Promise<RunJobResult<JobDescription<O>>> => {
      const created = action === "create";
      const result = (description: JobDescription<O>, accepted?: true): RunJobResult<JobDescription<O>> => {
        if (testMode === undefined) return { jobName, created, description };
        return {
          jobName,
          created,
          description,
          testMode: { changes: testMode.changes, ...(accepted && { acceptedAtRuntimeCap: accepted }) },
        };
      };
      // Only with testMode.acceptRuntimeCap: a training or processing job stopped at its cap with its outputs in S3; else rethrows.
      const accept = async (err: unknown): Promise<RunJobResult<JobDescription<O>>> => {
        if (testMode === undefined) throw err;
        return result((await acceptAtRuntimeCap(testMode, err)) as JobDescription<O>, true);
      };
      // runJob's one departure from the wait defaults: a job it did not create may be another
      // process's, still watched there, so an abort detaches from it unless stopOnAbort says so.
      const stopOnAbort = created ? run.wait.stopOnAbort : (options.stopOnAbort ?? false);
      // An abort during Create or the name check lands here, whether or not we go on to wait.
      await leaveIfAborted(kind, client, jobName, signal, stopOnAbort);
      if (waitForCompletion && action !== "skip") {
        let description: JobDescription<O>;
        try {
          description = await waitUntilDone(kind, jobName, { ...run, signal, wait: { ...run.wait, stopOnAbort } }, options.onStatusChange);
        } catch (err) {
          return accept(err);
        }
        return result(description);
      }
      let description = known;
      try {
        description ??= await describeJob(kind, client, jobName, signal);
      } catch (err) {
        await leaveIfAborted(kind, client, jobName, signal, stopOnAbort);
        throw err;
      }
      // Not waiting, but a job that already finished is judged all the same: only Completed resolves.
      try {
        judgeJob(kind, jobName, description);
      } catch (err) {
        return accept(err);
      }
      return result(description);
    };

    // The checks run on a job that ended well; one returned still running is left unchecked.
    const checked = async (result: RunJobResult<JobDescription<O>>): Promise<RunJobResult<JobDescription<O>>> => {
      if (checks === undefined) return result;
      const ended = result.testMode?.acceptedAtRuntimeCap === true || jobOutcome(kind, result.description) === "completed";
      if (!ended) return result;
      return { ...result, checks: await runChecks(kind, result.description, checks.checks, checks.clients) };
    };

    for (let round = 1; ; round++) {
      signal.throwIfAborted();
      const { checking } = creationRetry(proposed, { clock, retry: run.wait.retry, onRetry: run.wait.onRetry });
      const resolution = await resolveJobName(kind, proposed, { client, clock, policy, signal, retry: checking });
      const { jobName } = resolution;
      if (resolution.action !== "create") return checked(await finish(jobName, resolution.action, resolution.description));
      signal.throwIfAborted();
      const input = { ...tagged, [kind.nameField]: jobName } as I;
      const answer = await submitJob(kind, client, input, { clock, retry: run.wait.retry, runId, signal, onRetry: run.wait.onRetry });
      if (answer === "created") return checked(await finish(jobName, "create"));
      if (round >= MAX_CREATE_ROUNDS) {
        const detail = `Create answered ResourceInUse ${round} times in a row${runId === undefined ? "" : ` for jobs without this run's ${RUN_ID_TAG_KEY}`}`;
        throw new NameConflictError({ jobKind: kind.label, jobName, detail });
      }
    }
  });
}
