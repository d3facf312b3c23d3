import { JobStoppedError, MaxRuntimeExceededError } from "../../errors/index.js";
import type { CheckClient } from "../checks/output-check.js";
import { parseS3Uri, s3Reader } from "../checks/internal/s3-objects.js";
import type { TestModeJobKind } from "./apply-test-mode.js";

/** What `acceptRuntimeCap` needs of a job resolved in test mode. */
export interface RuntimeCapAcceptance {
  readonly testModeKind: TestModeJobKind;
  /** Set only when the option accepts a stop at the cap, for a kind where one can be told apart. */
  readonly s3: CheckClient | undefined;
}

/**
 * Why `acceptRuntimeCap` means nothing for a kind, or undefined where it applies (training and
 * processing jobs, whose runtime test mode caps with StoppingCondition.MaxRuntimeInSeconds).
 */
export const NO_RUNTIME_CAP: Readonly<Partial<Record<TestModeJobKind, string>>> = {
  // CreateTransformJob takes no StoppingCondition: a transform job has no runtime limit, so test
  // mode caps nothing and no transform job is ever stopped at a cap
  // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTransformJob.html).
  transform: "a transform job has no runtime limit (CreateTransformJob takes no StoppingCondition), so it is never stopped at one",
  // Test mode caps the runtime of each training job a tuning job launches, and the tuning job
  // counts those stops itself (TrainingJobStatusCounters); what SageMaker does when the tuning job's
  // own ResourceLimits.MaxRuntimeInSeconds runs out is not documented, and its description does not
  // say why it stopped (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeHyperParameterTuningJob.html).
  tuning: "a tuning job counts its training jobs stopped at their caps itself, and its description does not say why the tuning job stopped",
};

/**
 * The error's description when the job stopped at its test-mode runtime cap after writing its
 * outputs and the option accepts that; otherwise rethrows `err` as it is.
 *
 * - Training: `Stopped` with secondary status `MaxRuntimeExceeded` (`MaxRuntimeExceededError`),
 *   and its model artifact (`ModelArtifacts.S3ModelArtifacts`) is in S3 (HeadObject).
 * - Processing: `Stopped`, ProcessingEndTime − ProcessingStartTime at least
 *   `StoppingCondition.MaxRuntimeInSeconds`, and every S3 output holds an object written since the
 *   job started (ListObjectsV2). DescribeProcessingJob has no secondary status, so the runtime
 *   stop is inferred from the times: "After the condition is met, the processing job is stopped"
 *   (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingStoppingCondition.html).
 *   Outputs uploaded `Continuous`ly are there; `EndOfJob` ones are uploaded "after the job
 *   completes" (API_ProcessingS3Output), and whether a stopped job's are is not documented: without
 *   them the job is not accepted. Objects older than the job (an earlier run's) do not count.
 */
export async function acceptAtRuntimeCap(mode: RuntimeCapAcceptance, err: unknown): Promise<JobStoppedError["description"]> {
  const { s3 } = mode;
  if (s3 === undefined) throw err;
  if (mode.testModeKind === "training" && err instanceof MaxRuntimeExceededError) {
    const artifacts = err.description.ModelArtifacts as { S3ModelArtifacts?: unknown } | undefined;
    const at = typeof artifacts?.S3ModelArtifacts === "string" ? parseS3Uri(artifacts.S3ModelArtifacts) : undefined;
    // The job stopped before its code could save a model (Starting, Downloading): nothing to accept.
    if (at !== undefined && (await (await s3Reader(s3)).size(at)) !== undefined) return err.description;
  }
  if (mode.testModeKind === "processing" && err instanceof JobStoppedError && (await processingOutputsAtCap(s3, err.description))) {
    return err.description;
  }
  throw err;
}

interface StoppedProcessingJob {
  readonly StoppingCondition?: { readonly MaxRuntimeInSeconds?: number };
  readonly ProcessingStartTime?: string;
  readonly ProcessingEndTime?: string;
  readonly ProcessingOutputConfig?: { readonly Outputs?: readonly { readonly S3Output?: { readonly S3Uri?: string } }[] };
}

/** Whether a stopped processing job ran to its cap and left an object under each S3 output since it started. */
async function processingOutputsAtCap(s3: CheckClient, description: object): Promise<boolean> {
  const job = description as StoppedProcessingJob;
  const cap = job.StoppingCondition?.MaxRuntimeInSeconds;
  const start = Date.parse(job.ProcessingStartTime ?? "");
  const end = Date.parse(job.ProcessingEndTime ?? "");
  if (cap === undefined || !Number.isFinite(start) || !Number.isFinite(end) || end - start < cap * 1000) return false;
  const outputs = (job.ProcessingOutputConfig?.Outputs ?? []).flatMap((o) => (o.S3Output?.S3Uri === undefined ? [] : [o.S3Output.S3Uri]));
  if (outputs.length === 0) return false;
  const reader = await s3Reader(s3);
  for (const uri of outputs) {
    const at = parseS3Uri(uri);
    if (at === undefined || (await reader.list(at, start)).length === 0) return false;
  }
  return true;
}
