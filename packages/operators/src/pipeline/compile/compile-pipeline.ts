import { applyTestMode, type TestModeChange } from "../../test-mode/profile/apply-test-mode.js";
import { checkTestModeOption, type TestModeOption } from "../../test-mode/profile/test-mode-option.js";
import type { Pipeline } from "../define-pipeline.js";
import { deriveName } from "../job-name.js";
import { jobStepSpec, type JobStepSpec } from "../job-steps/job-step.js";
import type { DefinitionParameter, DefinitionStep, PipelineDefinitionJson } from "./pipeline-definition.js";
import { stepPhases } from "./step-phases.js";
import { symbolicContext } from "./symbolic-context.js";
import { describeSymbolic, type ParameterSource, type Symbolic, SymbolicValues } from "./symbolic-values.js";

/** Options of {@link compilePipeline}. */
export interface CompilePipelineOptions {
  /**
   * Shrink every job step's Arguments with test mode's profile (`true`: the default one), as
   * `runPipeline`'s `testMode` does in-process; each changed step's `Description` lists the changes.
   * `acceptRuntimeCap` cannot compile: SageMaker Pipelines fails a step whose job stopped at its cap.
   * @default false
   */
  readonly testMode?: TestModeOption;
}

/** A pipeline parameter of the definition and where an execution's value for it comes from. */
export interface CompiledParameter {
  readonly name: string;
  /** `runId`, `logicalDate`, or a member (`path`) of an in-process step's result. */
  readonly source: ParameterSource;
}

/** What {@link compilePipeline} returns: the definition and how to run the steps it leaves out. */
export interface CompiledPipeline {
  /** The SageMaker Pipelines definition: `JSON.stringify` it for CreatePipeline. */
  readonly definition: PipelineDefinitionJson;
  /** The definition's parameters, each with the source of its value. */
  readonly parameters: readonly CompiledParameter[];
  /** Steps run in-process before the execution starts (no job step upstream), in the pipeline's order. */
  readonly before: readonly string[];
  /** Steps run in-process after the execution succeeded (a job step upstream, none downstream). */
  readonly after: readonly string[];
  /** What test mode changed, by step id; empty without the `testMode` option. */
  readonly testModeChanges: Readonly<Record<string, readonly TestModeChange[]>>;
}

// Job step options SageMaker Pipelines cannot carry out: the execution waits, judges and names the job itself.
const REFUSED_OPTIONS: Readonly<Record<string, string>> = {
  checks: "output checks run in this process; run them in a step after the job steps (runChecks)",
  budgetUsd: "the budget guard runs before Create in this process; check the compiled Arguments with estimateJobCost",
  model: "a transform step's model must be a modelStep of its own",
  waitForCompletion: "an execution always waits for its steps",
  maxWaitSeconds: "an execution has no wait limit of its own; set StoppingCondition in the request",
  maxAttempts: "an execution has no wait limit of its own; set StoppingCondition in the request",
};

