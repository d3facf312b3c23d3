import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { WaitFailedError, type JsonDescription } from "../errors/index.js";
import type { WaitFailedInit } from "../errors/wait-errors.js";
import type { JobDescription, JobKind } from "../job-kinds/job-kind.js";
import { jobStatus } from "../job-kinds/job-outcome.js";
import { stopBeforeThrowing } from "./request-stop.js";

/** Why and where waiting broke off; see {@link waitFailed}. */
interface WaitFailure<D> {
  readonly during: WaitFailedInit["during"];
  readonly detail: string;
  readonly cause: unknown;
  /** The last description read, if any. */
  readonly last: D | undefined;
  /** `stopOnError`: send the Stop request first. */
  readonly stop: boolean;
}

/**
 * The error that ends a wait which broke off before the job finished, after the Stop request when
 * `stopOnError` asks for one. Before this, the SDK's error surfaced raw: without the job's name,
 * and with the job left running and billing while nobody watched it.
 */
export async function waitFailed<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
  failure: WaitFailure<JobDescription<O>>,
): Promise<WaitFailedError> {
  const { stopRequested, stopError } = await stopBeforeThrowing(kind, client, jobName, failure.stop);
  const status = failure.last === undefined ? undefined : jobStatus(kind, failure.last);
  return new WaitFailedError({
    jobKind: kind.label,
    kindName: kind.exportName,
    jobName,
    during: failure.during,
    detail: failure.detail,
    lastStatus: status?.status,
    lastSecondaryStatus: status?.secondaryStatus,
    description: failure.last as JsonDescription | undefined,
    stopRequested,
    stopError,
    cause: failure.cause,
  });
}
