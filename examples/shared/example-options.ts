import { systemClock } from "@sagerun/operators";

/** A command-line mistake: the example prints it with a pointer to `--help` and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The options every example takes, for `parseArgs`; an example spreads them and adds its own. */
export const COMMON_OPTIONS = {
  "run-id": { type: "string" },
  "check-interval": { type: "string" },
  bucket: { type: "string" },
  "create-bucket": { type: "boolean" },
  "role-arn": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The usage text's lines for {@link COMMON_OPTIONS}, to follow an example's own options. */
export const COMMON_USAGE = `  --run-id ID               the run's id: job names and S3 keys derive from it, so the same
                            id resumes a killed run on AWS or \`sagerun-emulator serve\`
                            (default: a new one, printed at the start)
  --check-interval SECONDS  seconds between status checks (default 30; virtual on the emulator)
  --bucket NAME             the S3 bucket for data and results
                            (default: SAGERUN_BUCKET, else sagerun-examples)
  --create-bucket           create the bucket if it is missing (the emulator always does)
  --role-arn ARN            the IAM role SageMaker runs the jobs as; needed on AWS
                            (default: SAGERUN_ROLE_ARN)
  -h, --help                show this help

Backend: the embedded emulator, unless SAGERUN_BACKEND=aws; then AWS as the usual settings say
(AWS_REGION, AWS_PROFILE or keys, AWS_ENDPOINT_URL for \`sagerun-emulator serve\`).`;

/** The values of {@link COMMON_OPTIONS} as `parseArgs` returns them. */
interface CommonValues {
  readonly "run-id"?: string | undefined;
  readonly "check-interval"?: string | undefined;
  readonly bucket?: string | undefined;
  readonly "create-bucket"?: boolean | undefined;
  readonly "role-arn"?: string | undefined;
}

/** What every example needs to know, checked. */
export interface CommonSettings {
  readonly runId: string;
  readonly checkIntervalSeconds: number;
  readonly bucket: string;
  readonly createBucket: boolean;
  /** Undefined when neither `--role-arn` nor `SAGERUN_ROLE_ARN` gave one: see {@link roleArnFor}. */
  readonly roleArn: string | undefined;
}

const DEFAULT_BUCKET = "sagerun-examples";
const DEFAULT_CHECK_INTERVAL_SECONDS = 30;
/** runPipeline's rule for run ids (the id also goes into a tag value). */
const RUN_ID = /^[A-Za-z0-9_.:/=+\-@]{1,128}$/;
/** S3's rule for bucket names in short: 3 to 63 lower-case letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/;
/** A role in the emulator's default account: the emulator checks an ARN's shape, never the role. */
const EMULATOR_ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";

/**
 * Runs `parse` (a `parseArgs` call) with its errors as {@link UsageError}s.
 *
 * @example
 * ```ts
 * const { values } = asUsageErrors(() => parseArgs({ args, options: { ...COMMON_OPTIONS, model: { type: "string" } } }));
 * ```
 */
export function asUsageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(argumentProblem(error));
  }
}

/** parseArgs's messages are written for its API; say what is wrong in the command's terms. */
function argumentProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `Unknown option ${option}.`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `Unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ""}: every option starts with --.`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const long = /--[\w-]+/.exec(message)?.[0] ?? option;
      return message.includes("does not take an argument") ? `${long} takes no value.` : `${long} needs a value.`;
    }
    default:
      return message;
  }
}

/** Checks the common options; defaults come from the environment, then from the example. */
export function commonSettings(values: CommonValues, env: Readonly<Record<string, string | undefined>>): CommonSettings {
  const runId = values["run-id"] ?? newRunId();
  if (!RUN_ID.test(runId)) throw new UsageError(`--run-id must be 1 to 128 letters, digits or _.:/=+-@, got '${runId}'.`);
  const interval = values["check-interval"];
  const checkIntervalSeconds = interval === undefined ? DEFAULT_CHECK_INTERVAL_SECONDS : Number(interval);
  if (interval !== undefined && !(interval.trim() !== "" && Number.isFinite(checkIntervalSeconds) && checkIntervalSeconds > 0)) {
    throw new UsageError(`--check-interval must be a number of seconds greater than 0, got '${interval}'.`);
  }
  const bucket = values.bucket ?? nonEmpty(env.SAGERUN_BUCKET) ?? DEFAULT_BUCKET;
  if (!BUCKET.test(bucket)) {
    const from = values.bucket === undefined ? "SAGERUN_BUCKET" : "--bucket";
    throw new UsageError(`${from} must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens), got '${bucket}'.`);
  }
  const roleArn = values["role-arn"] ?? nonEmpty(env.SAGERUN_ROLE_ARN);
  if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
    const from = values["role-arn"] === undefined ? "SAGERUN_ROLE_ARN" : "--role-arn";
    throw new UsageError(`${from} must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got '${roleArn}'.`);
  }
  return { runId, checkIntervalSeconds, bucket, createBucket: values["create-bucket"] ?? false, roleArn };
}

/**
 * The role the jobs run as. The emulator takes any role of the right shape; on AWS it must be one
 * SageMaker may assume, and no default could be, so the example asks for it.
 */
export function roleArnFor(settings: CommonSettings, backend: "aws" | "emulator"): string {
  if (settings.roleArn !== undefined) return settings.roleArn;
  if (backend === "emulator") return EMULATOR_ROLE_ARN;
  throw new UsageError("On AWS, the jobs need a role SageMaker can assume: pass --role-arn ARN, or set SAGERUN_ROLE_ARN.");
}

/** A new run's id, from the time it starts: `20260101T093000Z`. */
function newRunId(): string {
  return new Date(systemClock.now()).toISOString().replace(/\.\d+/, "").replace(/[-:]/g, "");
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}
