import { step, type Step, type StepDependency } from "../step.js";
import type { StepContext } from "../step-context.js";
import type { JobStepKind } from "./job-step-kind.js";

/**
 * What a job step takes: its id and dependencies as {@link step} takes them, and instead of `run`
 * the Create request as a function of the context, without the name (the run names the job).
 *
 * `request` should only build the request from `ctx.results`, `ctx.runId` and constants: the same
 * function is evaluated once with the real results when the step runs in-process, and once with
 * symbolic ones when the pipeline compiles to a SageMaker Pipelines definition, where each result
 * read becomes a `Get` reference. Arithmetic, method calls and branches on results cannot compile.
 */
export interface JobStepDefinition<Id extends string, Deps extends readonly StepDependency[], Request, Options> {
  /** The step's id, also its SageMaker Pipelines step `Name`. */
  readonly id: Id;
  /** The steps that must succeed first: those whose results `request` reads, and any other. @default [] */
  readonly dependsOn?: Deps;
  /** The Create request without its name member. */
  request(ctx: StepContext<Deps>): Request;
  /** More operator options for the in-process run (`checkIntervalSeconds`…); see each job step. */
  readonly options?: Options;
}

/** What the compiler reads of a job step. */
export interface JobStepSpec {
  readonly kind: JobStepKind;
  // biome-ignore lint/suspicious/noExplicitAny: the symbolic context is no real StepContext.
  readonly request: (ctx: any) => object;
  readonly options: Readonly<Record<string, unknown>>;
}

const specs = new WeakMap<object, JobStepSpec>();

/** The job step's spec, or undefined for a step made with `step()`, whose `run` cannot be compiled. */
export function jobStepSpec(s: object): JobStepSpec | undefined {
  return specs.get(s);
}

/**
 * Makes a declarative step of `kind`: in-process an ordinary step that evaluates `request(ctx)`
 * with the real results, names the job `ctx.jobName()` and runs the operator with
 * `...ctx.jobOptions` (so resuming, test mode and progress work as for any step); to the compiler,
 * a SageMaker Pipelines step of the kind's `Type`.
 */
export function jobStep<
  Input extends object,
  Result,
  Request extends object,
  Id extends string,
  Deps extends readonly StepDependency[],
  Options,
>(kind: JobStepKind<Input, Result>, definition: JobStepDefinition<Id, Deps, Request, Options>): Step<Id, Result, Deps> {
  const { id, request, options } = definition ?? {};
  if (typeof request !== "function") {
    throw new TypeError(
      `Failed to define ${kind.label} step '${String(id)}': request [${String(request)}] must be a function. Please pass request: (ctx) => ({ … }), the Create request without ${kind.nameField}.`,
    );
  }
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(
      `Failed to define ${kind.label} step '${String(id)}': options [${String(options)}] must be an object of operator options.`,
    );
  }
  const made = step({
    id,
    ...(definition.dependsOn === undefined ? {} : { dependsOn: definition.dependsOn }),
    run: (ctx: StepContext<Deps>) =>
      kind.run({ ...request(ctx), [kind.nameField]: ctx.jobName() } as unknown as Input, { ...ctx.jobOptions, ...(options ?? {}) }),
  }) as Step<Id, Result, Deps>;
  specs.set(made, { kind: kind as unknown as JobStepKind, request: request as JobStepSpec["request"], options: { ...(options ?? {}) } });
  return made;
}
