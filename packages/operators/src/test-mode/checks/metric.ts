import type { TrainingJobDescription } from "../../run-training-job.js";
import type { CheckVerdict, OutputCheck } from "./output-check.js";

/** The bounds {@link metric} holds a value to, both inclusive; with neither, the metric need only be reported. */
export interface MetricBounds {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Checks a final metric of a training job, as SageMaker reports it in `FinalMetricDataList`
 * (built-in algorithms: `test:accuracy`, `validation:rmse`, …; own images: the job's
 * `MetricDefinitions`): it must be there and within `min` and `max`. Bounds that are not finite or
 * cross throw a `RangeError` when the check is built.
 *
 * @example
 * ```ts
 * await runChecks(trainingJob, trained, [metric("test:accuracy", { min: 0.9 })]);
 * // OutputCheckFailedError: Output check metric test:accuracy ≥ 0.9 failed: found 0.83. …
 * ```
 */
export function metric(name: string, bounds: MetricBounds = {}): OutputCheck<TrainingJobDescription> {
  const { min, max } = bounds;
  for (const [field, value] of [["min", min] as const, ["max", max] as const]) {
    if (value !== undefined && !Number.isFinite(value))
      throw new RangeError(`metric(${JSON.stringify(name)}): ${field} must be a finite number, got ${value}.`);
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw new RangeError(`metric(${JSON.stringify(name)}): min (${min}) must not be greater than max (${max}).`);
  }
  const expected =
    min !== undefined && max !== undefined
      ? `in [${min}, ${max}]`
      : min !== undefined
        ? `≥ ${min}`
        : max !== undefined
          ? `≤ ${max}`
          : "reported";
  const check = `metric ${name} ${expected}`;
  return {
    check,
    needs: undefined,
    run(description): Promise<CheckVerdict> {
      const list = description.FinalMetricDataList ?? [];
      const value = list.find((m) => m.MetricName === name)?.Value;
      if (value === undefined) {
        const names = list.flatMap((m) => (m.MetricName === undefined ? [] : [m.MetricName]));
        const has = names.length > 0 ? `it has ${names.join(", ")}` : "it is empty";
        return Promise.resolve({ ok: false, found: `no ${name} in FinalMetricDataList (${has})`, expected });
      }
      const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
      return Promise.resolve({ ok, found: String(value), expected });
    },
  };
}
