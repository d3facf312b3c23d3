/** The resource-type segment of each SageMaker ARN (sagemaker-semantics.md §3, from the model's ARN patterns). */
export type ResourceType =
  | "training-job"
  | "processing-job"
  | "transform-job"
  | "hyper-parameter-tuning-job"
  | "model"
  | "endpoint-config"
  | "endpoint";

export interface ArnScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Keep the name's case in ARNs. Off by default: SageMaker lower-cases it (§3, aws/amazon-sagemaker-examples#293). */
  readonly preserveArnNameCase: boolean;
}

export function buildArn(scope: ArnScope, type: ResourceType, name: string): string {
  const segment = scope.preserveArnNameCase ? name : name.toLowerCase();
  return `arn:${scope.partition}:sagemaker:${scope.region}:${scope.accountId}:${type}/${segment}`;
}

/** Splits an ARN this emulator issued into its type and name, or undefined for anything else. */
export function parseArn(arn: string): { type: string; name: string } | undefined {
  const match = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:([a-z-]+)\/(.+)$/.exec(arn);
  return match ? { type: match[1]!, name: match[2]! } : undefined;
}
