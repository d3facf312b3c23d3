import { ContainerError } from "../containers/contract.js";

/**
 * Reading a built-in algorithm's hyperparameters: SageMaker passes every value as a string, and
 * the algorithm refuses a missing required one, a value out of its documented range, and a name it
 * does not know. Messages name the hyperparameter and the value; the wording follows the SageMaker
 * Python SDK's own checks (`Invalid hyperparameter value {v} for {name}`).
 */

export type RawHyperparameters = Readonly<Record<string, string>>;

/** The raw value of `name`, if the request set it (own keys only: `constructor` is not a hyperparameter). */
export function givenValue(raw: RawHyperparameters, name: string): string | undefined {
  return Object.hasOwn(raw, name) ? raw[name] : undefined;
}

export function requireValue(raw: RawHyperparameters, name: string): string {
  const value = givenValue(raw, name);
  if (value === undefined) throw new ContainerError("ClientError", `Missing required hyperparameter: ${name}`);
  return value;
}

export function invalidValue(name: string, value: string, why: string): ContainerError {
  return new ContainerError("ClientError", `Invalid hyperparameter value ${value} for ${name}: ${why}`);
}

/**
 * Refuses a name the algorithm does not document, in the words of SageMaker's algorithm toolkit
 * (`Extraneous hyperparameter found: {name}`, sagemaker_algorithm_toolkit/hyperparameter_validation.py
 * in aws/sagemaker-xgboost-container), with the known names added. That the k-NN and linear learner
 * containers refuse extra names too is inferred. Names that start with `_` pass: SageMaker itself
 * adds some (`_tuning_objective_metric` on a tuning job's training jobs).
 */
export function rejectUnknown(raw: RawHyperparameters, known: readonly string[], algorithm: string): void {
  const unknown = Object.keys(raw).find((name) => !name.startsWith("_") && !known.includes(name));
  if (unknown !== undefined) {
    throw new ContainerError("ClientError", `Extraneous hyperparameter found: ${unknown} (${algorithm} knows ${known.join(", ")})`);
  }
}

export interface Range {
  readonly min?: number;
  readonly max?: number;
  /** The range in words, for the message (`a positive integer`). */
  readonly says: string;
}

/** An integer, written as one (`5`, not `5.0`), within `range`. */
export function asInteger(name: string, value: string, range: Range): number {
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || (range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw invalidValue(name, value, `must be ${range.says}`);
  }
  return n;
}

/** A finite decimal number within `range` (bounds inclusive). */
export function asNumber(name: string, value: string, range: Range): number {
  const n = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || (range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw invalidValue(name, value, `must be ${range.says}`);
  }
  return n;
}

export function asChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  const match = choices.find((choice) => choice === value);
  if (match === undefined) throw invalidValue(name, value, `must be one of ${choices.join(", ")}`);
  return match;
}

/** `true`/`false` in any case: the SageMaker Python SDK sends Python's `True` and `False`. */
export function asBoolean(name: string, value: string): boolean {
  const lower = value.toLowerCase();
  if (lower === "true" || lower === "false") return lower === "true";
  throw invalidValue(name, value, "must be true or false");
}

export const POSITIVE_INTEGER: Range = { min: 1, says: "a positive integer" };
