import type { S3Client } from "@aws-sdk/client-s3";
import {
  actualJobCost,
  applyTestMode,
  estimateJobCost,
  subsetS3Object,
  trainingJob,
  transformJob,
  type TestModeChange,
  type TestModeJobKind,
  type TestModeRequests,
} from "@sagerun/operators";

/**
 * What test mode did to one job of the run: the request as the pipeline wrote it, the request as
 * it was submitted, and each change with its reason ("the profile is visible").
 */
export interface TestModeRecord<R> {
  readonly original: R;
  readonly submitted: R;
  readonly changes: readonly TestModeChange[];
}

/** The request itself when test mode is off; the profile's small version of it when on. */
export function inTestMode<K extends TestModeJobKind>(
  kind: K,
  request: TestModeRequests[K],
  on: boolean,
): TestModeRecord<TestModeRequests[K]> {
  if (!on) return { original: request, submitted: request, changes: [] };
  const applied = applyTestMode(kind, request);
  return { original: request, submitted: applied.request, changes: applied.changes };
}

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

type TrainingRecord = TestModeRecord<TestModeRequests["training"]>;
type TransformRecord = TestModeRecord<TestModeRequests["transform"]>;
type Described = { readonly description: object };

/**
 * What the run cost on AWS's on-demand prices (the package's us-east-1 table), against the same
 * work on the production configuration: billed seconds × instances × price, and the worst case
 * MaxRuntimeInSeconds allows.
 */
export function costLines(
  training: Described & { readonly testMode: TrainingRecord },
  transform: Described & { readonly testMode: TransformRecord },
): string[] {
  const usd = (value: number | undefined): string => (value === undefined ? "unbounded" : `$${value.toFixed(4)}`);
  const trainDescription = training.description as Parameters<typeof actualJobCost<typeof trainingJob>>[1];
  const transformDescription = transform.description as Parameters<typeof actualJobCost<typeof transformJob>>[1];
  const ran = actualJobCost(trainingJob, trainDescription).usd + actualJobCost(transformJob, transformDescription).usd;
  // The same billed seconds on the instances the production configuration asks for.
  const production =
    actualJobCost(trainingJob, { ...trainDescription, ResourceConfig: training.testMode.original.ResourceConfig }).usd +
    actualJobCost(transformJob, { ...transformDescription, TransformResources: transform.testMode.original.TransformResources }).usd;
  const worst = (request: TestModeRequests["training"]) => estimateJobCost(trainingJob, request).worstCaseUsd;
  return [
    `cost on AWS (us-east-1 on-demand, unverified table): this run ${usd(ran)}; the same run on the production config ${usd(production)}`,
    `training worst case (MaxRuntimeInSeconds): ${usd(worst(training.testMode.submitted))} in test mode, ${usd(worst(training.testMode.original))} without`,
  ];
}

/** The changes, one line each, for the run's summary. */
export function changeLines(step: string, record: TestModeRecord<unknown>): string[] {
  return record.changes.map(
    (change) => `  ${step}: ${change.path} ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} (${change.why})`,
  );
}
