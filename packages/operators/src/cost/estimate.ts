import type {
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
} from "@aws-sdk/client-sagemaker";
import type { processingJob } from "../job-kinds/processing.js";
import type { trainingJob } from "../job-kinds/training.js";
import type { transformJob } from "../job-kinds/transform.js";
import { priceOf, resolvePrices, type PriceOptions, type PriceTable } from "./prices.js";

/** The job kinds with a cost model: the descriptors `runJob` takes. Tuning jobs are not priced. */
export type PricedJobKind = typeof trainingJob | typeof processingJob | typeof transformJob;

/** One group of identical instances and what it costs per hour. */
export interface InstanceLine {
  readonly instanceType: string;
  readonly instanceCount: number;
  /** On-demand USD per instance-hour, from the price table. */
  readonly usdPerInstanceHour: number;
}

/** A job's cost before it runs: its burn rate, and the most it can cost. */
export interface JobCostEstimate {
  /** The kind in words, e.g. `"training job"`. */
  readonly jobKind: string;
  readonly instances: readonly InstanceLine[];
  /** USD per hour of the whole cluster: Σ instanceCount × usdPerInstanceHour. */
  readonly hourlyUsd: number;
  /** The runtime the worst case assumes: the request's limit, else `assumedSeconds`; `undefined` when neither exists. */
  readonly seconds: number | undefined;
  /** Whether {@link seconds} comes from `assumedSeconds` rather than a limit SageMaker enforces. */
  readonly assumed: boolean;
  /** hourlyUsd × seconds / 3600, or `undefined` (unbounded) when nothing limits the runtime. */
  readonly worstCaseUsd: number | undefined;
  /** The table the prices come from. */
  readonly priceSource: Pick<PriceTable, "region" | "source" | "asOf">;
}

/** Options of {@link estimateJobCost}. */
export interface EstimateOptions extends PriceOptions {
  /**
   * The runtime to assume when the request sets no limit: transform jobs never have one, and a
   * processing job may leave out StoppingCondition. Without it such an estimate is unbounded.
   */
  readonly assumedSeconds?: number;
}

/** Training jobs run for at most a day when StoppingCondition is left out (API reference, CreateTrainingJob StoppingCondition). */
const TRAINING_DEFAULT_MAX_RUNTIME = 86_400;

type Request<K extends PricedJobKind> = K extends typeof trainingJob
  ? CreateTrainingJobCommandInput
  : K extends typeof processingJob
    ? CreateProcessingJobCommandInput
    : CreateTransformJobCommandInput;

type Cluster = { readonly InstanceType?: string | undefined; readonly InstanceCount?: number | undefined };

/** @internal The clusters a request (or its description, which repeats it) asks for. */
export function clusters(kind: PricedJobKind, request: object): readonly Cluster[] {
  switch (kind.exportName) {
    case "trainingJob": {
      const config = (request as CreateTrainingJobCommandInput).ResourceConfig;
      return config?.InstanceGroups?.length ? config.InstanceGroups : [config ?? {}];
    }
    case "processingJob":
      return [(request as CreateProcessingJobCommandInput).ProcessingResources?.ClusterConfig ?? {}];
    case "transformJob":
      return [(request as CreateTransformJobCommandInput).TransformResources ?? {}];
    default:
      throw new TypeError(
        `Failed to price a ${(kind as { label?: string }).label ?? "job"}: only training, processing and transform jobs have a cost model.`,
      );
  }
}

/** @internal Each cluster priced from `table`; a cluster without InstanceType is a malformed request. */
export function lines(kind: PricedJobKind, clustersOf: readonly Cluster[], table: PriceTable): InstanceLine[] {
  return clustersOf.map((c) => {
    if (c.InstanceType === undefined) throw new TypeError(`Failed to price a ${kind.label}: its request names no InstanceType.`);
    const instanceCount = c.InstanceCount ?? 1;
    return { instanceType: c.InstanceType, instanceCount, usdPerInstanceHour: priceOf(table, c.InstanceType) };
  });
}

/** @internal USD per hour of the whole cluster. */
export const hourly = (instances: readonly InstanceLine[]): number =>
  instances.reduce((sum, l) => sum + l.instanceCount * l.usdPerInstanceHour, 0);
/** @internal Where a result's prices come from. */
export const source = ({ region, source, asOf }: PriceTable): JobCostEstimate["priceSource"] => ({ region, source, asOf });

function limitSeconds(kind: PricedJobKind, request: object): number | undefined {
  if (kind.exportName === "trainingJob") {
    return (request as CreateTrainingJobCommandInput).StoppingCondition?.MaxRuntimeInSeconds ?? TRAINING_DEFAULT_MAX_RUNTIME;
  }
  if (kind.exportName === "processingJob") return (request as CreateProcessingJobCommandInput).StoppingCondition?.MaxRuntimeInSeconds;
  return undefined;
}

/**
 * A job's worst-case cost before it runs: the longest it may run × its instances × their
 * on-demand price. The longest is MaxRuntimeInSeconds (a day for a training job that sets none);
 * a job without a limit (transform, processing without StoppingCondition) is unbounded unless
 * `assumedSeconds` is given. Managed spot training is estimated at on-demand prices, its ceiling.
 * An instance type missing from the table throws a `RangeError` naming it.
 *
 * @example
 * ```ts
 * const e = estimateJobCost(trainingJob, request, { prices: { "ml.m5.xlarge": 0.23 } });
 * e.worstCaseUsd; // 2 × 0.23 × 24 h = 11.04 for 2 instances and no StoppingCondition
 * ```
 */
export function estimateJobCost<K extends PricedJobKind>(kind: K, request: Request<K>, options: EstimateOptions = {}): JobCostEstimate {
  const table = resolvePrices(options);
  const instances = lines(kind, clusters(kind, request), table);
  const limit = limitSeconds(kind, request);
  const assumed = limit === undefined && options.assumedSeconds !== undefined;
  const seconds = limit ?? checkSeconds(options.assumedSeconds);
  const hourlyUsd = hourly(instances);
  const worstCaseUsd = seconds === undefined ? undefined : (hourlyUsd * seconds) / 3600;
  return { jobKind: kind.label, instances, hourlyUsd, seconds, assumed, worstCaseUsd, priceSource: source(table) };
}

function checkSeconds(seconds: number | undefined): number | undefined {
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds >= 0)) {
    throw new RangeError(`Failed to estimate a job's cost: assumedSeconds [${seconds}] must be a finite number of seconds, 0 or more.`);
  }
  return seconds;
}
