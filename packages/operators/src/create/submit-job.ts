import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { isResourceInUse, isTransientError } from "../internal/aws-errors.js";
import type { JobKind } from "../job-kinds/job-kind.js";
import { isOwnJob } from "./run-tag.js";

/** `created`: the job under the name is ours. `taken`: someone else's job has the name. */
type SubmitResult = "created" | "taken";

/**
 * Sends Create once and says whose job now carries the name.
 *
 * Not cancellable on purpose, ownership check included: a Create cut off mid-flight may still have
 * started a job we could then neither see nor stop. The caller checks its signal right after.
 *
 * A Create can succeed while its answer is lost (a 5xx or a timeout on the way back). The SDK then
 * retries it and the retry meets our own job: `ResourceInUse`; or no retry is left and the
 * transient error surfaces. Either way the name may be ours, and treating it as taken would start
 * a second, paid job ("timestamp"/"increment") or fail while ours runs ("fail"). So on both, the
 * job under the name is checked for this run's `sagerun:run-id` tag. Without a `runId` (the tag
 * was turned off) a ResourceInUse counts as taken and a transient error is thrown.
 */
export async function submitJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  input: I,
  runId: string | undefined,
): Promise<SubmitResult> {
  try {
    await kind.commands.create(client, input);
    return "created";
  } catch (err) {
    const taken = isResourceInUse(err);
    if (!taken && !isTransientError(err)) throw err;
    const jobName = String(input[kind.nameField]);
    if (runId !== undefined && (await isOwnJob(kind, client, jobName, runId))) return "created";
    if (taken) return "taken";
    throw err;
  }
}
