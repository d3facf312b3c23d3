import type { RetryPolicy } from "../pipeline/definition/types.js";
import type { StepAttempt } from "./record.js";
import type { StepView } from "./steps.js";

/**
 * [DOC] developer guide "pipelines-retry-policy": the exception types a policy lists. [INF] which
 * emulated failure is which: a job's FailureReason category (docs/fidelity.md §5.1, `<Category>:
 * <text>`) or, for a job that could not be created, the error code.
 */
function exceptionTypeOf(attempt: StepAttempt, view: StepView): string | undefined {
  const code = attempt.ending?.errorCode;
  if (code === "ThrottlingException") return "Step.THROTTLING";
  if (code === "InternalFailure") return "Step.SERVICE_FAULT";
  if (code === "ResourceLimitExceeded") return "SageMaker.RESOURCE_LIMIT";
  const reason = view.failureReason ?? "";
  if (/^CapacityError\b/.test(reason)) return "SageMaker.CAPACITY_ERROR";
  if (/^InternalServerError\b/.test(reason)) return "SageMaker.JOB_INTERNAL_ERROR";
  if (/^ResourceLimitExceeded\b/.test(reason)) return "SageMaker.RESOURCE_LIMIT";
  return undefined;
}

/**
 * When a failed attempt's retry starts, if a policy of the step covers the failure: [DOC] the
 * n-th retry waits IntervalSeconds × BackoffRate^(n-1) (defaults 1 s and 2.0) and there are at
 * most MaxAttempts retries (default 5), or retries go on until ExpireAfterMin minutes after the
 * step's first attempt started.
 */
export function retryStartsAt(
  policies: readonly RetryPolicy[] | undefined,
  attempts: readonly StepAttempt[],
  view: StepView,
): number | undefined {
  if (!policies || view.status !== "Failed" || view.endedAt === undefined) return undefined;
  const type = exceptionTypeOf(view.last, view);
  if (type === undefined) return undefined;
  const policy = policies.find((p) => p.ExceptionType.includes(type));
  if (!policy) return undefined;
  const retries = attempts.length - 1;
  const delayMs = (policy.IntervalSeconds ?? 1) * (policy.BackoffRate ?? 2) ** retries * 1000;
  const startsAt = view.endedAt + Math.round(delayMs);
  if (policy.ExpireAfterMin !== undefined) return startsAt - attempts[0]!.startsAt < policy.ExpireAfterMin * 60_000 ? startsAt : undefined;
  return retries < (policy.MaxAttempts ?? 5) ? startsAt : undefined;
}
