import type { S3Client } from "@aws-sdk/client-s3";
import type { CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";
import {
  actualJobCost,
  estimateJobCost,
  subsetS3Object,
  trainingJob,
  transformJob,
  type OutputCheckResult,
  type TestModeChange,
} from "@sagerun/operators";
import { readTexts } from "../shared/s3-objects.js";

/**
 * A stratified half of the training data, written next to it under a test-mode prefix: the same
 * rows on every run (seed 1), each species keeping its share. Answers the S3 prefix the training
 * channel then reads, and how many rows it holds (counted in S3 when an earlier run of the same
 * seed already wrote it, for k-NN's sample_size).
 */
export async function trainingSubset(s3: S3Client, source: string): Promise<{ prefix: string; rows: number }> {
  const { target, rows } = await subsetS3Object(s3, { source, fraction: 0.5, seed: 1 });
  return { prefix: target.slice(0, target.lastIndexOf("/") + 1), rows: rows ?? (await lineCount(s3, target)) };
}

/** The non-empty lines of the object at an `s3://bucket/key` URI. */
async function lineCount(s3: S3Client, uri: string): Promise<number> {
  const [, bucket = "", key = ""] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) ?? [];
  const text = (await readTexts(s3, bucket, key)).get(key) ?? "";
  return text.split("\n").filter((line) => line.trim() !== "").length;
}

/** A job as it ran (its Describe output) and what test mode changed of its request. */
interface RanJob {
  readonly description: object;
  readonly changes: readonly TestModeChange[];
}

/**
 * What the run cost on AWS's on-demand prices (the package's us-east-1 table), against the same
 * work on the production configuration (the job as it ran, test mode's changes undone): billed
 * seconds × instances × price, and the worst case MaxRuntimeInSeconds allows, with and without
 * test mode.
 */
export function costLines(training: RanJob, transform: RanJob): string[] {
  const usd = (value: number | undefined): string => (value === undefined ? "unbounded" : `$${value.toFixed(4)}`);
  type TrainingDescription = Parameters<typeof actualJobCost<typeof trainingJob>>[1];
  type TransformDescription = Parameters<typeof actualJobCost<typeof transformJob>>[1];
  const trainDescription = training.description as TrainingDescription;
  const transformDescription = transform.description as TransformDescription;
  const trainProduction = withoutTestMode(trainDescription, training.changes);
  const ran = actualJobCost(trainingJob, trainDescription).usd + actualJobCost(transformJob, transformDescription).usd;
  // The same billed seconds on the instances the production configuration asks for.
  const production =
    actualJobCost(trainingJob, trainProduction).usd +
    actualJobCost(transformJob, withoutTestMode(transformDescription, transform.changes)).usd;
  // A training job's description carries the members of its request the estimate reads (ResourceConfig, StoppingCondition).
  const worst = (job: TrainingDescription) => estimateJobCost(trainingJob, job as CreateTrainingJobCommandInput).worstCaseUsd;
  return [
    `cost on AWS (us-east-1 on-demand, unverified table): this run ${usd(ran)}; the same run on the production config ${usd(production)}`,
    `training worst case (MaxRuntimeInSeconds): ${usd(worst(trainDescription))} in test mode, ${usd(worst(trainProduction))} without`,
  ];
}

/**
 * `job` with each of test mode's changes undone: the member at the change's path set back to what
 * it was (removed when test mode added it). Paths as TestModeChange spells them:
 * `ResourceConfig.InstanceType`, `HyperParameters["sagemaker.key"]`, `TrainingJobDefinitions[0]`.
 */
export function withoutTestMode<T extends object>(job: T, changes: readonly TestModeChange[]): T {
  const copy = structuredClone(job) as Record<string, unknown>;
  for (const { path, from } of changes) {
    const keys = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map(
      ([, name, index, quoted]) => name ?? (index === undefined ? (JSON.parse(quoted!) as string) : Number(index)),
    );
    const last = keys.pop()!;
    const parent = keys.reduce<Record<string | number, unknown> | undefined>(
      (at, key) => at?.[key] as Record<string | number, unknown> | undefined,
      copy,
    );
    if (parent === undefined) continue;
    if (from === undefined) delete parent[last];
    else parent[last] = from;
  }
  return copy as T;
}

/** The changes test mode made to a step's job, one line each, for the run's summary. */
export function changeLines(step: string, changes: readonly TestModeChange[]): string[] {
  return changes.map((change) => `  ${step}: ${change.path} ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} (${change.why})`);
}

/** What each output check of a step's job found, one line each, for the run's summary. */
export function checkLines(step: string, checks: readonly OutputCheckResult[]): string[] {
  return checks.map((check) => `  ${step}: ${check.check}: ${check.found}`);
}
