import type { ContinuousParameterRange, IntegerParameterRange, ParameterRanges } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";

/**
 * What the model cannot say about ParameterRanges: MinValue/MaxValue are strings in the model
 * but must be numbers in order, and the scales have domains ([DOC] HyperParameterScalingType:
 * Logarithmic "works only for ranges that have only values greater than 0"; ReverseLogarithmic
 * "works only for ranges that are entirely within the range 0<=x<1.0" and is offered for
 * continuous ranges only). Every message here is [INF]: the real texts were not found.
 */
export function checkParameterRanges(ranges: ParameterRanges | undefined, strategy: string | undefined): void {
  for (const range of ranges?.IntegerParameterRanges ?? []) checkInteger(range);
  for (const range of ranges?.ContinuousParameterRanges ?? []) checkContinuous(range);
  const nonCategorical = (ranges?.IntegerParameterRanges?.length ?? 0) + (ranges?.ContinuousParameterRanges?.length ?? 0);
  if (strategy === "Grid" && nonCategorical > 0) {
    // [DOC] automatic-model-tuning-how-it-works, Grid search: the sentence itself.
    throw validationError("Only categorical parameters are supported when using the grid search strategy.");
  }
  const names = [
    ...(ranges?.IntegerParameterRanges ?? []),
    ...(ranges?.ContinuousParameterRanges ?? []),
    ...(ranges?.CategoricalParameterRanges ?? []),
  ].map((range) => range.Name!);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw validationError(`The hyperparameter '${duplicate}' appears in more than one parameter range.`);
}

function checkInteger(range: IntegerParameterRange): void {
  const [min] = bounds(range, /^[+-]?\d+$/, "integer");
  if (range.ScalingType === "ReverseLogarithmic") {
    throw validationError(
      `The hyperparameter range '${range.Name}' is an integer range; ReverseLogarithmic scaling is supported only for continuous ranges.`,
    );
  }
  if (range.ScalingType === "Logarithmic" && min <= 0) logarithmicError(range);
}

function checkContinuous(range: ContinuousParameterRange): void {
  const [min, max] = bounds(range, /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, "number");
  if (range.ScalingType === "Logarithmic" && min <= 0) logarithmicError(range);
  if (range.ScalingType === "ReverseLogarithmic" && (min < 0 || max >= 1)) {
    throw validationError(
      `Reverse logarithmic scaling works only for ranges that are entirely within the range 0<=x<1.0, but the hyperparameter range '${range.Name}' is [${range.MinValue}, ${range.MaxValue}].`,
    );
  }
}

function bounds(range: IntegerParameterRange | ContinuousParameterRange, pattern: RegExp, kind: string): [number, number] {
  for (const [member, value] of [
    ["MinValue", range.MinValue],
    ["MaxValue", range.MaxValue],
  ] as const) {
    // A well-formed bound can still overflow a double ("1e400"): no range can be sampled from Infinity.
    if (!pattern.test(value ?? "") || !Number.isFinite(Number(value))) {
      throw validationError(`The ${member} '${value}' of the hyperparameter range '${range.Name}' is not a valid ${kind}.`);
    }
  }
  const min = Number(range.MinValue);
  const max = Number(range.MaxValue);
  if (min > max) {
    throw validationError(
      `The MinValue '${range.MinValue}' of the hyperparameter range '${range.Name}' is greater than its MaxValue '${range.MaxValue}'.`,
    );
  }
  return [min, max];
}

function logarithmicError(range: IntegerParameterRange | ContinuousParameterRange): never {
  throw validationError(
    `Logarithmic scaling works only for ranges that have only values greater than 0, but the hyperparameter range '${range.Name}' has MinValue '${range.MinValue}'.`,
  );
}
