import type { StoredRecord } from "../../store/kind-table.js";
import { parseS3Uri } from "../../data/s3-uri.js";
import type { Kit } from "../kind.js";
import { ExpressionError, type ExpressionScope } from "../pipeline/definition/expressions.js";
import { tuningJobKind } from "../tuning-job/kind.js";
import type { PipelineExecutionRecord } from "./record.js";
import { jobKits } from "./step-kinds.js";
import { jobStepKindOf, stepView } from "./steps.js";

/**
 * What a step's expressions read at `now` ([DOC] SDK workflow/execution_variables.py and
 * properties.py): the execution's parameters and variables, and the properties of steps that
 * have Succeeded: their job's Describe output as it is now (a tuning step's adds
 * TrainingJobSummaries, best first), a Condition's Outcome, a Callback's OutputParameters.
 */
export function executionScope(
  kit: Kit<StoredRecord>,
  record: PipelineExecutionRecord,
  now: number,
  jobName?: { readonly type: string; readonly name: string },
): ExpressionScope {
  const properties = (name: string): Record<string, unknown> | undefined => {
    const view = stepView(kit, record, name, now);
    if (view?.status !== "Succeeded") return undefined;
    if (view.last.properties) return { ...view.last.properties };
    const job = view.last.job;
    if (!job) return undefined;
    const stepKind = jobStepKindOf(job.type);
    const kits = jobKits(kit);
    const jobKit = kits.kitOf(stepKind.kind);
    const row = jobKit.table.get(job.name);
    if (!row) return undefined;
    const described = stepKind.kind.describe(row, now, jobKit) as Record<string, unknown>;
    if (stepKind.kind !== tuningJobKind) return described;
    // [DOC] the SDK's TuningStep properties add ListTrainingJobsForHyperParameterTuningJobResponse;
    // `TrainingJobSummaries[0]` is the best job (SDK TuningStep.get_top_model_s3_uri).
    const objective = (described.HyperParameterTuningJobConfig as { HyperParameterTuningJobObjective?: { Type?: string } } | undefined)
      ?.HyperParameterTuningJobObjective?.Type;
    const list = kits.operationsOf(tuningJobKind).ListTrainingJobsForHyperParameterTuningJob!({
      HyperParameterTuningJobName: row.name,
      SortBy: "FinalObjectiveMetricValue",
      SortOrder: objective === "Minimize" ? "Ascending" : "Descending",
      MaxResults: 100,
    });
    return { ...described, TrainingJobSummaries: list.TrainingJobSummaries };
  };

  const readJson = (uri: string): unknown => {
    const location = parseS3Uri(uri);
    const object = location && kit.ctx.data.s3.bucket(location.bucket)?.objects.get(location.key);
    if (!object) throw new ExpressionError(`Unable to read the property file at ${uri}.`);
    try {
      return JSON.parse(Buffer.from(object.body).toString("utf8"));
    } catch {
      throw new ExpressionError(`The property file at ${uri} is not JSON.`);
    }
  };

  return {
    parameter: (name) => record.parameters[name],
    execution(variable) {
      const values: Record<string, unknown> = {
        PipelineExecutionId: record.executionId,
        PipelineExecutionArn: record.arn,
        PipelineName: record.pipelineName,
        PipelineArn: record.pipelineArn,
        StartDateTime: new Date(record.createdAt).toISOString(),
        CurrentDateTime: new Date(now).toISOString(),
        "PipelineExperimentConfig.ExperimentName": record.pipelineName,
        "PipelineExperimentConfig.TrialName": record.executionId,
        ...(jobName?.type === "training-job" ? { TrainingJobName: jobName.name } : {}),
        ...(jobName?.type === "processing-job" ? { ProcessingJobName: jobName.name } : {}),
      };
      if (!(variable in values)) throw new ExpressionError(`Unable to resolve 'Execution.${variable}'.`);
      return values[variable];
    },
    step: properties,
    propertyFile(step, file) {
      // [DOC] SDK PropertyFile: a JSON file a processing step writes under one of its outputs;
      // read at `<Outputs[OutputName].S3Output.S3Uri>/<FilePath>` (SDK local/pipeline.py).
      const definition = record.definition.steps.find((s) => s.name === step)?.definition;
      const spec = definition?.PropertyFiles?.find((f) => f.PropertyFileName === file);
      const described = properties(step) as
        | { ProcessingOutputConfig?: { Outputs?: { OutputName?: string; S3Output?: { S3Uri?: string } }[] } }
        | undefined;
      const output = described?.ProcessingOutputConfig?.Outputs?.find((o) => o.OutputName === spec?.OutputName);
      if (!spec || !output?.S3Output?.S3Uri) throw new ExpressionError(`Unable to resolve property file '${file}' of step ${step}.`);
      return readJson(`${output.S3Output.S3Uri.replace(/\/+$/, "")}/${spec.FilePath.replace(/^\/+/, "")}`);
    },
    jsonAt: readJson,
  };
}
