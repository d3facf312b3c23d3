/**
 * The smallest size SageMaker offers in each instance family, for training and processing jobs.
 * Read from the `InstanceType` valid values of ResourceConfig, ProcessingClusterConfig and
 * TransformResources in the SageMaker API reference (the same lists as the AWS SDK's
 * `TrainingInstanceType`, `ProcessingInstanceType` and `TransformInstanceType`), which the tests
 * check this table against:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceConfig.html,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProcessingClusterConfig.html,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TransformResources.html.
 * Sizes per family and their prices: https://aws.amazon.com/sagemaker/pricing/.
 *
 * `ml.c5.large` does not exist for jobs: the c5 family starts at `ml.c5.xlarge`. A family missing
 * here (new ones, `ml.p4d`, `ml.trn2`, … with a single size) keeps the type it was given.
 */
const SMALLEST_SIZE: Readonly<Record<string, string>> = {
  c4: "xlarge",
  c5: "xlarge",
  c5n: "xlarge",
  c6i: "xlarge",
  c7i: "large",
  c8i: "xlarge",
  g4dn: "xlarge",
  g5: "xlarge",
  g6: "xlarge",
  g6e: "xlarge",
  g7: "2xlarge",
  g7e: "2xlarge",
  inf2: "xlarge",
  m4: "xlarge",
  m5: "large",
  m6i: "large",
  m7i: "large",
  m8i: "large",
  p2: "xlarge",
  p3: "2xlarge",
  p5: "4xlarge",
  r5: "large",
  r5d: "large",
  r6i: "large",
  r7i: "large",
  r8i: "large",
  t3: "medium",
  trn1: "2xlarge",
};

/** Where a transform job goes smaller than training and processing (TransformResources lists `ml.c6i.large`). */
const SMALLEST_TRANSFORM_SIZE: Readonly<Record<string, string>> = { c6i: "large" };

const INSTANCE_TYPE = /^ml\.(?<family>[a-z0-9-]+)\.(?<size>[a-z0-9]+)$/;

/**
 * The smallest instance type of `instanceType`'s family, or undefined when the family is not in the
 * table (the caller keeps the type it has).
 *
 * @example smallestInstanceType("ml.p3.16xlarge", "training") // "ml.p3.2xlarge"
 */
export function smallestInstanceType(instanceType: string, kind: "training" | "processing" | "transform"): string | undefined {
  const family = INSTANCE_TYPE.exec(instanceType)?.groups?.family;
  if (family === undefined || !Object.hasOwn(SMALLEST_SIZE, family)) return undefined;
  const size = (kind === "transform" && Object.hasOwn(SMALLEST_TRANSFORM_SIZE, family) ? SMALLEST_TRANSFORM_SIZE : SMALLEST_SIZE)[family];
  return `ml.${family}.${size}`;
}

/** The families of the table, for the tests that check it against the API's lists. */
export const INSTANCE_FAMILIES: readonly string[] = Object.keys(SMALLEST_SIZE);
