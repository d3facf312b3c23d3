/**
 * @module
 * Operators for Amazon SageMaker jobs in the spirit of Apache Airflow's SageMaker operators: one
 * call creates a job with a collision-safe name, waits for it on the backend's clock, and returns
 * its final description as plain JSON, or throws a typed error that says what happened. Run them
 * against AWS or, with `SAGERUN_BACKEND=emulator`, against the in-memory `@sagerun/emulator`.
 *
 * Everything exported here is public and listed in `test/public-api.test.ts`; anything else is
 * internal and may change.
 */

/* Operators */
export { runTrainingJob } from "./run-training-job.js";
export type { RunTrainingJobOptions, TrainingJobDescription } from "./run-training-job.js";
export { runProcessingJob } from "./run-processing-job.js";
export type { ProcessingJobDescription, RunProcessingJobOptions } from "./run-processing-job.js";
export { runTransformJob } from "./run-transform-job.js";
export type { RunTransformJobOptions, TransformJobDescription } from "./run-transform-job.js";
export { runTuningJob } from "./run-tuning-job.js";
export type { BestTrainingJob, RunTuningJobOptions, RunTuningJobResult, TuningJobDescription } from "./run-tuning-job.js";
export { runJob } from "./run-job.js";
export type { RunJobOptions, RunJobResult } from "./run-job.js";
export { planJob } from "./plan-job.js";
export type { JobPlan, PlanJobOptions } from "./plan-job.js";
export type { NameConflictPolicy } from "./naming/name-conflict.js";

/* Job kinds */
export { trainingJob } from "./job-kinds/training.js";
export { processingJob } from "./job-kinds/processing.js";
export { transformJob } from "./job-kinds/transform.js";
export { tuningJob } from "./job-kinds/tuning.js";
export type { JobKind, JobDescription } from "./job-kinds/job-kind.js";

/* Waiting */
export { waitForJob } from "./wait/wait-for-job.js";
export type { WaitForJobOptions } from "./wait/wait-for-job.js";
export { watchJob } from "./wait/watch-job.js";
export type { JobStatusEvent, JobWatchEvent, WatchJobOptions } from "./wait/watch-job.js";
export type { JobRetryEvent } from "./wait/watch-job.js";
export type { WaitOptions } from "./wait/wait-options.js";
export type { RetryOptions } from "./wait/wait-options.js";

/* Job logs: CloudWatch Logs lines while waiting (the `logs` option) */
export type { JobLogLine, JobLogsOptions } from "./logs/logs-options.js";
export type { JobLogEvent } from "./wait/watch-logs.js";

/* Hosting: models, endpoint configs and endpoints (endpoints are not jobs: InService is success, Delete is their Stop) */
export { createModel, deleteModel } from "./hosting/models.js";
export type { ModelDescription } from "./hosting/models.js";
export { createEndpointConfig, deleteEndpointConfig } from "./hosting/endpoint-configs.js";
export type { EndpointConfigDescription } from "./hosting/endpoint-configs.js";
export type { HostingCreateOptions, HostingDeleteOptions } from "./hosting/hosting-resource.js";
export type { HostingExistsPolicy } from "./hosting/hosting-input.js";
export { deployEndpoint } from "./hosting/deploy-endpoint.js";
export type { DeployEndpointInput, DeployEndpointOptions, DeployEndpointResult } from "./hosting/deploy-endpoint.js";
export { deleteEndpoint } from "./hosting/delete-endpoint.js";
export type { DeleteEndpointOptions } from "./hosting/delete-endpoint.js";
export { waitForEndpoint } from "./hosting/wait-for-endpoint.js";
export type { EndpointStatusEvent, EndpointWaitOptions } from "./hosting/endpoint-waiter.js";
export type { EndpointDescription } from "./hosting/endpoint-kind.js";

/* Pipelines: a DAG of steps over the operators, resumable by run id */
export { definePipeline } from "./pipeline/define-pipeline.js";
export type { Pipeline, PipelineDefinition } from "./pipeline/define-pipeline.js";
export { step } from "./pipeline/step.js";
export type { AnyStep, Step, StepDefinition, StepDependency, StepResult } from "./pipeline/step.js";
export type { StepContext, StepJobOptions, Teardown, TeardownInfo } from "./pipeline/step-context.js";
export { runPipeline } from "./pipeline/run-pipeline.js";
export type { RunPipelineOptions } from "./pipeline/run-pipeline-options.js";
export type { PipelineRun, StepReport, SucceededPipelineRun, TeardownReport } from "./pipeline/pipeline-run.js";
export type { PipelineEvent } from "./pipeline/pipeline-events.js";
export { PipelineFailedError } from "./pipeline/pipeline-failed-error.js";
export { renderProgress } from "./pipeline/render-progress.js";
export type { ProgressOutput, RenderProgressOptions } from "./pipeline/render-progress.js";
// The run's HTML report (runPipeline's report option writes it).
export { pipelineReport } from "./report/pipeline-report.js";
export type { PipelineReportOptions, PipelineReportOutcome } from "./report/report-outcome.js";
// Declarative job steps: the same pipeline runs in-process or compiles to SageMaker Pipelines (runPipeline's engine option).
export { modelStep, processingStep, trainingStep, transformStep, tuningStep } from "./pipeline/job-steps/steps.js";
export type { JobStepOptions } from "./pipeline/job-steps/steps.js";
export type { JobStepDefinition } from "./pipeline/job-steps/job-step.js";
export { compilePipeline } from "./pipeline/compile/compile-pipeline.js";
export type { CompiledPipeline, CompilePipelineOptions } from "./pipeline/compile/compile-pipeline.js";
export type { PipelineDefinitionJson } from "./pipeline/compile/pipeline-definition.js";

