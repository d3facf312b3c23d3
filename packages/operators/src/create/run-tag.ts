import { ListTagsCommand, type SageMakerClient, type Tag } from "@aws-sdk/client-sagemaker";
import type { JobKind } from "../job-kinds/job-kind.js";
import { findJob } from "../naming/find-job.js";

/**
 * The tag every job `runJob` creates carries, valued with the run's id. It is how a run tells its
 * own job from someone else's when Create's answer is lost: the job exists, but only the tag says
 * who made it. Keys may use letters, digits, spaces and `_.:/=+-@` (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html);
 * the `aws:` prefix is AWS's own, so sagerun takes `sagerun:`.
 */
export const RUN_ID_TAG_KEY = "sagerun:run-id";

// CreateTrainingJob takes at most 50 Tags; a tag Value is at most 256 characters (API reference, Tag).
const MAX_TAGS = 50;
const MAX_TAG_VALUE_LENGTH = 256;

/**
 * `config` with the run-id tag added after the user's own tags, as a new object (the caller's
 * config is not modified). Throws before anything is created when the tag does not fit.
 */
export function withRunTag<I extends object, O extends object, S extends string>(kind: JobKind<I, O, S>, config: I, runId: string): I {
  if (typeof runId !== "string" || runId === "" || runId.length > MAX_TAG_VALUE_LENGTH) {
    throw new RangeError(
      `Option runId [${String(runId)}] must be a string of 1 to ${MAX_TAG_VALUE_LENGTH} characters (a tag value). ` +
        "Please pass a unique id, or leave it out for a random UUID.",
    );
  }
  const own = (config[kind.tagsField] as readonly Tag[] | undefined) ?? [];
  const where = `The ${kind.label} config's ${kind.tagsField}`;
  if (own.some((tag) => tag.Key === RUN_ID_TAG_KEY)) {
    throw new TypeError(
      `${where} already has the key ${RUN_ID_TAG_KEY}, which sagerun sets itself. Please remove it, and pass runId to choose its value.`,
    );
  }
  if (own.length >= MAX_TAGS) {
    throw new RangeError(
      `${where} has ${own.length} tags; sagerun adds ${RUN_ID_TAG_KEY} to recognise its own job after a lost Create ` +
        `response, and SageMaker allows at most ${MAX_TAGS}. Please drop a tag, or pass tagRunId: false.`,
    );
  }
  return { ...config, [kind.tagsField]: [...own, { Key: RUN_ID_TAG_KEY, Value: runId }] };
}

/**
 * True when a job named `jobName` exists and carries this run's id: Describe for its ARN, then
 * ListTags (DescribeTrainingJob's answer has no Tags member; only ListTags returns them).
 * Not cancellable, like the Create it completes: see `submitJob`.
 */
export async function isOwnJob<I extends object, O extends object, S extends string>(
  kind: JobKind<I, O, S>,
  client: SageMakerClient,
  jobName: string,
  runId: string,
): Promise<boolean> {
  const description = await findJob(kind, client, jobName);
  const arn = (description as Readonly<Record<string, unknown>> | undefined)?.[kind.arnField];
  if (typeof arn !== "string") return false;
  // At most 50 tags and 50 per page by default; follow NextToken all the same (bounded).
  let NextToken: string | undefined;
  for (let page = 0; page < 10; page++) {
    const answer = await client.send(new ListTagsCommand({ ResourceArn: arn, NextToken }));
    if (answer.Tags?.some((tag) => tag.Key === RUN_ID_TAG_KEY && tag.Value === runId)) return true;
    NextToken = answer.NextToken;
    if (NextToken === undefined) return false;
  }
  return false;
}
