import type { AnyStep } from "../step.js";
import type { SymbolicValues } from "./symbolic-values.js";

/**
 * The context a job step's `request` sees when the pipeline compiles: `results` (and `result()`)
 * give symbolic values (a job step's → its properties, an in-process step's → a parameter),
 * `runId` and `logicalDate` stand for parameters, `pipelineName` and `stepId` are what they are.
 * The backend, the signal and the rest exist only while a step runs: reading them is a TypeError.
 */
export function symbolicContext(
  pipelineName: string,
  s: AnyStep,
  isJobStep: (id: string) => boolean,
  values: SymbolicValues,
  fail: (reason: string) => never,
): object {
  const resultOf = (id: string): unknown =>
    isJobStep(id)
      ? values.result({ kind: "result", stepId: id, path: [] })
      : values.result({ kind: "parameter", source: { kind: "result", stepId: id, path: [] } });
  const results = Object.freeze(Object.fromEntries(s.dependsOn.map((id) => [id, resultOf(id)])));
  const context: Record<string, unknown> = {
    pipelineName,
    stepId: s.id,
    runId: values.marker({ kind: "parameter", source: { kind: "runId" } }),
    logicalDate: logicalDate(values, fail),
    results,
    result: (dependency: unknown) => {
      const id = typeof dependency === "string" ? dependency : (dependency as { id?: unknown } | null)?.id;
      if (typeof id !== "string" || !s.dependsOn.includes(id)) {
        fail(`asks for the result of [${String(id)}], which is not in its dependsOn. Please add that step to dependsOn`);
      }
      return results[id as string];
    },
    jobName: () => values.marker({ kind: "jobName", stepId: s.id }),
  };
  for (const member of ["client", "clock", "signal", "jobOptions", "onStatusChange", "logs", "onTeardown"]) {
    Object.defineProperty(context, member, {
      get: () => fail(`reads ctx.${member}, which exists only while a step runs. Please build only the Create request in request(ctx)`),
    });
  }
  return Object.freeze(context);
}

/** `ctx.logicalDate` as a Date whose ISO string (toISOString, JSON, a template) is the LogicalDate parameter; anything else refused. */
function logicalDate(values: SymbolicValues, fail: (reason: string) => never): Date {
  const marker = () => values.marker({ kind: "parameter", source: { kind: "logicalDate" } });
  return new Proxy(new Date(0), {
    get: (_target, key) => {
      if (key === "toISOString" || key === "toJSON" || key === "toString") return marker;
      if (key === Symbol.toPrimitive) {
        return (hint: string) =>
          hint === "number" ? fail("does arithmetic on ctx.logicalDate, which SageMaker Pipelines cannot express") : marker();
      }
      return fail(`reads ctx.logicalDate.${String(key)}: only its ISO string compiles (a LogicalDate parameter)`);
    },
  });
}
