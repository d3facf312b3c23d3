import type { Emulator } from "../emulator.js";
import { parseDefinition } from "../resources/pipeline/definition/parse.js";
import { executionSteps } from "./timeline.js";

/** One step of an execution's DAG: its definition's place, and its state as ListPipelineExecutionSteps answers. */
export interface DagNode {
  readonly name: string;
  readonly type: string;
  /** Its column: one more than the deepest step it waits for. */
  readonly level: number;
  /** The steps it waits for (references, DependsOn, its Condition). */
  readonly after: readonly string[];
  /** Absent while the step has not started. */
  readonly step?: Record<string, unknown>;
  /** The ARNs in its Metadata (its job, model, …), for the dashboard to link to. */
  readonly links: readonly string[];
}

/**
 * An execution's DAG: the definition it runs (DescribePipelineDefinitionForExecution, the version
 * it started with), read by the same parser CreatePipeline checks it with, and each step's state.
 */
export function executionDag(emulator: Emulator, arn: string): { nodes: DagNode[] } {
  const { PipelineDefinition } = emulator.call("DescribePipelineDefinitionForExecution", { PipelineExecutionArn: arn }) as {
    PipelineDefinition: string;
  };
  const definition = parseDefinition(PipelineDefinition);
  const steps = new Map(executionSteps(emulator, arn).map((step) => [String(step.StepName), step]));
  const levels = new Map<string, number>();
  const byName = new Map(definition.steps.map((step) => [step.name, step]));
  // The parser refused cycles, so the recursion ends.
  const levelOf = (name: string): number => {
    const known = levels.get(name);
    if (known !== undefined) return known;
    const level = Math.max(-1, ...(byName.get(name)?.waitsFor ?? []).map(levelOf)) + 1;
    levels.set(name, level);
    return level;
  };
  const nodes = definition.steps.map((planned): DagNode => {
    const step = steps.get(planned.name);
    return {
      name: planned.name,
      type: planned.type,
      level: levelOf(planned.name),
      after: planned.waitsFor,
      ...(step ? { step } : {}),
      links: metadataArns(step?.Metadata),
    };
  });
  return { nodes };
}

/** Every `Arn` under a step's Metadata (`{ TrainingJob: { Arn } }`, `{ Model: { Arn } }`, …). */
function metadataArns(metadata: unknown): string[] {
  if (typeof metadata !== "object" || metadata === null) return [];
  return Object.values(metadata).flatMap((entry) =>
    typeof entry === "object" && entry !== null && typeof (entry as { Arn?: unknown }).Arn === "string"
      ? [(entry as { Arn: string }).Arn]
      : [],
  );
}
