import { validationError } from "../../../errors.js";
import { isoDurationMs } from "./duration.js";
import { referencesIn } from "./references.js";
import type { ParameterDefinition, PipelineDefinition, PlannedStep, StepDefinition } from "./types.js";

/** [DOC] the SDK's `Pipeline.definition()` writes this Version (workflow/pipeline.py). */
const DEFINITION_VERSION = "2020-12-01";

/** Step types whose steps the emulator runs. */
const RUNNABLE_STEP_TYPES = new Set(["Training", "Processing", "Transform", "Tuning", "Model", "Condition", "Fail", "Callback"]);

/**
 * [DOC] the other members of the SDK's StepTypeEnum (workflow/steps.py) and of the model's
 * PipelineExecutionStepMetadata: real step types the emulator cannot run (RegisterModel needs
 * model packages, which the emulator does not have; Lambda, EMR and the checks need services it
 * does not emulate). They are refused at CreatePipeline with a message that says the gap is the
 * emulator's, not the definition's.
 */
const UNSUPPORTED_STEP_TYPES = new Set([
  "RegisterModel",
  "Lambda",
  "QualityCheck",
  "ClarifyCheck",
  "EMR",
  "AutoML",
  "EndpointConfig",
  "Endpoint",
  "InferenceComponent",
  "Lineage",
  "BedrockCustomModel",
  "BedrockCustomModelDeployment",
  "BedrockProvisionedModelThroughput",
  "BedrockModelImport",
]);

/** [DOC] the definition JSON schema's name pattern for steps and parameters. */
const NAME = /^[A-Za-z0-9\-_]{1,64}$/;
const PARAMETER_TYPES = new Set(["String", "Integer", "Float", "Boolean"]);
/** [DOC] developer guide "pipelines-retry-policy": the step types that accept a retry policy. */
const RETRYABLE_TYPES = new Set(["Processing", "Training", "Tuning", "Model", "Transform"]);

/**
 * [OBS] aws/sagemaker-python-sdk#2345: a definition the service cannot read is refused at
 * CreatePipeline with "Unable to parse pipeline definition. …"; what follows the first sentence
 * is [INF] (the service's JSON parser's own words are not reproduced).
 */
const unparseable = (detail: string) => validationError(`Unable to parse pipeline definition. ${detail}`);

/**
 * Reads and checks a pipeline definition the way CreatePipeline does: unparseable JSON, a step
 * type that does not exist, duplicate step names, references to steps or parameters that do not
 * exist and cycles are all ValidationExceptions ([DOC] developer guide "build-and-manage-steps":
 * a cyclic DependsOn "results in a validation exception"; the texts are [INF]).
 */
export function parseDefinition(text: string): PipelineDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw unparseable((error as Error).message);
  }
  if (!isObject(json)) throw unparseable("Expecting a JSON object.");
  if (json.Version !== undefined && json.Version !== DEFINITION_VERSION) {
    throw validationError(`Pipeline definition version '${String(json.Version)}' is not supported; use '${DEFINITION_VERSION}'.`);
  }
  if (!Array.isArray(json.Steps)) throw unparseable("Expecting Steps to be a JSON array.");
  const parameters = checkParameters(json.Parameters);
  const steps: PlannedStep[] = [];
  collectSteps(json.Steps, undefined, steps);
  checkNames(steps);
  checkReferences(steps, new Set(parameters.map((p) => p.Name)));
  checkCycles(steps);
  return { parameters, steps };
}