const STEP_REF = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Compiles a pipeline to a SageMaker Pipelines definition (`Version` 2020-12-01), without running
 * anything. Each job step (`trainingStep`, `processingStep`, `transformStep`, `tuningStep`,
 * `modelStep`) becomes a step whose `Arguments` are its request without the name member (SageMaker
 * names the job, as the SageMaker Python SDK's `trim_request_dict` leaves it to). Its `request(ctx)`
 * is evaluated once with a symbolic context:
 *
 * - `ctx.results.<job step>.description.<member…>` → `{"Get": "Steps.<id>.<member…>"}` (a step's
 *   properties are its Describe output; list indexes as `[0]`), `….jobName` → the name member;
 * - a template string embedding one → `{"Std:Join": {"On": "", "Values": […]}}`;
 * - `ctx.runId`, `ctx.logicalDate` (its ISO string) and the results of steps run in-process before
 *   the execution → String parameters (`RunId`, `LogicalDate`, `<step>-<member…>`), supplied when
 *   an execution starts;
 * - `dependsOn` entries its references do not imply → `DependsOn`.
 *
 * Steps made with `step()` run in-process: `before` (no job step upstream) or `after` (job steps
 * upstream, none downstream). Throws a TypeError naming the step and the reason for what cannot
 * compile: a `step()` between job steps, arithmetic or calls on results, a result member that is
 * no property (`created`, `checks`), operator options only this process can honour (`checks`,
 * `budgetUsd`…), test mode's `acceptRuntimeCap`.
 *
 * @example
 * ```ts
 * const { definition } = compilePipeline(pipeline);
 * await client.send(new CreatePipelineCommand({ PipelineName: pipeline.name, RoleArn, PipelineDefinition: JSON.stringify(definition) }));
 * ```
 */
export function compilePipeline(pipeline: Pipeline, options: CompilePipelineOptions = {}): CompiledPipeline {
  if (typeof pipeline?.name !== "string" || !Array.isArray(pipeline.steps)) {
    throw new TypeError(
      `compilePipeline was given [${String(pipeline)}], which is not a pipeline. Please pass the result of definePipeline().`,
    );
  }
  const testMode = checkTestModeOption(options.testMode);
  if (testMode?.acceptRuntimeCap === true) {
    throw new TypeError(
      `Failed to compile pipeline '${pipeline.name}': test mode's acceptRuntimeCap cannot compile, as a SageMaker Pipelines execution fails a step whose job stopped at its runtime cap. ` +
        "Please leave acceptRuntimeCap out, or run the pipeline in-process.",
    );
  }
  const { acceptRuntimeCap: _accept, s3: _s3, ...profile } = testMode ?? {};
  const phases = stepPhases(pipeline);
  const jobIds = new Set(phases.jobs.map((s) => s.id));
  const parameters = new Map<string, CompiledParameter>();
  const testModeChanges: Record<string, readonly TestModeChange[]> = {};

  const steps = phases.jobs.map((s): DefinitionStep => {
    const spec = jobStepSpec(s)!;
    const fail = (reason: string): never => {
      throw new TypeError(`Failed to compile step '${s.id}' of pipeline '${pipeline.name}': its request ${reason}.`);
    };
    refuseOptions(spec, s.id, pipeline.name);
    const referenced = new Set<string>();
    const values = new SymbolicValues(fail);
    const resolve = (symbolic: Symbolic): { readonly Get: string } => {
      switch (symbolic.kind) {
        case "jobName":
          return fail(
            "calls ctx.jobName(), but SageMaker Pipelines names the step's job itself (pipelines-<execution id>-<step>-<random>). " +
              `Please read it in a later step as ctx.results.${s.id}.jobName`,
          );
        case "parameter":
          return { Get: `Parameters.${declare(parameters, symbolic.source, fail)}` };
        case "result": {
          referenced.add(symbolic.stepId);
          const target = jobStepSpec(pipeline.steps.find((t) => t.id === symbolic.stepId)!)!;
          return { Get: `Steps.${symbolic.stepId}${propertyPath(target, symbolic, fail)}` };
        }
      }
    };
    let request: unknown;
    try {
      request = spec.request(symbolicContext(pipeline.name, s, (id) => jobIds.has(id), values, fail));
    } catch (err) {
      if (err instanceof TypeError && err.message.startsWith(`Failed to compile step '${s.id}'`)) throw err;
      fail(`threw while building the request with symbolic results: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (typeof request !== "object" || request === null || Array.isArray(request))
      fail(`returned [${String(request)}], not a request object`);
    let args = values.toExpressions(request, resolve, "request") as Record<string, unknown>;
    delete args[spec.kind.nameField];
    let description: string | undefined;
    if (testMode !== undefined && spec.kind.testModeKind !== undefined) {
      const shrunk = applyTestMode(spec.kind.testModeKind, args as never, profile);
      args = shrunk.request as unknown as Record<string, unknown>;
      testModeChanges[s.id] = shrunk.changes;
      if (shrunk.changes.length > 0) description = testModeDescription(shrunk.changes);
    }
    const dependsOn = s.dependsOn.filter((id) => jobIds.has(id) && !referenced.has(id));
    return {
      Name: s.id,
      Type: spec.kind.stepType,
      Arguments: args,
      ...(dependsOn.length === 0 ? {} : { DependsOn: dependsOn }),
      ...(description === undefined ? {} : { Description: description }),
    };
  });

  return {
    definition: {
      Version: "2020-12-01",
      Metadata: {},
      Parameters: [...parameters.keys()].map((name): DefinitionParameter => ({ Name: name, Type: "String" })),
      Steps: steps,
    },
    parameters: [...parameters.values()],
    before: phases.before.map((s) => s.id),
    after: phases.after.map((s) => s.id),
    testModeChanges,
  };
}

function refuseOptions(spec: JobStepSpec, stepId: string, pipelineName: string): void {
  for (const [option, why] of Object.entries(REFUSED_OPTIONS)) {
    const value = spec.options[option];
    if (value === undefined || (option === "waitForCompletion" && value === true)) continue;
    throw new TypeError(
      `Failed to compile step '${stepId}' of pipeline '${pipelineName}': its option ${option} cannot compile (${why}). Please leave ${option} out of the step's options, or run the pipeline in-process.`,
    );
  }
}

/** The parameter standing for `source`, declared once: `RunId`, `LogicalDate`, `<step>-<member…>`. */
function declare(parameters: Map<string, CompiledParameter>, source: ParameterSource, fail: (reason: string) => never): string {
  const name =
    source.kind === "runId" ? "RunId" : source.kind === "logicalDate" ? "LogicalDate" : deriveName([source.stepId, ...source.path]);
  const known = parameters.get(name);
  if (known === undefined) parameters.set(name, { name, source });
  else if (JSON.stringify(known.source) !== JSON.stringify(source)) {
    fail(
      `reads two values that would share the parameter name '${name}' (${describeSource(known.source)} and ${describeSource(source)}). Please rename a step`,
    );
  }
  return name;
}

function describeSource(source: ParameterSource): string {
  return describeSymbolic({ kind: "parameter", source });
}

/**
 * The property path a result member stands for, as a `Get` suffix: `.ModelArtifacts.S3ModelArtifacts`,
 * `.FinalMetricDataList[0].Value` (SageMaker Pipelines' property syntax, the SDK's `properties.py`).
 */
function propertyPath(target: JobStepSpec, symbolic: Symbolic & { kind: "result" }, fail: (reason: string) => never): string {
  const { path } = symbolic;
  const match = [...target.kind.properties]
    .sort((a, b) => b[0].length - a[0].length)
    .find(([prefix]) => prefix.every((key, i) => path[i] === key));
  if (match === undefined || (match[1].length === 0 && path.length === match[0].length)) {
    fail(
      `reads ${describeSymbolic(symbolic)}, which is no SageMaker Pipelines property of the ${target.kind.label} step: ` +
        `please read a member of its Describe output (${target.kind.stepType === "Model" ? "" : "description."}<member>)${target.kind.stepType === "Model" ? "" : " or its jobName"}`,
    );
  }
  const [prefix, property] = match!;
  return [...property, ...path.slice(prefix.length)]
    .map((key) => (/^\d+$/.test(key) ? `[${key}]` : STEP_REF.test(key) ? `.${key}` : `['${key}']`))
    .join("");
}

/** A step's Description (3072 characters at most, API reference PipelineExecutionStep) listing test mode's changes. */
function testModeDescription(changes: readonly TestModeChange[]): string {
  const text = `sagerun test mode: ${changes.map((c) => `${c.path} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join("; ")}`;
  return text.length <= 3072 ? text : `${text.slice(0, 3071)}…`;
}
