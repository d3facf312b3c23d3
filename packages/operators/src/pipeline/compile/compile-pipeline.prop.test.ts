import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trainingJobRequest } from "../../../test/fixtures.js";
import { definePipeline } from "../define-pipeline.js";
import { modelStep, trainingStep } from "../job-steps/steps.js";
import type { AnyStep } from "../step.js";
import { compilePipeline } from "./compile-pipeline.js";
import type { PipelineDefinitionJson } from "./pipeline-definition.js";

// biome-ignore lint/suspicious/noExplicitAny: a random DAG reads its dependencies by computed id.
type Loose = any;

const { TrainingJobName: _, ...training } = trainingJobRequest();

/**
 * A random DAG of job steps: node i depends on some nodes before it, reads the results of some of
 * those (a property, or a template embedding one), is a training or a model step, and is listed in
 * a random order.
 */
const dags = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    deps: fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
    reads: fc.array(fc.array(fc.constantFrom("none", "property", "template", "jobName")), { minLength: n, maxLength: n }),
    models: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    order: fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: n, maxLength: n },
    ),
  }),
);

/** Every step name a `Get` in `value` references. */
function referencedSteps(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedSteps(v, into);
  else if (typeof value === "object" && value !== null) {
    const get = (value as { Get?: unknown }).Get;
    if (typeof get === "string" && get.startsWith("Steps.")) into.add(/^Steps\.([A-Za-z0-9_-]+)/.exec(get)![1]!);
    for (const v of Object.values(value)) referencedSteps(v, into);
  }
  return into;
}

/** Each node's transitive dependencies. */
function closure(edges: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const visit = (id: string): Set<string> => {
    const known = out.get(id);
    if (known !== undefined) return known;
    const all = new Set<string>();
    for (const d of edges.get(id) ?? []) {
      all.add(d);
      for (const t of visit(d)) all.add(t);
    }
    out.set(id, all);
    return all;
  };
  for (const id of edges.keys()) visit(id);
  return out;
}

function definitionEdges(definition: PipelineDefinitionJson): Map<string, Set<string>> {
  return new Map(definition.Steps.map((s) => [s.Name, new Set([...(s.DependsOn ?? []), ...referencedSteps(s.Arguments)])]));
}

describe(compilePipeline.name, () => {
  it("property: a compiled DAG's dependencies (DependsOn ∪ Get references) are the pipeline's dependsOn, closure-wise and edge for edge, and DependsOn never repeats a reference", () => {
    fc.assert(
      fc.property(dags, ({ deps, reads, models, order }) => {
        const id = (i: number): string => `s${i}`;
        const made = new Map<number, AnyStep>();
        const byIndex = (i: number): AnyStep => {
          const known = made.get(i);
          if (known !== undefined) return known;
          const dependsOn = deps[i]!.map(id);
          // Reads go to the dependencies in turn: reads[i][k] is what it reads of dependency k.
          const request = (ctx: { results: Record<string, Loose> }) => {
            const hyper: Record<string, string> = {};
            deps[i]!.forEach((d, k) => {
              const r = ctx.results[id(d)];
              const read = reads[i]![k] ?? "none";
              const described = models[d] ? r : r.description;
              if (read === "property") hyper[`p${d}`] = models[d] ? r.ModelName : r.jobName;
              if (read === "template")
                hyper[`t${d}`] = `s3://b/${models[d] ? described.ModelArn : described.ModelArtifacts.S3ModelArtifacts}/x`;
              if (read === "jobName" && !models[d]) hyper[`j${d}`] = `${r.jobName}`;
            });
            return hyper;
          };
          const s = models[i]
            ? modelStep({ id: id(i), dependsOn, request: (ctx) => ({ ExecutionRoleArn: "r", Environment: request(ctx as never) }) })
            : trainingStep({ id: id(i), dependsOn, request: (ctx) => ({ ...training, HyperParameters: request(ctx as never) }) });
          made.set(i, s);
          return s;
        };
        const pipeline = definePipeline({ name: "dag", steps: order.map(byIndex) });
        const { definition } = compilePipeline(pipeline);

        const compiled = definitionEdges(definition);
        const declared = new Map(pipeline.steps.map((s) => [s.id, new Set(s.dependsOn)]));
        expect(closure(compiled)).toEqual(closure(declared));
        expect(compiled).toEqual(declared);
        for (const s of definition.Steps) {
          const refs = referencedSteps(s.Arguments);
          expect((s.DependsOn ?? []).filter((d) => refs.has(d))).toEqual([]);
        }
        expect(definition.Steps.map((s) => s.Name)).toEqual(pipeline.steps.map((s) => s.id));
      }),
      { numRuns: 200 },
    );
  });
});
