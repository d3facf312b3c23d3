import { parseGet, parseSelectors, type Selector } from "./references.js";

/**
 * What an expression can read while a step's Arguments are resolved: the execution's typed
 * parameters, its Execution variables, the properties of the steps that have ended, and the
 * JSON of a step's PropertyFiles (read from the emulated S3 when asked).
 */
export interface ExpressionScope {
  parameter(name: string): unknown;
  /** [DOC] the SDK's ExecutionVariables (workflow/execution_variables.py): PipelineExecutionId, … */
  execution(variable: string): unknown;
  /** The step's properties (its job's Describe output, a Condition's Outcome, …), if it has ended. */
  step(name: string): unknown;
  /** The parsed JSON of one of the step's PropertyFiles. */
  propertyFile(step: string, file: string): unknown;
  /** The parsed JSON object at an S3 URI (Std:JsonGet's `S3Uri` form). */
  jsonAt(uri: string): unknown;
}

/** A reference that cannot be resolved while a step starts: the step fails with this message. */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
}

/**
 * `value` with every expression in it evaluated (SDK workflow/properties.py, functions.py):
 * `{"Get": …}`, `{"Std:Join": {"On", "Values"}}`, `{"Std:JsonGet": {"PropertyFile" | "S3Uri", "Path"}}`.
 * Anything else is copied as it is, so literal Arguments come through unchanged.
 */
export function evaluate(value: unknown, scope: ExpressionScope): unknown {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, body] = entries[0]!;
    if (key === "Get" && typeof body === "string") return get(body, scope);
    if (key === "Std:Join" && isObject(body)) return join(body, scope);
    if (key === "Std:JsonGet" && isObject(body)) return jsonGet(body, scope);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, evaluate(v, scope)]));
}

function get(path: string, scope: ExpressionScope): unknown {
  const { root, name, rest } = parseGet(path);
  if (name === undefined) throw new ExpressionError(`Unable to resolve '${path}'.`);
  if (root === "Parameters") return scope.parameter(name);
  if (root === "Execution") return scope.execution(name);
  if (root === "PipelineExperimentConfig") return scope.execution(`PipelineExperimentConfig.${name}`);
  if (root !== "Steps") throw new ExpressionError(`Unable to resolve '${path}'.`);
  const properties = scope.step(name);
  if (properties === undefined) throw new ExpressionError(`Unable to resolve '${path}': step ${name} has no properties.`);
  const selectors = parseSelectors(rest);
  if (!selectors) throw new ExpressionError(`Unable to resolve '${path}'.`);
  const found = select(properties, selectors);
  if (found === undefined) throw new ExpressionError(`Unable to resolve '${path}': step ${name} has no such property.`);
  return found;
}

/** Names a list's element may be selected by with `['name']` (OutputName, ChannelName, MetricName, …) [INF]. */
const NAME_KEYS = ["OutputName", "InputName", "ChannelName", "MetricName", "Name", "TrainingJobName"];

/** Follows selectors into a value: keys of objects, indexes of lists, and a list's element by its name. */
function select(value: unknown, selectors: readonly Selector[]): unknown {
  let current = value;
  for (const selector of selectors) {
    if (current === undefined || current === null) return undefined;
    if ("index" in selector) current = Array.isArray(current) ? current[selector.index] : undefined;
    else {
      const key = "key" in selector ? selector.key : selector.named;
      if (Array.isArray(current)) {
        current = current.find((item) => isObject(item) && NAME_KEYS.some((k) => item[k] === key));
      } else current = isObject(current) && Object.hasOwn(current, key) ? current[key] : undefined;
    }
  }
  return current;
}

function join(body: Record<string, unknown>, scope: ExpressionScope): string {
  const on = typeof body.On === "string" ? body.On : "";
  const values = Array.isArray(body.Values) ? body.Values : [];
  return values.map((v) => asText(evaluate(v, scope))).join(on);
}

function jsonGet(body: Record<string, unknown>, scope: ExpressionScope): unknown {
  const path = typeof body.Path === "string" ? body.Path : "";
  let document: unknown;
  const file = body.PropertyFile;
  if (isObject(file) && typeof file.Get === "string") {
    // [DOC] SDK functions.py JsonGet: `property_file` is a PropertyFile of a processing step,
    // referenced as `Steps.<step>.PropertyFiles.<name>`.
    const { root, name, rest } = parseGet(file.Get);
    const fileName = /^\.PropertyFiles\.([A-Za-z0-9_-]+)$/.exec(rest)?.[1];
    if (root !== "Steps" || name === undefined || fileName === undefined) throw new ExpressionError(`Unable to resolve '${file.Get}'.`);
    document = scope.propertyFile(name, fileName);
  } else if (typeof file === "string") {
    document = scope.propertyFile("", file);
  } else if (body.S3Uri !== undefined) {
    document = scope.jsonAt(asText(evaluate(body.S3Uri, scope)));
  } else throw new ExpressionError("Std:JsonGet needs a PropertyFile or an S3Uri.");
  const selectors = parseSelectors(path.startsWith("[") ? path : `.${path}`);
  const found = selectors && select(document, selectors);
  if (found === undefined) throw new ExpressionError(`Unable to resolve JsonGet path '${path}'.`);
  return found;
}

/** How a value reads inside a string (Std:Join, Fail messages): JSON's spelling of booleans ([OBS] SDK integ test_fail_steps.py: "…: false"). */
export function asText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
