import type { S3Client } from "@aws-sdk/client-s3";
import type { CreateTrainingJobCommandInput, CreateTransformJobCommandInput } from "@aws-sdk/client-sagemaker";
import {
  actualJobCost,
  applyTestMode,
  estimateJobCost,
  subsetS3Object,
  trainingJob,
  transformJob,
  type OutputCheckResult,
  type TestModeChange,
} from "@sagerun/operators";

/**
 * A stratified half of the training data, written next to it under a test-mode prefix: the same
 * rows on every run (seed 1), each species keeping its share. Answers the S3 prefix the training
 * channel then reads, and how many rows it kept (undefined when an earlier run of the same seed
 * already wrote it).
 */
export async function trainingSubset(s3: S3Client, source: string): Promise<{ prefix: string; rows: number | undefined }> {
  const { target, rows } = await subsetS3Object(s3, { source, fraction: 0.5, seed: 1 });
  return { prefix: target.slice(0, target.lastIndexOf("/") + 1), rows };
}

type Described<C> = { readonly description: object; readonly config: C };

/**
 * What the run cost on AWS's on-demand prices (the package's us-east-1 table), against the same
 * work on the production configuration: billed seconds × instances × price, and the worst case
 * MaxRuntimeInSeconds allows, with and without test mode.
 */
export function costLines(
  training: Described<CreateTrainingJobCommandInput>,
  transform: Described<CreateTransformJobCommandInput>,
): string[] {
  const usd = (value: number | undefined): string => (value === undefined ? "unbounded" : `$${value.toFixed(4)}`);
  const trainDescription = training.description as Parameters<typeof actualJobCost<typeof trainingJob>>[1];
  const transformDescription = transform.description as Parameters<typeof actualJobCost<typeof transformJob>>[1];
  const ran = actualJobCost(trainingJob, trainDescription).usd + actualJobCost(transformJob, transformDescription).usd;
  // The same billed seconds on the instances the production configuration asks for.
  const production =
    actualJobCost(trainingJob, { ...trainDescription, ResourceConfig: training.config.ResourceConfig }).usd +
    actualJobCost(transformJob, { ...transformDescription, TransformResources: transform.config.TransformResources }).usd;
  const worst = (request: CreateTrainingJobCommandInput) => estimateJobCost(trainingJob, request).worstCaseUsd;
  return [
    `cost on AWS (us-east-1 on-demand, unverified table): this run ${usd(ran)}; the same run on the production config ${usd(production)}`,
    `training worst case (MaxRuntimeInSeconds): ${usd(worst(applyTestMode("training", training.config).request))} in test mode, ${usd(worst(training.config))} without`,
  ];
}

/** The changes test mode made to a step's job, one line each, for the run's summary. */
export function changeLines(
  step: string,
  result: { readonly testMode?: { readonly changes: readonly TestModeChange[] } | undefined },
): string[] {
  return (result.testMode?.changes ?? []).map(
    (change) => `  ${step}: ${change.path} ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} (${change.why})`,
  );
}

/** What each output check of a step's job found, one line each, for the run's summary. */
export function checkLines(step: string, result: { readonly checks?: readonly OutputCheckResult[] | undefined }): string[] {
  return (result.checks ?? []).map((check) => `  ${step}: ${check.check}: ${check.found}`);
}
