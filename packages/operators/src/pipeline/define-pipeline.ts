import type { AnyStep } from "./step.js";

/**
 * A checked DAG of steps: every dependency names a step of the pipeline and there is no cycle.
 * Plain data (a name and the steps as given), so it can be listed or compiled without running it.
 */
export interface Pipeline<S extends readonly AnyStep[] = readonly AnyStep[]> {
  readonly name: string;
  /** The steps in the order given. Among the steps ready at the same moment, earlier ones start first. */
  readonly steps: S;
}

/** What {@link definePipeline} takes. */
export interface PipelineDefinition<S extends readonly AnyStep[]> {
  /**
   * The pipeline's name, the first part of every derived job name: a SageMaker pipeline name
   * (`[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}`, API reference CreatePipeline).
   */
  readonly name: string;
  /** Every step of the pipeline, each {@link step} once. */
  readonly steps: S;
}

const PIPELINE_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;

/**
 * Checks and freezes a pipeline. Throws a `TypeError` naming the problem: a name SageMaker would
 * refuse, two steps with one id, dependencies on ids that are not steps of the pipeline (all of
 * them, as `step → id`), or a cycle (`a → b → a`: a depends on b, which depends on a), which
 * SageMaker Pipelines also refuses at create time.
 *
 * @example
 * ```ts
 * const pipeline = definePipeline({ name: "nightly-churn", steps: [prepare, train, evaluate] });
 * ```
 */
export function definePipeline<const S extends readonly AnyStep[]>(definition: PipelineDefinition<S>): Pipeline<S> {
  const { name, steps } = definition ?? {};
  if (typeof name !== "string" || !PIPELINE_NAME_PATTERN.test(name)) {
    throw new TypeError(
      `Failed to define a pipeline: its name [${String(name)}] must be 1 to 256 letters, digits and "-", starting and ending ` +
        "with a letter or digit (a SageMaker pipeline name). Please rename it.",
    );
  }
  const fail = (reason: string, fix: string): never => {
    throw new TypeError(`Failed to define pipeline '${name}': ${reason}. Please ${fix}.`);
  };
  if (!Array.isArray(steps) || steps.length === 0) fail("steps must be a non-empty array", "list its steps, made with step()");
  const byId = new Map<string, AnyStep>();
  for (const s of steps) {
    if (typeof s?.id !== "string" || typeof s.run !== "function" || !Array.isArray(s.dependsOn)) {
      fail(`steps holds [${String(s)}], which is not a step`, "make each one with step({ id, dependsOn, run })");
    }
    if (byId.has(s.id)) fail(`two steps have the id '${s.id}'`, "give every step its own id");
    byId.set(s.id, s);
  }
  const unknown = steps.flatMap((s) => s.dependsOn.filter((id) => !byId.has(id)).map((id) => `${s.id} → ${id}`));
  if (unknown.length > 0) {
    fail(
      `${unknown.length === 1 ? "a dependency names" : "dependencies name"} no step of the pipeline (${unknown.join(", ")})`,
      "add the missing steps to steps, or fix the ids",
    );
  }
  const cycle = findCycle(steps);
  if (cycle !== undefined) {
    fail(
      `its steps depend on each other in a cycle (${cycle.join(" → ")}), so none of them could ever start`,
      "remove one of these dependencies",
    );
  }
  return Object.freeze({ name, steps: Object.freeze([...steps]) as unknown as S });
}

/** A cycle as step ids, each depending on the next and the first repeated last (`["a", "b", "a"]`), or undefined. */
function findCycle(steps: readonly AnyStep[]): string[] | undefined {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (id: string): string[] | undefined => {
    if (onPath.has(id)) return [...path.slice(path.indexOf(id)), id];
    if (done.has(id)) return undefined;
    path.push(id);
    onPath.add(id);
    for (const dependency of byId.get(id)?.dependsOn ?? []) {
      const cycle = visit(dependency);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    onPath.delete(id);
    done.add(id);
    return undefined;
  };
  for (const s of steps) {
    const cycle = visit(s.id);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}
