import type { StepContext } from "./step-context.js";

/**
 * What a step may depend on: another step (its result is then typed in `ctx.results`) or a step's
 * id (its result is `unknown`; the way to name a step declared further down).
 */
export type StepDependency = AnyStep | string;

/**
 * One node of a pipeline: an id, the ids of the steps it waits for, and the function that does its
 * work. Plain data plus one function, so a pipeline can be listed, checked and later compiled to a
 * SageMaker Pipelines definition (`Name`, `DependsOn`) without running it.
 *
 * @typeParam Id - the step's id, a literal, so later steps can read `ctx.results.<id>`
 * @typeParam Result - what `run` resolves with, handed to the steps that depend on this one
 * @typeParam Deps - the `dependsOn` list as written, which types `ctx.results` and `ctx.result`
 */
export interface Step<Id extends string = string, Result = unknown, Deps extends readonly StepDependency[] = readonly StepDependency[]> {
  readonly id: Id;
  /** The ids of the steps this one waits for, in the order given. */
  readonly dependsOn: readonly string[];
  /** Does the step's work; see {@link StepContext}. Its result goes to the steps depending on it. */
  run(ctx: StepContext<Deps>): Promise<Result>;
}

/** Any step, whatever its id, result and dependencies. */
// biome-ignore lint/suspicious/noExplicitAny: `any` dependencies let every concrete step be assigned here.
export type AnyStep = Step<string, unknown, any>;

/** The result type of a step: what its `run` resolves with. */
export type StepResult<S extends AnyStep> = Awaited<ReturnType<S["run"]>>;

type DependencyId<D> = D extends string ? D : D extends { readonly id: infer Id extends string } ? Id : never;

/** The result of one dependency: typed for a step, `unknown` for an id. */
export type DependencyResult<D> = D extends AnyStep ? StepResult<D> : unknown;

/** `ctx.results`: each dependency's id → its result. */
export type DependencyResults<Deps extends readonly StepDependency[]> = {
  readonly [D in Deps[number] as DependencyId<D>]: DependencyResult<D>;
};

/** What {@link step} takes. */
export interface StepDefinition<Id extends string, Deps extends readonly StepDependency[], Result> {
  /**
   * Unique within the pipeline: 1 to 64 letters, digits, `-` and `_`, a SageMaker Pipelines step
   * `Name` (pattern `^[A-Za-z0-9\-_]{1,64}$`, the pipeline definition JSON schema).
   */
  readonly id: Id;
  /** The steps (or step ids) that must succeed before this one starts. @default [] */
  readonly dependsOn?: Deps;
  /** The step's work. Resolve with what later steps need; throw (or reject) to fail the step. */
  run(ctx: StepContext<Deps>): Result | PromiseLike<Result>;
}

/** A SageMaker Pipelines step name (https://github.com/aws-sagemaker-mlops/sagemaker-model-building-pipeline-definition-JSON-schema). */
const STEP_ID_PATTERN = /^[A-Za-z0-9\-_]{1,64}$/;

/**
 * Declares a pipeline step. List the steps it needs in `dependsOn`, as step values where you can:
 * TypeScript then knows each one's result, as `ctx.results.<id>` or `ctx.result(step)`.
 * Operators inside `run` should take `...ctx.jobOptions` and name their jobs with `ctx.jobName()`,
 * so that running the same run id again reattaches to the jobs instead of starting new ones.
 *
 * @example
 * ```ts
 * const train = step({
 *   id: "train",
 *   run: (ctx) => runTrainingJob({ ...config, TrainingJobName: ctx.jobName() }, { ...ctx.jobOptions }),
 * });
 * const report = step({
 *   id: "report",
 *   dependsOn: [train],
 *   run: (ctx) => ctx.results.train.description.ModelArtifacts?.S3ModelArtifacts, // typed
 * });
 * ```
 */
export function step<const Id extends string, const Deps extends readonly StepDependency[] = [], Result = void>(
  definition: StepDefinition<Id, Deps, Result>,
): Step<Id, Awaited<Result>, Deps> {
  const { id, run } = definition ?? {};
  if (typeof id !== "string" || !STEP_ID_PATTERN.test(id)) {
    throw new TypeError(
      `Failed to define a step: its id [${String(id)}] must be 1 to 64 letters, digits, "-" or "_" (a SageMaker Pipelines step name). Please rename it.`,
    );
  }
  if (typeof run !== "function") {
    throw new TypeError(`Failed to define step '${id}': run [${String(run)}] must be a function. Please pass run: async (ctx) => ….`);
  }
  const dependsOn = definition.dependsOn ?? [];
  if (!Array.isArray(dependsOn)) {
    throw new TypeError(
      `Failed to define step '${id}': dependsOn must be an array of steps or step ids. Please pass e.g. dependsOn: [train].`,
    );
  }
  const ids = dependsOn.map((dependency: unknown) => {
    if (typeof dependency === "string") return dependency;
    const dependencyId = (dependency as { id?: unknown } | null)?.id;
    if (typeof dependencyId === "string") return dependencyId;
    throw new TypeError(
      `Failed to define step '${id}': dependsOn holds [${String(dependency)}], which is neither a step nor a step id. Please list steps or their ids.`,
    );
  });
  return Object.freeze({
    id,
    dependsOn: Object.freeze(ids),
    run: async (ctx: StepContext<Deps>): Promise<Awaited<Result>> => await run.call(definition, ctx),
  });
}
