import type { CreateEndpointInput } from "@aws-sdk/client-sagemaker";
import { pointAt, type Point, type Timeline } from "../../lifecycle/timeline.js";
import type { StoredRecord } from "../../store/kind-table.js";
import type { EndpointPlan } from "./plan.js";
import { endpointTimeline, type EndpointEvent, type EndpointState } from "./timeline.js";

/** What the emulator stores for an endpoint: its request, plan and events. Status is derived. */
export interface EndpointRecord extends StoredRecord {
  readonly request: CreateEndpointInput;
  readonly plan: EndpointPlan;
  readonly events: readonly EndpointEvent[];
  /** Derived from plan and events; kept because it is recomputed on every event anyway. */
  readonly timeline: Timeline<EndpointState>;
}

/** The record after one more event, its timeline recomputed from plan and events. */
export function withEvent(record: EndpointRecord, event: EndpointEvent): EndpointRecord {
  const events = [...record.events, event];
  return { ...record, events, timeline: endpointTimeline(record.plan, events) };
}

/** The endpoint's state at `now`. */
export function stateAt(record: EndpointRecord, now: number): Point<EndpointState> {
  return pointAt(record.timeline, now);
}

/** Whether Deleting has ended by `now`. */
export function isGone(record: EndpointRecord, now: number): boolean {
  return stateAt(record, now).state.gone === true;
}
