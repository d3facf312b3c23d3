/**
 * How the dashboard names each section of `Emulator.state()`: a title, and the Describe members
 * that hold a resource's name, ARN, status and creation time. A kind added to resources/kinds.ts
 * without a line here still shows, read by the members' suffixes (…Name, …Arn, …Status).
 */
interface KindFields {
  readonly title: string;
  readonly name: string;
  readonly arn: string;
  readonly status?: string;
}

const FIELDS: Readonly<Record<string, KindFields>> = {
  trainingJobs: { title: "Training jobs", name: "TrainingJobName", arn: "TrainingJobArn", status: "TrainingJobStatus" },
  processingJobs: { title: "Processing jobs", name: "ProcessingJobName", arn: "ProcessingJobArn", status: "ProcessingJobStatus" },
  transformJobs: { title: "Transform jobs", name: "TransformJobName", arn: "TransformJobArn", status: "TransformJobStatus" },
  tuningJobs: {
    title: "Tuning jobs",
    name: "HyperParameterTuningJobName",
    arn: "HyperParameterTuningJobArn",
    status: "HyperParameterTuningJobStatus",
  },
  models: { title: "Models", name: "ModelName", arn: "ModelArn" },
  endpointConfigs: { title: "Endpoint configs", name: "EndpointConfigName", arn: "EndpointConfigArn" },
  endpoints: { title: "Endpoints", name: "EndpointName", arn: "EndpointArn", status: "EndpointStatus" },
  pipelines: { title: "Pipelines", name: "PipelineName", arn: "PipelineArn", status: "PipelineStatus" },
  // An execution's name is its ARN's last part; the display name is what the console shows.
  pipelineExecutions: {
    title: "Pipeline executions",
    name: "PipelineExecutionDisplayName",
    arn: "PipelineExecutionArn",
    status: "PipelineExecutionStatus",
  },
};

/** One resource in the dashboard's lists: what a row shows, and its Describe as SageMaker answers it. */
export interface ResourceRow {
  readonly name: string;
  readonly arn: string;
  readonly status?: string;
  readonly created?: string;
  readonly describe: Record<string, unknown>;
}

export interface KindSection {
  readonly key: string;
  readonly title: string;
  readonly resources: ResourceRow[];
}

/** The state's resource sections (S3 and Logs are shown apart), each resource with its row fields. */
export function kindSections(state: Record<string, unknown[]>): KindSection[] {
  return Object.entries(state)
    .filter(([key]) => key !== "s3Buckets" && key !== "logGroups")
    .map(([key, resources]) => {
      const fields = FIELDS[key];
      return {
        key,
        title: fields?.title ?? key,
        resources: (resources as Record<string, unknown>[]).map((describe) => rowOf(describe, fields)),
      };
    });
}

function rowOf(describe: Record<string, unknown>, fields: KindFields | undefined): ResourceRow {
  const pick = (field: string | undefined, suffix: string): unknown =>
    field !== undefined ? describe[field] : Object.entries(describe).find(([k]) => k.endsWith(suffix))?.[1];
  const status = pick(fields?.status, "Status");
  const created = describe.CreationTime;
  return {
    name: String(pick(fields?.name, "Name") ?? ""),
    arn: String(pick(fields?.arn, "Arn") ?? ""),
    ...(typeof status === "string" ? { status } : {}),
    ...(created instanceof Date ? { created: created.toISOString() } : {}),
    describe,
  };
}
