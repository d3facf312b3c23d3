import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { abortReason } from "@sagerun/transport";
import { isValidationException } from "../internal/aws-errors.js";
import type { JobKind } from "../job-kinds/job-kind.js";

/**
 * Sends the kind's Stop request. Resolves `true` when SageMaker accepted it and `false` when the
 * job is already finished or gone: SageMaker rejects those with a `ValidationException` ("The
 * request was rejected because the training job is in status Completed." / "Requested resource
 * not found.", boto/boto3#2808 for the latter), which is what we wanted anyway. Other errors throw.
 */
async function requestStop<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
): Promise<boolean> {
  try {
    await kind.commands.stop(client, jobName);
    return true;
  } catch (err) {
    if (isValidationException(err)) return false;
    throw err;
  }
}

/** What {@link stopBeforeThrowing} did. */
interface StopAttempt {
  /** True when SageMaker accepted the Stop request. */
  readonly stopRequested: boolean;
  /** The Stop request's own error, when it failed. */
  readonly stopError: unknown;
}

/**
 * Sends the Stop request when `stop` is true, and never throws: it runs on the way out of a wait
 * that already has an error to report, and a failed Stop is reported next to that error (the
 * error's `stopRequested`), never instead of it.
 */
export async function stopBeforeThrowing<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
  stop: boolean,
): Promise<StopAttempt> {
  if (!stop) return { stopRequested: false, stopError: undefined };
  try {
    return { stopRequested: await requestStop(kind, client, jobName), stopError: undefined };
  } catch (err) {
    return { stopRequested: false, stopError: err };
  }
}

/**
 * The one way an operator leaves a job because its signal aborted: send the Stop request when
 * `stop` is true (a job already finished is fine), then reject with the signal's reason. Does
 * nothing while the signal has not aborted. If the Stop request itself fails, that error is thrown
 * instead, since the job may still be running.
 *
 * Airflow's SageMaker operators have no `on_kill` and never stop a job (apache/airflow#31099 and
 * #32137 report the same gap for sibling AWS operators); a cancelled run must not keep billing.
 */
export async function leaveIfAborted<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
  signal: AbortSignal | undefined,
  stop: boolean,
): Promise<void> {
  if (!signal?.aborted) return;
  if (stop) await requestStop(kind, client, jobName);
  throw abortReason(signal);
}