function checkParameters(value: unknown): ParameterDefinition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw unparseable("Expecting Parameters to be a JSON array.");
  const seen = new Set<string>();
  return value.map((parameter) => {
    if (!isObject(parameter) || typeof parameter.Name !== "string" || !NAME.test(parameter.Name)) {
      throw validationError(
        `Invalid parameter name in pipeline definition: ${JSON.stringify(isObject(parameter) ? parameter.Name : parameter)}.`,
      );
    }
    const name = parameter.Name;
    if (seen.has(name)) throw validationError(`Pipeline definition has duplicate parameter name: ${name}.`);
    seen.add(name);
    if (typeof parameter.Type !== "string" || !PARAMETER_TYPES.has(parameter.Type)) {
      throw validationError(
        `Parameter '${name}' has an invalid type '${String(parameter.Type)}'; expected String, Integer, Float or Boolean.`,
      );
    }
    const type = parameter.Type as ParameterDefinition["Type"];
    const fallback = parameter.DefaultValue;
    if (fallback !== undefined && fallback !== null && !fitsType(type, fallback)) {
      throw validationError(`Default value ${JSON.stringify(fallback)} of parameter '${name}' is not of type ${type}.`);
    }
    const enumValues = Array.isArray(parameter.EnumValues) ? parameter.EnumValues.map(String) : undefined;
    const definition: ParameterDefinition = {
      Name: name,
      Type: type,
      ...(fallback !== undefined && fallback !== null ? { DefaultValue: fallback as string | number | boolean } : {}),
      ...(enumValues ? { EnumValues: enumValues } : {}),
    };
    return definition;
  });
}

function fitsType(type: ParameterDefinition["Type"], value: unknown): boolean {
  if (type === "String") return typeof value === "string";
  if (type === "Boolean") return typeof value === "boolean";
  if (type === "Integer") return typeof value === "number" && Number.isInteger(value);
  return typeof value === "number";
}

function collectSteps(list: unknown[], branch: PlannedStep["branch"], into: PlannedStep[]): void {
  for (const raw of list) {
    if (!isObject(raw) || typeof raw.Name !== "string") throw unparseable("Expecting every step to be a JSON object with a Name.");
    const step = raw as unknown as StepDefinition;
    if (!NAME.test(step.Name)) throw validationError(`Invalid step name '${step.Name}': it must match ^[A-Za-z0-9\\-_]{1,64}$.`);
    if (UNSUPPORTED_STEP_TYPES.has(step.Type)) {
      throw validationError(
        `Step '${step.Name}' is of type ${step.Type}, which the sagerun emulator does not run yet` +
          (step.Type === "RegisterModel" ? " (it has no model packages)." : "."),
      );
    }
    if (!RUNNABLE_STEP_TYPES.has(step.Type)) throw validationError(`Step '${step.Name}' has an unknown step type '${String(step.Type)}'.`);
    if (step.DependsOn !== undefined && !(Array.isArray(step.DependsOn) && step.DependsOn.every((d) => typeof d === "string"))) {
      throw unparseable(`Expecting DependsOn of step '${step.Name}' to be a JSON array of step names.`);
    }
    checkRetryPolicies(step);
    checkPropertyFiles(step);
    checkCacheConfig(step);
    const refs = referencesIn(ownArguments(step));
    const waitsFor = new Set([...refs.steps, ...(step.DependsOn ?? [])]);
    if (branch) waitsFor.add(branch.condition);
    into.push({ definition: step, name: step.Name, type: step.Type, waitsFor: [...waitsFor], branch });
    if (step.Type === "Condition") {
      const args = isObject(step.Arguments) ? step.Arguments : {};
      if (!Array.isArray(args.Conditions)) throw unparseable(`Expecting Conditions of step '${step.Name}' to be a JSON array.`);
      for (const [key, outcome] of [
        ["IfSteps", true],
        ["ElseSteps", false],
      ] as const) {
        const nested = args[key] ?? [];
        if (!Array.isArray(nested)) throw unparseable(`Expecting ${key} of step '${step.Name}' to be a JSON array.`);
        // [DOC] developer guide "build-and-manage-steps": nested condition steps are not supported.
        if (branch && nested.length > 0)
          throw validationError(`Condition step '${step.Name}' is nested in another condition step's branch.`);
        collectSteps(nested, { condition: step.Name, outcome }, into);
      }
    }
  }
}

