import type {
  DescribeProcessingJobCommandOutput,
  DescribeTrainingJobCommandOutput,
  DescribeTransformJobCommandOutput,
} from "@aws-sdk/client-sagemaker";
import type { JobDescription } from "../job-kinds/job-kind.js";
import type { processingJob } from "../job-kinds/processing.js";
import type { trainingJob } from "../job-kinds/training.js";
import { clusters, hourly, type InstanceLine, lines, type PricedJobKind, source } from "./estimate.js";
import { type PriceOptions, type PriceTable, resolvePrices } from "./prices.js";

type Description<K extends PricedJobKind> = K extends typeof trainingJob
  ? JobDescription<DescribeTrainingJobCommandOutput>
  : K extends typeof processingJob
    ? JobDescription<DescribeProcessingJobCommandOutput>
    : JobDescription<DescribeTransformJobCommandOutput>;

/** What a finished job cost. */
export interface JobCost {
  readonly jobKind: string;
  readonly instances: readonly InstanceLine[];
  /** Wall-clock seconds billed per instance. */
  readonly billableSeconds: number;
  /** What the job cost: hourly cluster price × billableSeconds / 3600. */
  readonly usd: number;
  /** Managed spot training only: the same run at on-demand (TrainingTimeInSeconds), and what spot saved. */
  readonly spot?: { readonly onDemandUsd: number; readonly savingsUsd: number };
  readonly priceSource: Pick<PriceTable, "region" | "source" | "asOf">;
}

type Timed = { readonly [field: string]: unknown };

function secondsBetween(kind: PricedJobKind, d: Timed, start: string, end: string): number {
  const from = d[start];
  const to = d[end];
  if (from === undefined || to === undefined) {
    throw new TypeError(
      `Failed to price a ${kind.label}: its description has no ${from === undefined ? start : end} yet. Please ask once the job has ended.`,
    );
  }
  return Math.max(0, (new Date(to as string).getTime() - new Date(from as string).getTime()) / 1000);
}

/**
 * What a finished job cost, from its final description (what `runJob` returns). Training: the
 * BillableTimeInSeconds SageMaker reports, which counts per instance ("multiply
 * BillableTimeInSeconds by the number of instances", API reference, DescribeTrainingJob); with
 * managed spot also the on-demand equivalent (TrainingTimeInSeconds) and the savings, the
 * console's 1 − billable / training. Processing and transform: end − start time.
 *
 * @example
 * ```ts
 * const { description } = await runJob(trainingJob, request, { client });
 * console.log(actualJobCost(trainingJob, description).usd);
 * ```
 */
export function actualJobCost<K extends PricedJobKind>(kind: K, description: Description<K>, options: PriceOptions = {}): JobCost {
  const table = resolvePrices(options);
  const instances = lines(kind, clusters(kind, description), table);
  const hourlyUsd = hourly(instances);
  const base = { jobKind: kind.label, instances, priceSource: source(table) };
  const d = description as Timed;
  if (kind.exportName === "processingJob") {
    const billableSeconds = secondsBetween(kind, d, "ProcessingStartTime", "ProcessingEndTime");
    return { ...base, billableSeconds, usd: (hourlyUsd * billableSeconds) / 3600 };
  }
  if (kind.exportName === "transformJob") {
    const billableSeconds = secondsBetween(kind, d, "TransformStartTime", "TransformEndTime");
    return { ...base, billableSeconds, usd: (hourlyUsd * billableSeconds) / 3600 };
  }
  const t = description as JobDescription<DescribeTrainingJobCommandOutput>;
  if (t.BillableTimeInSeconds === undefined) {
    throw new TypeError(
      `Failed to price training job '${t.TrainingJobName}': its description has no BillableTimeInSeconds yet. Please ask once the job has ended.`,
    );
  }
  const billableSeconds = t.BillableTimeInSeconds;
  const usd = (hourlyUsd * billableSeconds) / 3600;
  if (t.EnableManagedSpotTraining !== true) return { ...base, billableSeconds, usd };
  const onDemandUsd = (hourlyUsd * (t.TrainingTimeInSeconds ?? billableSeconds)) / 3600;
  return { ...base, billableSeconds, usd, spot: { onDemandUsd, savingsUsd: Math.max(0, onDemandUsd - usd) } };
}
