import type { Emulator } from "../emulator.js";
import { kindSections, type ResourceRow } from "./resource-kinds.js";

/**
 * The timeline the dashboard draws: each job, endpoint and pipeline execution as a bar on the
 * virtual clock, cut into phases. Every instant is one Describe answers now (SecondaryStatusTransitions,
 * *StartTime/*EndTime, LastModifiedTime, ListPipelineExecutionSteps), so the bars say what a
 * SageMaker client can see and nothing the kinds have only planned; the statuses are the ones
 * Describe answers, never worked out here.
 */
export interface TimelineBar {
  readonly kind: string;
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  /** Epoch ms on the emulator's clock. */
  readonly start: number;
  /** When it ended, or now while it runs. */
  readonly end: number;
  readonly ended: boolean;
  readonly phases: readonly Phase[];
  /** A pipeline execution's steps. */
  readonly steps?: readonly StepBar[];
}

export interface Phase {
  readonly phase: string;
  readonly start: number;
  readonly end: number;
  readonly message?: string;
}

export interface StepBar {
  readonly name: string;
  readonly status: string;
  readonly start: number;
  readonly end: number;
}

type Described = Record<string, unknown>;

const ms = (value: unknown): number | undefined => (value instanceof Date ? value.getTime() : undefined);

/** Every bar, at the emulator's `now`, from one state dump. */
export function timelineBars(emulator: Emulator, state: Record<string, unknown[]>, now: number): TimelineBar[] {
  const bars: TimelineBar[] = [];
  for (const section of kindSections(state)) {
    const draw = DRAW[section.key];
    if (!draw) continue;
    for (const row of section.resources) {
      const bar = draw(row, now, emulator);
      if (bar) bars.push({ kind: section.key, name: row.name, arn: row.arn, status: row.status ?? "", ...bar });
    }
  }
  return bars.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
}

type Drawn = Omit<TimelineBar, "kind" | "name" | "arn" | "status">;
type Draw = (row: ResourceRow, now: number, emulator: Emulator) => Drawn | undefined;

/**
 * Phases from the job's creation, the instant its work began (its container's start, *StartTime;
 * its creation when Describe dates none) and its end member: "Starting" until the work began, then `working`.
 */
function jobBar(startField: string | undefined, endField: string, working: string): Draw {
  return ({ describe }, now) => {
    const created = ms(describe.CreationTime);
    if (created === undefined) return undefined;
    const began = startField === undefined ? created : ms(describe[startField]);
    const ended = ms(describe[endField]);
    const end = ended ?? now;
    const phases: Phase[] =
      began === undefined
        ? [{ phase: "Starting", start: created, end }]
        : [...(began > created ? [{ phase: "Starting", start: created, end: began }] : []), { phase: working, start: began, end }];
    return { start: created, end, ended: ended !== undefined, phases };
  };
}

/** A training job's phases are its SecondaryStatusTransitions, each until the next begins. */
const trainingBar: Draw = ({ describe }, now) => {
  const created = ms(describe.CreationTime);
  if (created === undefined) return undefined;
  const ended = ms(describe.TrainingEndTime);
  const end = ended ?? now;
  const transitions = (describe.SecondaryStatusTransitions ?? []) as Described[];
  const phases = transitions.map((t, i): Phase => {
    const start = ms(t.StartTime) ?? created;
    const next = transitions[i + 1];
    return {
      phase: String(t.Status),
      start,
      end: ms(t.EndTime) ?? (next ? (ms(next.StartTime) ?? end) : end),
      ...(typeof t.StatusMessage === "string" ? { message: t.StatusMessage } : {}),
    };
  });
  return { start: created, end, ended: ended !== undefined, phases };
};

/**
 * Describe dates only an endpoint's creation and its current status (LastModifiedTime), so its
 * bar has two parts: what came before that status, and the status since.
 */
const endpointBar: Draw = ({ describe, status }, now) => {
  const created = ms(describe.CreationTime);
  const since = ms(describe.LastModifiedTime) ?? created;
  if (created === undefined || since === undefined) return undefined;
  const phases: Phase[] = [
    ...(since > created ? [{ phase: "Earlier", start: created, end: since }] : []),
    { phase: status ?? "", start: since, end: now },
  ];
  return { start: created, end: now, ended: false, phases };
};

/** An execution runs from its creation; it ended at LastModifiedTime once it is no longer Executing or Stopping. */
const executionBar: Draw = (row, now, emulator) => {
  const { describe, status } = row;
  const created = ms(describe.CreationTime);
  if (created === undefined) return undefined;
  const running = status === "Executing" || status === "Stopping";
  const end = running ? now : (ms(describe.LastModifiedTime) ?? now);
  const steps = executionSteps(emulator, row.arn).map((step) => ({
    name: String(step.StepName),
    status: String(step.StepStatus),
    start: ms(step.StartTime) ?? created,
    end: ms(step.EndTime) ?? now,
  }));
  steps.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
  return { start: created, end, ended: !running, phases: [{ phase: status ?? "", start: created, end }], steps };
};

/** Every step of an execution as ListPipelineExecutionSteps answers, all pages. */
export function executionSteps(emulator: Emulator, arn: string): Described[] {
  const steps: Described[] = [];
  let token: string | undefined;
  do {
    const page = emulator.call("ListPipelineExecutionSteps", {
      PipelineExecutionArn: arn,
      MaxResults: 100,
      ...(token ? { NextToken: token } : {}),
    }) as { PipelineExecutionSteps?: Described[]; NextToken?: string };
    steps.push(...(page.PipelineExecutionSteps ?? []));
    token = page.NextToken;
  } while (token);
  return steps;
}

const DRAW: Readonly<Record<string, Draw>> = {
  trainingJobs: trainingBar,
  processingJobs: jobBar("ProcessingStartTime", "ProcessingEndTime", "Processing"),
  transformJobs: jobBar("TransformStartTime", "TransformEndTime", "Transforming"),
  // A tuning job's Describe dates no start apart from its creation.
  tuningJobs: jobBar(undefined, "HyperParameterTuningEndTime", "Tuning"),
  endpoints: endpointBar,
  pipelineExecutions: executionBar,
};