function checkRetryPolicies(step: StepDefinition): void {
  const policies = step.RetryPolicies;
  if (policies === undefined) return;
  if (!Array.isArray(policies)) throw unparseable(`Expecting RetryPolicies of step '${step.Name}' to be a JSON array.`);
  if (policies.length > 0 && !RETRYABLE_TYPES.has(step.Type)) {
    throw validationError(`Step '${step.Name}' of type ${step.Type} does not support retry policies.`);
  }
  for (const policy of policies as unknown[]) {
    if (!isObject(policy) || !Array.isArray(policy.ExceptionType) || !policy.ExceptionType.every((t) => typeof t === "string")) {
      throw unparseable(`Expecting every retry policy of step '${step.Name}' to be a JSON object with an ExceptionType array.`);
    }
    for (const key of ["IntervalSeconds", "BackoffRate", "MaxAttempts", "ExpireAfterMin"]) {
      if (policy[key] !== undefined && (typeof policy[key] !== "number" || (policy[key] as number) < 0)) {
        throw validationError(`${key} of a retry policy of step '${step.Name}' must be a number of at least 0.`);
      }
    }
    // [DOC] pipelines-retry-policy: "you can't specify both MaxAttempts and ExpireAfterMin".
    if (policy.MaxAttempts !== undefined && policy.ExpireAfterMin !== undefined) {
      throw validationError(`A retry policy of step '${step.Name}' sets both MaxAttempts and ExpireAfterMin; set only one.`);
    }
  }
}

function checkPropertyFiles(step: StepDefinition): void {
  const files = step.PropertyFiles as unknown;
  if (files === undefined) return;
  const fine =
    Array.isArray(files) &&
    files.every(
      (f) => isObject(f) && typeof f.PropertyFileName === "string" && typeof f.OutputName === "string" && typeof f.FilePath === "string",
    );
  if (!fine)
    throw unparseable(`Expecting PropertyFiles of step '${step.Name}' to be a JSON array of {PropertyFileName, OutputName, FilePath}.`);
}

/** [DOC] developer guide "pipelines-caching": `{Enabled, ExpireAfter}`, ExpireAfter an ISO-8601 duration. */
function checkCacheConfig(step: StepDefinition): void {
  const config = step.CacheConfig as unknown;
  if (config === undefined) return;
  if (!isObject(config) || (config.Enabled !== undefined && typeof config.Enabled !== "boolean")) {
    throw unparseable(`Expecting CacheConfig of step '${step.Name}' to be a JSON object with a boolean Enabled.`);
  }
  if (config.ExpireAfter !== undefined && (typeof config.ExpireAfter !== "string" || isoDurationMs(config.ExpireAfter) === undefined)) {
    throw validationError(`ExpireAfter of step '${step.Name}' is not an ISO-8601 duration: ${JSON.stringify(config.ExpireAfter)}.`);
  }
}

function checkNames(steps: readonly PlannedStep[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const step of steps) (seen.has(step.name) ? duplicates : seen).add(step.name);
  if (duplicates.size > 0) throw validationError(`Pipeline definition has duplicate step names: ${[...duplicates].join(", ")}.`);
}

function checkReferences(steps: readonly PlannedStep[], parameters: ReadonlySet<string>): void {
  const names = new Set(steps.map((s) => s.name));
  for (const step of steps) {
    for (const target of step.waitsFor) {
      if (!names.has(target))
        throw validationError(`Step '${step.name}' refers to step '${target}', which is not in the pipeline definition.`);
      if (target === step.name) throw validationError(`Step '${step.name}' refers to itself.`);
    }
    for (const parameter of referencesIn(ownArguments(step.definition)).parameters) {
      if (!parameters.has(parameter))
        throw validationError(`Step '${step.name}' refers to parameter '${parameter}', which is not defined.`);
    }
  }
}

/** A cycle in what steps wait for, named `a -> b -> a`. */
function checkCycles(steps: readonly PlannedStep[]): void {
  const byName = new Map(steps.map((s) => [s.name, s]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (name: string): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw validationError(`Pipeline definition has a cycle: ${cycle.join(" -> ")}.`);
    }
    state.set(name, "visiting");
    path.push(name);
    for (const next of byName.get(name)!.waitsFor) visit(next);
    path.pop();
    state.set(name, "done");
  };
  for (const step of steps) visit(step.name);
}

/** What a step's own expressions live in: a Condition step's branches are steps of their own. */
function ownArguments(step: StepDefinition): unknown {
  if (step.Type !== "Condition" || !isObject(step.Arguments)) return step.Arguments;
  return step.Arguments.Conditions;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
