import type { Tag } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import type { Timeline } from "../../lifecycle/timeline.js";
import type { StoredRecord } from "../../store/kind-table.js";
import { rejectedInStatus } from "../job-status.js";
import type { JobKindWords } from "./errors.js";
import type { SimpleJobPlan } from "./plan.js";
import { simpleJobTimeline, type SimpleJobEvents, type SimpleJobState } from "./timeline.js";
import { viewSimpleJob } from "./view.js";

/** What the emulator stores for a processing or transform job: request, plan, events. Status is derived. */
export interface SimpleJobRecord<Request> extends StoredRecord {
  readonly request: Request;
  readonly plan: SimpleJobPlan;
  readonly events: SimpleJobEvents;
  /** Derived from plan and events; kept only because it is recomputed on every event anyway. */
  readonly timeline: Timeline<SimpleJobState>;
  /** What its container did when it started (jobs whose image runs code only). */
  readonly run?: SimpleJobRun | undefined;
  /** Set once its outputs are in S3. */
  readonly uploaded?: true | undefined;
}

/** One run of a processing or transform container: how it ended, its lines, and the objects it leaves. */
export interface SimpleJobRun {
  /** The job's FailureReason when the container failed. */
  readonly failureReason?: string | undefined;
  readonly lines: readonly string[];
  /** Written to S3 when the job completes, in this order. */
  readonly uploads: readonly { readonly uri: string; readonly body: Uint8Array; readonly contentType?: string | undefined }[];
  /** How long the code said the run took, in ms: the container's running time. */
  readonly tookMs?: number | undefined;
}

/** The record after new events, its timeline recomputed. */
export function withSimpleEvents<R extends SimpleJobRecord<unknown>>(record: R, events: SimpleJobEvents): R {
  return { ...record, events, timeline: simpleJobTimeline(record.plan, events) };
}

export interface NewSimpleJob<Request> {
  readonly name: string;
  readonly arn: string;
  readonly request: Request;
  readonly plan: SimpleJobPlan;
  readonly tags?: readonly Tag[] | undefined;
}

export function newSimpleJobRecord<Request>(job: NewSimpleJob<Request>): SimpleJobRecord<Request> {
  return {
    name: job.name,
    arn: job.arn,
    request: job.request,
    plan: job.plan,
    events: {},
    timeline: simpleJobTimeline(job.plan, {}),
    tags: [...(job.tags ?? [])],
  };
}

/**
 * The record after an accepted Stop*Job at `now`. Only an InProgress job can be stopped; anything
 * else, Stopping included, is answered like the terminal case ([OBS] grand-challenge for transform
 * jobs; [INF] for processing jobs and for Stopping, docs/fidelity.md §2.2).
 */
export function withStopRequest<R extends SimpleJobRecord<unknown>>(record: R, now: number, kind: JobKindWords): R {
  const { status } = viewSimpleJob(record.timeline, now);
  if (status !== "InProgress") throw validationError(rejectedInStatus(kind.noun, status));
  return withSimpleEvents(record, { ...record.events, stopRequestedAt: now });
}
