import type { ListRequest } from "../../store/list-page.js";
import { defineKind, type Kind, type Kit, type Listing } from "../kind.js";
import type { Operations } from "../operation.js";
import { alsoDueAt, timelineLife } from "../timeline-life.js";
import { playSimpleContainer, simpleComputeDueAt, type SimpleContainer } from "./container-run.js";
import { duplicateJob, jobNotFound, type JobKindWords } from "./errors.js";
import type { SimpleJobRecord } from "./record.js";
import { viewSimpleJob, type SimpleJobView } from "./view.js";

/** What differs between the single-phase job kinds (processing, transform). */
export interface SimpleJobKindSpec<R extends SimpleJobRecord<unknown>> {
  readonly key: string;
  readonly arnType: string;
  readonly words: JobKindWords;
  /** [DOC] differs per operation: Ascending for ListProcessingJobs, Descending for ListTransformJobs. */
  readonly defaultSortOrder: Listing<R>["defaultSortOrder"];
  describe(row: R, now: number): object;
  operations(kit: Kit<R>): Operations;
  /** How the kind's container runs, for jobs whose image has code (SimpleJobPlan.runsCode). */
  readonly container: SimpleContainer<R>;
}

/** A single-phase job kind: provisioning, then the container running, then the outcome. */
export function defineSimpleJobKind<R extends SimpleJobRecord<unknown>>(spec: SimpleJobKindSpec<R>): Kind<R> {
  const statusLife = timelineLife(
    (row: R) => row.timeline,
    (row) => row.plan.createdAt,
  );
  return defineKind<R>({
    key: spec.key,
    arnType: spec.arnType,
    durations: { provisioningSeconds: 60, runningSeconds: 180, stoppingSeconds: 30 },
    life: alsoDueAt(statusLife, simpleComputeDueAt),
    notFound: (name) => jobNotFound(name),
    duplicate: (existing) => duplicateJob(spec.words, existing.arn),
    listing: { defaultSortBy: "CreationTime", defaultSortOrder: spec.defaultSortOrder, lastModified: statusLife.lastModified },
    describe: (row, now) => spec.describe(row, now),
    onDue: (row, now, kit) => playSimpleContainer(row, now, kit, spec.container),
    operations: spec.operations,
  });
}

/** One page of List*Jobs, each job summarised from its view at the request's instant. */
export function listSimpleJobs<R extends SimpleJobRecord<unknown>, S>(
  kit: Kit<R>,
  input: ListRequest,
  summarize: (record: R, view: SimpleJobView) => S,
): { items: S[]; nextToken: string | undefined } {
  const { items, nextToken } = kit.list(input);
  const now = kit.now();
  return { items: items.map((r) => summarize(r, viewSimpleJob(r.timeline, now))), nextToken };
}
