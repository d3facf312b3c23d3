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

export function buildArn(scope: ArnScope, type: string, name: string): string {
  const segment = scope.preserveArnNameCase ? name : name.toLowerCase();
  return `arn:${scope.partition}:sagemaker:${scope.region}:${scope.accountId}:${type}/${segment}`;
}

/** Splits an ARN this emulator issued into its type and name, or undefined for anything else. */
export function parseArn(arn: string): { type: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:([a-z-]+)\/(.+)$/.exec(arn);
  return match ? { type: match[1]!, name: match[2]! } : undefined;
}