/* Backends: where the calls go and the clock the jobs run on */
export { createBackend } from "./backend.js";
export type { BackendOptions, CreateBackendOptions, SagerunBackend } from "./backend.js";
export type { AwsServiceClient, ServiceEndpoints } from "./backend.js";
export type { Emulator, EmulatorOptions } from "./emulator-types.js";
// For a SageMakerClient of your own: operators take `{ client, clock: systemClock }`.
export { systemClock } from "@sagerun/transport";
export type { Clock } from "@sagerun/transport";

/* Cost: price table, estimates before a run, actual cost after it, budget and CI guards */
export { US_EAST_1_PRICES } from "./cost/prices.js";
export type { PriceOptions, PriceOverrides, PriceTable } from "./cost/prices.js";
export { estimateJobCost } from "./cost/estimate.js";
export { actualJobCost } from "./cost/actual-cost.js";
export { endpointHourlyCost } from "./cost/endpoint-cost.js";
export type { EstimateOptions, InstanceLine, JobCostEstimate, PricedJobKind } from "./cost/estimate.js";
export type { JobCost } from "./cost/actual-cost.js";
export type { EndpointHourlyCost } from "./cost/endpoint-cost.js";
export { estimatePipelineCost } from "./cost/pipeline-cost.js";
export type { PipelineCostEstimate, PipelineCostStep } from "./cost/pipeline-cost.js";
export { checkBudget } from "./cost/budget.js";
export type { CheckBudgetOptions } from "./cost/budget.js";
export { AwsInCiRefusedError, BudgetExceededError } from "./errors/index.js";

/* Output checks: declarative checks of a finished job's outputs (artifact, metric, transform rows, log line) */
export { runChecks } from "./test-mode/checks/run-checks.js";
export { artifactExists } from "./test-mode/checks/artifact-exists.js";
export type { ArtifactExistsOptions } from "./test-mode/checks/artifact-exists.js";
export { metric } from "./test-mode/checks/metric.js";
export type { MetricBounds } from "./test-mode/checks/metric.js";
export { transformRowCount } from "./test-mode/checks/transform-row-count.js";
export { logLine } from "./test-mode/checks/log-line.js";
export type { CheckClient, CheckClients, OutputCheck, OutputCheckResult } from "./test-mode/checks/output-check.js";

/* Test mode: stratified data subsets (CSV, streamed from and to S3) */
export { stratifiedSubset } from "./test-mode/subset/stratified-subset.js";
export type { SubsetOptions } from "./test-mode/subset/subset-options.js";
export { subsetS3Object, subsetS3Prefix } from "./test-mode/subset/subset-s3.js";
export type { SubsetS3ObjectOptions, SubsetS3PrefixOptions, SubsetS3Result } from "./test-mode/subset/subset-s3.js";

/* Test mode: a profile that shrinks any job's Create request (runtime, instances, hyperparameters), and its dry run */
export { applyTestMode } from "./test-mode/profile/apply-test-mode.js";
export type {
  TestModeChange,
  TestModeJobKind,
  TestModeProfile,
  TestModeRequests,
  TestModeResult,
} from "./test-mode/profile/apply-test-mode.js";
export { describeTestModeRun } from "./test-mode/profile/describe-test-mode-run.js";
// The operators' and runPipeline's `testMode` option.
export type { TestModeOption, TestModeOptions, TestModeReport } from "./test-mode/profile/test-mode-option.js";

/* Process signals */
export { stopJobsOnSignal } from "./stop-jobs-on-signal.js";

/* Errors */
export {
  SagerunError,
  JobFailedError,
  JobStoppedError,
  MaxRuntimeExceededError,
  MaxWaitTimeExceededError,
  WaitTimeoutError,
  WaitFailedError,
  NameConflictError,
  OutputCheckFailedError,
  EmulatorNotInstalledError,
  PackageNotInstalledError,
  EndpointFailedError,
  EndpointWaitTimeoutError,
} from "./errors/index.js";
export type { AnySagerunError, SagerunErrorCode } from "./errors/index.js";
