import type {
  CreateModelCommandInput,
  CreateTransformJobCommandInput,
  DescribeTransformJobCommandOutput,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { createOrReuse, resourceExists } from "./hosting/hosting-resource.js";
import { modelResource } from "./hosting/models.js";
import type { JobDescription } from "./job-kinds/job-kind.js";
import { transformJob } from "./job-kinds/transform.js";
import { runJob, type RunJobOptions, type RunJobResult } from "./run-job.js";

/** A transform job's Describe output as sagerun returns it: JSON-safe, without `$metadata`. */
export type TransformJobDescription = JobDescription<DescribeTransformJobCommandOutput>;

/** Options of {@link runTransformJob}. */
export interface RunTransformJobOptions extends RunJobOptions<TransformJobDescription> {
  /**
   * The model the job runs on, created first unless a model of that name exists: the `Model` half
   * of Airflow's `SageMakerTransformOperator` `{ Model, Transform }` config. Its `ModelName` must be
   * the config's `ModelName`.
   *
   * Checked just before CreateTransformJob, after the job's name is settled, as Airflow does
   * (DescribeModel, then CreateModel when absent): with `onExists: "reattach"` or `"skip"` and the
   * job already there, the model is not touched. An existing model is used as it is, its config
   * not compared; Airflow's retries failed on "model already exists" until it checked
   * (apache/airflow#39502). So a retried run never creates the model twice, and a CreateModel
   * whose answer was lost counts as done once the model is there.
   * @default undefined (the config's `ModelName` must name an existing model)
   */
  readonly model?: CreateModelCommandInput;
}

/**
 * Runs a SageMaker batch transform job the way Airflow's `SageMakerTransformOperator` does: settle
 * the name (`onExists`, default `"timestamp"`), create the `model` option's model if it does not
 * exist, CreateTransformJob with `config` plus a `sagerun:run-id` tag, poll DescribeTransformJob
 * every 30 s until the job finishes, and return the final description.
 *
 * Only `Completed` resolves. `Failed` rejects with `JobFailedError` (with `FailureReason`);
 * `Stopped` with `JobStoppedError`; a wait limit with `WaitTimeoutError`; a wait that breaks off
 * with `WaitFailedError`. All carry `jobName`.
 * With `logs: { client: logsClient, onLine }` the job's CloudWatch log lines (group
 * `/aws/sagemaker/TransformJobs`) stream to `onLine` while it runs.
 * An aborted `signal` rejects with `signal.reason`, after stopping a job this call created
 * (`stopOnAbort`). The model stays: it is not billed, and a retry uses it.
 *
 * @example
 * ```ts
 * const { client, clock } = await createBackend();
 * const { description } = await runTransformJob(
 *   { TransformJobName: "nightly-scores", ModelName: "churn", TransformInput, TransformOutput, TransformResources },
 *   { client, clock, model: { ModelName: "churn", ExecutionRoleArn, PrimaryContainer: { Image, ModelDataUrl } } },
 * );
 * console.log(description.TransformOutput?.S3OutputPath);
 * ```
 */
export async function runTransformJob(
  config: CreateTransformJobCommandInput,
  options: RunTransformJobOptions,
): Promise<RunJobResult<TransformJobDescription>> {
  const model = (options as Partial<RunTransformJobOptions> | undefined)?.model;
  if (model === undefined) return runJob(transformJob, config, options);
  checkModelOption(model, config);
  return runJob(transformJobOnModel(model), config, options);
}

/** Refuses a `model` option that cannot be what the job runs on, before anything is sent. */
function checkModelOption(model: unknown, config: CreateTransformJobCommandInput): asserts model is CreateModelCommandInput {
  const name: unknown = typeof model === "object" && model !== null ? (model as Record<string, unknown>).ModelName : undefined;
  if (typeof name !== "string" || name === "") {
    throw new TypeError(
      `Option model's ModelName [${String(name)}] must be a non-empty string. ` +
        "Please pass a CreateModel request ({ ModelName, ExecutionRoleArn, PrimaryContainer, … }), or leave model out.",
    );
  }
  const jobModel: unknown = (config as Partial<CreateTransformJobCommandInput> | undefined)?.ModelName;
  if (jobModel !== name) {
    throw new TypeError(
      `The transform job config's ModelName [${String(jobModel)}] must be the model option's ModelName [${name}], ` +
        "the model the job runs on. Please use one name in both.",
    );
  }
}

/** The transform kind whose Create first makes sure `model` exists; everything else is the kind's own. */
function transformJobOnModel(model: CreateModelCommandInput): typeof transformJob {
  return {
    ...transformJob,
    commands: {
      ...transformJob.commands,
      create: async (client, input) => {
        await ensureModel(client, model);
        return transformJob.commands.create(client, input);
      },
    },
  };
}

/**
 * DescribeModel, then CreateModel when absent (Airflow's order, apache/airflow#39502). Not
 * cancellable, like the Create it precedes; a model already there, or one a lost CreateModel
 * answer made, is what this call wanted, whoever made it.
 */
async function ensureModel(client: SageMakerClient, model: CreateModelCommandInput): Promise<void> {
  if (await resourceExists(modelResource, client, model.ModelName ?? "")) return;
  await createOrReuse(modelResource, client, model, true);
}
