import type { StoredRecord } from "../../store/kind-table.js";
import type { Kit } from "../kind.js";
import { isoDurationMs } from "../pipeline/definition/duration.js";
import type { PlannedStep } from "../pipeline/definition/types.js";
import type { PipelineExecutionRecord, StepAttempt } from "./record.js";
import { stepView } from "./steps.js";

/**
 * The key a cached step result is found by: the step's type and its resolved Arguments without
 * the tags. [DOC] developer guide "pipelines-caching" lists per step type the attributes that make
 * the key (for training: AlgorithmSpecification, HyperParameters, InputDataConfig, …); [INF] the
 * emulator takes all of the request, which agrees whenever the other members are equal too.
 */
export function cacheKey(step: PlannedStep, args: Record<string, unknown>): string {
  const { Tags: _tags, ...rest } = args;
  return stable({ type: step.type, args: rest });
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A cache hit for the step, if its CacheConfig is enabled: [DOC] pipelines-caching, the most recent
 * successful run of the same step, with the same key, in an execution of the same pipeline, that
 * ended within ExpireAfter (no ExpireAfter: [INF] no limit). The hit ends Succeeded at once, creates
 * no job, and reads its properties from the earlier step's job.
 */
export function cachedAttempt(
  kit: Kit<StoredRecord>,
  record: PipelineExecutionRecord,
  step: PlannedStep,
  key: string,
  now: number,
): StepAttempt | undefined {
  const config = step.definition.CacheConfig;
  if (config?.Enabled !== true) return undefined;
  const window = config.ExpireAfter !== undefined ? isoDurationMs(config.ExpireAfter) : undefined;
  let best: { attempt: StepAttempt; endedAt: number; arn: string } | undefined;
  for (const other of (kit.table.values() as PipelineExecutionRecord[]).filter(
    (r) => r.pipelineArn === record.pipelineArn && r.arn !== record.arn,
  )) {
    const view = stepView(kit, other, step.name, now);
    if (view?.status !== "Succeeded" || view.last.cacheKey !== key || view.endedAt === undefined) continue;
    if (window !== undefined && view.endedAt < now - window) continue;
    if (!best || view.endedAt > best.endedAt)
      best = { attempt: view.last, endedAt: view.endedAt, arn: view.last.cacheHitFrom ?? other.arn };
  }
  if (!best) return undefined;
  return {
    startsAt: now,
    ending: { at: now, status: "Succeeded" },
    job: best.attempt.job,
    metadata: best.attempt.metadata,
    cacheKey: key,
    cacheHitFrom: best.arn,
  };
}
