import type { PipelineExecutionStepMetadata } from "@aws-sdk/client-sagemaker";
import type { StoredRecord } from "../../store/kind-table.js";
import type { PipelineDefinition, ParameterValue } from "../pipeline/definition/types.js";

/** A step's outcome fixed when it happened (steps without a job, or a launch that failed). */
export interface StepEnding {
  readonly at: number;
  readonly status: "Succeeded" | "Failed" | "Stopped";
  readonly failureReason?: string | undefined;
  /** The error code when creating the step's job failed (what a retry policy's exception types match). */
  readonly errorCode?: string | undefined;
}

/** One attempt at a step: started by the execution (its first), a retry policy or RetryPipelineExecution. */
export interface StepAttempt {
  /** When it starts (a retry policy's attempt waits for its interval: Starting until then). */
  readonly startsAt: number;
  /** A retry not launched yet: it launches once `startsAt` has come (and a slot is free). */
  readonly pending?: true | undefined;
  /** The job it created, read back from that kind's table for its status. */
  readonly job?: { readonly type: string; readonly name: string; readonly arn: string } | undefined;
  readonly ending?: StepEnding | undefined;
  readonly metadata?: PipelineExecutionStepMetadata | undefined;
  /** What `Get Steps.<name>.…` reads for steps without a job: a Condition's Outcome, a Callback's OutputParameters. */
  readonly properties?: Readonly<Record<string, unknown>> | undefined;
  /** The step's resolved request, for CacheConfig: a later execution with the same key may reuse this attempt. */
  readonly cacheKey?: string | undefined;
  /** The execution whose attempt this one reused (CacheHitResult). */
  readonly cacheHitFrom?: string | undefined;
  /** When StopPipelineExecution's stop was sent to its job. */
  readonly stopSentAt?: number | undefined;
}

/** Events that change an execution's course after it started. */
export interface ExecutionEvents {
  /** Every step's attempts, oldest first. */
  readonly attempts: Readonly<Record<string, readonly StepAttempt[]>>;
  readonly stopRequestedAt?: number | undefined;
  /** The stop's ClientRequestToken: the same stop again is answered, not refused. */
  readonly stopToken?: string | undefined;
  /** RetryPipelineExecution calls accepted. */
  readonly retries: readonly number[];
}

/**
 * What the emulator stores for a pipeline execution: its plan (the definition version and the
 * typed parameters, fixed at start) and its events. Every status is derived from them, the job
 * tables and `now` (docs/decisions/0002-derived-status.md).
 */
export interface PipelineExecutionRecord extends StoredRecord {
  readonly pipelineName: string;
  readonly pipelineArn: string;
  readonly executionId: string;
  readonly versionId: number;
  readonly definitionText: string;
  readonly definition: PipelineDefinition;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly displayName: string;
  readonly description?: string | undefined;
  readonly maxParallel?: number | undefined;
  readonly createdAt: number;
  readonly clientRequestToken: string;
  readonly events: ExecutionEvents;
  /**
   * When the execution must look again: its running jobs' next changes, a retry's start. Bookkeeping
   * for the store's heap, recomputed by every sync.
   */
  readonly wakeAt?: number | undefined;
}
