import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";
import { errorCode, isResourceInUse, isThrottlingError, isTransientError } from "../internal/aws-errors.js";
import { backoffDelayMs, type RetryPolicy } from "../internal/backoff.js";
import { type RetryContext, retryTransient, type TransientFailure } from "../internal/retry-transient.js";
import { sendOnce } from "../internal/send-once.js";
import type { JobKind } from "../job-kinds/job-kind.js";
import { findJob } from "../naming/find-job.js";
import { MAX_CONSECUTIVE_TRANSIENT_ERRORS } from "../wait/wait-options.js";
import type { JobRetryEvent } from "../wait/watch-job.js";
import { isOwnJob } from "./run-tag.js";

/** `created`: the job under the name is ours. `taken`: someone else's job has the name. */
type SubmitResult = "created" | "taken";

/** What {@link submitJob} needs besides the request. */
export interface SubmitContext {
  readonly clock: Clock;
  /** The wait's `retry` option: how throttled Creates and the checks after a lost one are retried. */
  readonly retry: RetryPolicy;
  /** The run's `sagerun:run-id` tag value, when the tag is on. */
  readonly runId: string | undefined;
  /** Cancels the back-off before a throttled Create is sent again; never a Create or a check in flight. */
  readonly signal: AbortSignal;
  readonly onRetry: ((event: JobRetryEvent) => void) | undefined;
}

/**
 * How the calls made before and around a Create are retried: its policy (no deadline runs yet
 * while creating, so "until the deadline" means the default count here), the run's `onRetry`
 * report, and the context that retries a name lookup's transient errors on the clock.
 */
export function creationRetry(
  jobName: string,
  ctx: Pick<SubmitContext, "clock" | "retry" | "onRetry">,
): {
  policy: RetryPolicy;
  report: (request: JobRetryEvent["request"], failure: TransientFailure) => void;
  checking: RetryContext;
} {
  const policy = Number.isFinite(ctx.retry.maxConsecutiveFailures)
    ? ctx.retry
    : { ...ctx.retry, maxConsecutiveFailures: MAX_CONSECUTIVE_TRANSIENT_ERRORS };
  const report = (request: JobRetryEvent["request"], failure: TransientFailure): void => {
    const { error, attempt, delayMs } = failure;
    const time = new Date(ctx.clock.now()).toISOString();
    ctx.onRetry?.({ type: "retry", jobName, request, error, attempt, delaySeconds: delayMs / 1000, time });
  };
  return { policy, report, checking: { clock: ctx.clock, policy, onRetry: (f) => report("describe", f) } };
}

/**
 * Sends Create and says whose job now carries the name. The request goes on the wire once: the
 * SDK's own retries are off for it (`sendOnce`), because a Create can succeed while its answer is
 * lost (a 5xx, a reset connection, a timeout), and a blind retry then meets our own job as
 * `ResourceInUse`, which "timestamp" would answer with a second, paid job.
 *
 * So on such an error the name is looked up first (Describe, its own transient errors retried on
 * the clock). A job under it is ours when it carries this run's `sagerun:run-id` tag, or, with the
 * tag turned off, whenever it exists (the name was free a moment before) — the run then waits for
 * it as for a job it created. No job: a throttled Create, which the service refused unread, is sent
 * again after the `retry` back-off; any other error is thrown, since nothing was created.
 *
 * Not cancellable on purpose, the checks included: a Create cut off mid-flight may still have
 * started a job we could then neither see nor stop. The caller checks its signal right after.
 */
export async function submitJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  input: I,
  ctx: SubmitContext,
): Promise<SubmitResult> {
  const jobName = String(input[kind.nameField]);
  const { policy, report, checking } = creationRetry(jobName, ctx);
  const isOurs = (): Promise<boolean> =>
    ctx.runId === undefined ? Promise.resolve(true) : retryTransient(() => isOwnJob(kind, client, jobName, ctx.runId!), checking);

  for (let failures = 1; ; failures++) {
    try {
      await kind.commands.create(sendOnce(client), input);
      return "created";
    } catch (err) {
      if (isResourceInUse(err)) {
        // Someone else's, unless the SDK retried after all (a client whose retry middleware has another name).
        return ctx.runId !== undefined && (await isOurs()) ? "created" : "taken";
      }
      if (!isTransientError(err)) throw err;
      try {
        const found = await retryTransient(() => findJob(kind, client, jobName), checking);
        if (found !== undefined) return (await isOurs()) ? "created" : "taken";
      } catch (checkError) {
        // The Create's outcome stays unknown: report the Create's error, unless the check's is one to act on (AccessDenied).
        throw isTransientError(checkError) ? err : checkError;
      }
      if (!isThrottlingError(err) || failures >= policy.maxConsecutiveFailures) throw err;
      const delayMs = backoffDelayMs(policy, failures);
      report("create", { error: errorCode(err) ?? "unknown", attempt: failures, delayMs });
      await ctx.clock.sleep(delayMs, ctx.signal);
    }
  }
}
