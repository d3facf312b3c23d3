/**
 * SageMaker ARNs: `arn:<partition>:sagemaker:<region>:<account>:<resource-type>/<name>`, the
 * resource type being each kind's own (`training-job`, `hyper-parameter-tuning-job`, …: the
 * botocore model's ARN patterns).
 */
export interface ArnScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Keep the name's case in ARNs. Off by default: SageMaker lower-cases it (aws/amazon-sagemaker-examples#293). */
  readonly preserveArnNameCase: boolean;
}

/**
 * A pipeline execution's ARN nests in its pipeline's: `pipeline/<pipeline>/execution/<id>` ([MODEL]
 * PipelineExecutionArn's pattern). Its kind's type is this; its name is `<pipeline>/execution/<id>`.
 */
export const PIPELINE_EXECUTION = "pipeline-execution";

export function buildArn(scope: ArnScope, type: string, name: string): string {
  const segment = scope.preserveArnNameCase ? name : name.toLowerCase();
  return `arn:${scope.partition}:sagemaker:${scope.region}:${scope.accountId}:${type === PIPELINE_EXECUTION ? "pipeline" : type}/${segment}`;
}

/** Splits an ARN this emulator issued into its type and name, or undefined for anything else. */
export function parseArn(arn: string): { type: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:([a-z-]+)\/(.+)$/.exec(arn);
  if (match?.[1] === "pipeline" && match[2]!.includes("/execution/")) return { type: PIPELINE_EXECUTION, name: match[2]! };
  return match ? { type: match[1]!, name: match[2]! } : undefined;
}
