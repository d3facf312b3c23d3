import type {
  CategoricalParameterRange,
  ContinuousParameterRange,
  IntegerParameterRange,
  ParameterRanges,
} from "@aws-sdk/client-sagemaker";
import type { Random } from "../../random.js";

/**
 * Choosing tuned hyperparameter values. Every choice comes from the emulator's seeded Random, so
 * a seed replays the same children. Values are strings, as HyperParameters are.
 * Scales follow [DOC] HyperParameterScalingType: Linear samples uniformly; Logarithmic uniformly
 * in log space ("works only for ranges that have only values greater than 0"); ReverseLogarithmic
 * (continuous only, 0 <= x < 1) uniformly in log(1 - x). [INF] Auto behaves as Linear.
 */
export function sampleHyperParameters(ranges: ParameterRanges | undefined, random: Random): Record<string, string> {
  // Parameter names are the user's strings: a null-prototype object keeps one named `__proto__`.
  const values = Object.create(null) as Record<string, string>;
  for (const range of ranges?.IntegerParameterRanges ?? []) values[range.Name!] = String(sampleInteger(range, random.next()));
  for (const range of ranges?.ContinuousParameterRanges ?? []) values[range.Name!] = String(sampleContinuous(range, random.next()));
  for (const range of ranges?.CategoricalParameterRanges ?? []) {
    const choices = range.Values ?? [];
    values[range.Name!] = choices[Math.floor(random.next() * choices.length)]!;
  }
  return values;
}

/** The number of distinct combinations; Infinity when any range is continuous. */
export function combinationCount(ranges: ParameterRanges | undefined): number {
  if ((ranges?.ContinuousParameterRanges ?? []).length > 0) return Infinity;
  let count = 1;
  for (const range of ranges?.IntegerParameterRanges ?? []) count *= Number(range.MaxValue) - Number(range.MinValue) + 1;
  for (const range of ranges?.CategoricalParameterRanges ?? []) count *= (range.Values ?? []).length;
  return count;
}

/**
 * The `index`-th point of the categorical grid (Grid strategy: [DOC] "Only categorical parameters
 * are supported when using the grid search strategy"), the last range varying fastest.
 */
export function gridPoint(ranges: ParameterRanges | undefined, index: number): Record<string, string> {
  const categorical: readonly CategoricalParameterRange[] = ranges?.CategoricalParameterRanges ?? [];
  const values = Object.create(null) as Record<string, string>;
  let rest = index;
  for (let i = categorical.length - 1; i >= 0; i--) {
    const choices = categorical[i]!.Values ?? [];
    values[categorical[i]!.Name!] = choices[rest % choices.length]!;
    rest = Math.floor(rest / choices.length);
  }
  // Keep the request's order of names, not the reverse walk's.
  return Object.fromEntries(categorical.map((range) => [range.Name!, values[range.Name!]!]));
}

function sampleInteger(range: IntegerParameterRange, r: number): number {
  const min = Number(range.MinValue);
  const max = Number(range.MaxValue);
  if (range.ScalingType === "Logarithmic") {
    return clamp(Math.round(Math.exp(Math.log(min) + r * (Math.log(max) - Math.log(min)))), min, max);
  }
  return min + Math.floor(r * (max - min + 1));
}

function sampleContinuous(range: ContinuousParameterRange, r: number): number {
  const min = Number(range.MinValue);
  const max = Number(range.MaxValue);
  switch (range.ScalingType) {
    case "Logarithmic":
      return clamp(Math.exp(Math.log(min) + r * (Math.log(max) - Math.log(min))), min, max);
    case "ReverseLogarithmic": {
      // x = 1 - u with u log-uniform in [1 - max, 1 - min].
      const u = Math.exp(Math.log(1 - max) + r * (Math.log(1 - min) - Math.log(1 - max)));
      return clamp(1 - u, min, max);
    }
    default:
      return min + r * (max - min);
  }
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
