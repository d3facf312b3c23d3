import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as operators from "../src/index.js";

const INDEX = fileURLToPath(new URL("../src/index.ts", import.meta.url));

/**
 * The public surface, pinned: adding or removing an export must change this list on purpose.
 * What a user calls and the types of what they pass and get back; naming, outcome tables, option
 * resolution and JSON conversion stay internal.
 */
const VALUES = [
  "AwsInCiRefusedError",
  "BudgetExceededError",
  "EmulatorNotInstalledError",
  "EndpointFailedError",
  "EndpointWaitTimeoutError",
  "JobFailedError",
  "JobStoppedError",
  "MaxRuntimeExceededError",
  "MaxWaitTimeExceededError",
  "NameConflictError",
  "OutputCheckFailedError",
  "PackageNotInstalledError",
  "PipelineFailedError",
  "SagerunError",
  "US_EAST_1_PRICES",
  "WaitFailedError",
  "WaitTimeoutError",
  "actualJobCost",
  "applyTestMode",
  "artifactExists",
  "checkBudget",
  "compilePipeline",
  "createBackend",
  "createEndpointConfig",
  "createModel",
  "definePipeline",
  "deleteEndpoint",
  "deleteEndpointConfig",
  "deleteModel",
  "deployEndpoint",
  "describeTestModeRun",
  "endpointHourlyCost",
  "estimateJobCost",
  "estimatePipelineCost",
  "logLine",
  "metric",
  "modelStep",
  "pipelineReport",
  "planJob",
  "processingJob",
  "processingStep",
  "renderProgress",
  "runChecks",
  "runJob",
  "runPipeline",
  "runProcessingJob",
  "runTrainingJob",
  "runTransformJob",
  "runTuningJob",
  "step",
  "stopJobsOnSignal",
  "stratifiedSubset",
  "subsetS3Object",
  "subsetS3Prefix",
  "systemClock",
  "trainingJob",
  "trainingStep",
  "transformJob",
  "transformRowCount",
  "transformStep",
  "tuningJob",
  "tuningStep",
  "waitForEndpoint",
  "waitForJob",
  "watchJob",
];

const TYPES = [
  "AnySagerunError",
  "AnyStep",
  "ArtifactExistsOptions",
  "AwsServiceClient",
  "BackendOptions",
  "BestTrainingJob",
  "CheckBudgetOptions",
  "CheckClient",
  "CheckClients",
  "Clock",
  "CompilePipelineOptions",
  "CompiledPipeline",
  "CreateBackendOptions",
  "DeleteEndpointOptions",
  "DeployEndpointInput",
  "DeployEndpointOptions",
  "DeployEndpointResult",
  "Emulator",
  "EmulatorOptions",
  "EndpointConfigDescription",
  "EndpointDescription",
  "EndpointHourlyCost",
  "EndpointStatusEvent",
  "EndpointWaitOptions",
  "EstimateOptions",
  "HostingCreateOptions",
  "HostingDeleteOptions",
  "HostingExistsPolicy",
  "InstanceLine",
  "JobCost",
  "JobCostEstimate",
  "JobDescription",
  "JobKind",
  "JobLogEvent",
  "JobLogLine",
  "JobLogsOptions",
  "JobPlan",
  "JobRetryEvent",
  "JobStatusEvent",
  "JobStepDefinition",
  "JobStepOptions",
  "JobWatchEvent",
  "MetricBounds",
  "ModelDescription",
  "NameConflictPolicy",
  "OutputCheck",
  "OutputCheckResult",
  "Pipeline",
  "PipelineCostEstimate",
  "PipelineCostStep",
  "PipelineDefinition",
  "PipelineDefinitionJson",
  "PipelineEvent",
  "PipelineReportOptions",
  "PipelineReportOutcome",
  "PipelineRun",
  "PlanJobOptions",
  "PriceOptions",
  "PriceOverrides",
  "PriceTable",
  "PricedJobKind",
  "ProcessingJobDescription",
  "ProgressOutput",
  "RenderProgressOptions",
  "RetryOptions",
  "RunJobOptions",
  "RunJobResult",
  "RunPipelineOptions",
  "RunProcessingJobOptions",
  "RunTrainingJobOptions",
  "RunTransformJobOptions",
  "RunTuningJobOptions",
  "RunTuningJobResult",
  "SagerunBackend",
  "SagerunErrorCode",
  "ServiceEndpoints",
  "Step",
  "StepContext",
  "StepDefinition",
  "StepDependency",
  "StepJobOptions",
  "StepReport",
  "StepResult",
  "SubsetOptions",
  "SubsetS3ObjectOptions",
  "SubsetS3PrefixOptions",
  "SubsetS3Result",
  "SucceededPipelineRun",
  "Teardown",
  "TeardownInfo",
  "TeardownReport",
  "TestModeChange",
  "TestModeJobKind",
  "TestModeOption",
  "TestModeOptions",
  "TestModeProfile",
  "TestModeReport",
  "TestModeRequests",
  "TestModeResult",
  "TrainingJobDescription",
  "TransformJobDescription",
  "TuningJobDescription",
  "WaitForJobOptions",
  "WaitOptions",
  "WatchJobOptions",
];

/** Every name index.ts exports, split into values and type-only exports, read from its syntax. */
function declaredExports(): { values: string[]; types: string[]; star: number } {
  const source = ts.createSourceFile(INDEX, readFileSync(INDEX, "utf8"), ts.ScriptTarget.Latest);
  const values: string[] = [];
  const types: string[] = [];
  let star = 0;
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) {
      star++;
      continue;
    }
    for (const element of clause.elements) (statement.isTypeOnly || element.isTypeOnly ? types : values).push(element.name.text);
  }
  return { values: values.sort(), types: types.sort(), star };
}

describe("the public API of @sagerun/operators", () => {
  it("exports exactly the pinned values, and the module has no others at run time", () => {
    expect(declaredExports().values).toEqual(VALUES);
    expect(Object.keys(operators).sort()).toEqual(VALUES);
  });

  it("exports exactly the pinned types", () => {
    expect(declaredExports().types).toEqual(TYPES);
  });

  it("names every export: no `export *`, which would let internals leak unnoticed", () => {
    expect(declaredExports().star).toBe(0);
  });
});
