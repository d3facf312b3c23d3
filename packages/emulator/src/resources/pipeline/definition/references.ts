/**
 * The expressions a definition may hold anywhere in a step's Arguments (SDK workflow/properties.py,
 * functions.py, execution_variables.py): `{"Get": "Parameters.X" | "Execution.X" | "Steps.S.<path>"
 * | "PipelineExperimentConfig.X"}`, `{"Std:Join": {"On", "Values"}}` and `{"Std:JsonGet":
 * {"PropertyFile", "Path"}}`. This module only finds what they refer to; expressions.ts evaluates.
 */

export interface References {
  readonly steps: Set<string>;
  readonly parameters: Set<string>;
}

/** The step and parameter names every `Get` inside `value` names (PropertyFile references included). */
export function referencesIn(value: unknown, into: References = { steps: new Set(), parameters: new Set() }): References {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, into);
    return into;
  }
  if (value === null || typeof value !== "object") return into;
  const get = (value as { Get?: unknown }).Get;
  if (typeof get === "string" && Object.keys(value).length === 1) {
    const path = parseGet(get);
    if (path.root === "Steps" && path.name !== undefined) into.steps.add(path.name);
    if (path.root === "Parameters" && path.name !== undefined) into.parameters.add(path.name);
    return into;
  }
  for (const member of Object.values(value)) referencesIn(member, into);
  return into;
}

/** A `Get` path split: `Steps.Train.ModelArtifacts.S3ModelArtifacts` → root Steps, name Train, rest. */
export interface GetPath {
  readonly root: string;
  readonly name: string | undefined;
  /** What follows the name: `.A.B[0]['x']`. */
  readonly rest: string;
}

export function parseGet(get: string): GetPath {
  const match = /^([A-Za-z]+)\.([A-Za-z0-9_-]+)(.*)$/s.exec(get);
  if (!match) return { root: get, name: undefined, rest: "" };
  return { root: match[1]!, name: match[2]!, rest: match[3]! };
}

/** Selectors of a property path: `.Name`, `[0]`, `['name']` (SDK properties.py writes lists' keys this way). */
export type Selector = { readonly key: string } | { readonly index: number } | { readonly named: string };

/** `.A.B[0]['x']` as selectors; undefined when it is not a path. */
export function parseSelectors(rest: string): Selector[] | undefined {
  const selectors: Selector[] = [];
  const pattern = /\.([A-Za-z0-9_:-]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let at = 0;
  while (at < rest.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) selectors.push({ key: match[1] });
    else if (match[2] !== undefined) selectors.push({ index: Number(match[2]) });
    else selectors.push({ named: match[3] ?? match[4]! });
    at = pattern.lastIndex;
  }
  return selectors;
}
