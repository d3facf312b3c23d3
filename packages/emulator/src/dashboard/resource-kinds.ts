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

/** SageMaker's usual naming: `<Kind>Name`, `<Kind>Arn` and, for kinds with a lifecycle, `<Kind>Status`. */
const named = (title: string, kind: string, hasStatus = true): KindFields => ({
  title,
  name: `${kind}Name`,
  arn: `${kind}Arn`,
  ...(hasStatus ? { status: `${kind}Status` } : {}),
});

const FIELDS: Readonly<Record<string, KindFields>> = {
  trainingJobs: named("Training jobs", "TrainingJob"),
  processingJobs: named("Processing jobs", "ProcessingJob"),
  transformJobs: named("Transform jobs", "TransformJob"),
  tuningJobs: named("Tuning jobs", "HyperParameterTuningJob"),
  models: named("Models", "Model", false),
  endpointConfigs: named("Endpoint configs", "EndpointConfig", false),
  endpoints: named("Endpoints", "Endpoint"),
  pipelines: named("Pipelines", "Pipeline"),
  // An execution's name is its ARN's last part; the display name is what the console shows.
  pipelineExecutions: { ...named("Pipeline executions", "PipelineExecution"), name: "PipelineExecutionDisplayName" },
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
