import type { AnyStep, StepResult } from "./step.js";

/** How a step ended. */
export type StepState = "succeeded" | "failed" | "skipped" | "cancelled";

/** When a step ran, on the backend's clock (`virtualMs`, ISO times) and on the host's (`wallMs`). */
interface StepTimes {
  /** ISO-8601 on the backend's clock; absent for a step that never started. */
  readonly startTime?: string;
  readonly endTime?: string;
  /** Time spent on the backend's clock (virtual time on the emulator); 0 for a step that never started. */
  readonly virtualMs: number;
  /** Time spent on the host's clock; 0 for a step that never started. */
  readonly wallMs: number;
}

/** One step's part of a {@link PipelineRun}, told apart by `state`. */
export type StepReport<Result = unknown> = StepTimes &
  (
    | { readonly state: "succeeded"; readonly result: Result }
    | { readonly state: "failed"; readonly error: unknown }
    /** `because`: the id of the failed step upstream that kept it from running. */
    | { readonly state: "skipped"; readonly because: string }
    /** `error`: what a running step rejected with once its signal aborted; absent if it never started. */
    | { readonly state: "cancelled"; readonly error?: unknown }
  );

/** One registered teardown, as it went. */
export interface TeardownReport {
  readonly stepId: string;
  readonly label: string;
  /** `"kept"` with `keepResources: true`: the resource is still there. */
  readonly state: "succeeded" | "failed" | "kept";
  readonly error?: unknown;
}

/**
 * Everything a run did: each step's state with its result or error and durations, the teardowns,
 * and the run's own times. `runPipeline` resolves with it when every step succeeded; otherwise its
 * `PipelineFailedError` carries it as `run`.
 */
export interface PipelineRun<S extends readonly AnyStep[] = readonly AnyStep[]> {
  readonly pipelineName: string;
  readonly runId: string;
  /** ISO-8601. */
  readonly logicalDate: string;
  /** `"cancelled"` when the run's signal aborted before every step had settled. */
  readonly outcome: "succeeded" | "failed" | "cancelled";
  /** Every step by id, its result typed. */
  readonly steps: { readonly [St in S[number] as St["id"]]: StepReport<StepResult<St>> };
  /** Teardowns in the order they ran (the last registered first). */
  readonly teardowns: readonly TeardownReport[];
  /** ISO-8601 on the backend's clock. */
  readonly startTime: string;
  readonly endTime: string;
  /** The run's duration on the backend's clock, teardowns included. */
  readonly virtualMs: number;
  /** The run's duration on the host's clock, teardowns included. */
  readonly wallMs: number;
}

/**
 * What `runPipeline` resolves with: a run in which every step succeeded, so each step's `result`
 * is there, typed, without checking `state` first.
 */
export interface SucceededPipelineRun<S extends readonly AnyStep[] = readonly AnyStep[]> extends Omit<PipelineRun<S>, "outcome" | "steps"> {
  readonly outcome: "succeeded";
  readonly steps: { readonly [St in S[number] as St["id"]]: Extract<StepReport<StepResult<St>>, { readonly state: "succeeded" }> };
}
