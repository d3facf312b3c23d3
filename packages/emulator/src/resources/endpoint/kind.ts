import { validationError } from "../../errors.js";
import { defineKind } from "../kind.js";
import { timelineLife } from "../timeline-life.js";
import { describeEndpoint } from "./describe.js";
import { endpointAlreadyExists, endpointNotFound } from "./errors.js";
import { endpointOperations } from "./operations.js";
import { isGone, type EndpointRecord } from "./record.js";
import { endpointUpdateOperations } from "./update-operations.js";
import { endpointContext } from "./context.js";

const timeline = timelineLife(
  (row: EndpointRecord) => row.timeline,
  (row) => row.plan.createdAt,
  // An endpoint whose Deleting ends must be dropped then, though its last status stays Deleting.
  (state) => (state.gone ? "gone" : state.status),
);
// One already gone (Deleting took 0 s) is due at once.
const life = { ...timeline, nextChange: (row: EndpointRecord, now: number) => (isGone(row, now) ? now : timeline.nextChange(row, now)) };

/**
 * Endpoints: Create/Describe/List/Delete/UpdateEndpoint and UpdateEndpointWeightsAndCapacities,
 * Creating → InService / Failed, Updating → InService, Deleting → gone (dropped when it ends).
 */
export const endpointKind = defineKind<EndpointRecord>({
  key: "endpoints",
  arnType: "endpoint",
  durations: { creatingSeconds: 240, updatingSeconds: 240, deletingSeconds: 10 },
  life,
  notFound: (name, ctx) => validationError(endpointNotFound(ctx.arn("endpoint", name))),
  // [DOC] "The name is case-insensitive in CreateEndpoint"; one still Deleting is still there.
  duplicate: (existing) => validationError(endpointAlreadyExists(existing.arn)),
  // [DOC] ListEndpoints: SortBy default CreationTime, SortOrder default Descending, MaxResults default 10.
  listing: { defaultSortBy: "CreationTime", defaultSortOrder: "Descending", lastModified: life.lastModified },
  describe: (row, now) => describeEndpoint(row, now),
  onDue(row, now, kit) {
    if (isGone(row, now)) kit.table.delete(row.name);
  },
  operations(kit) {
    const shared = endpointContext(kit);
    return { ...endpointOperations(shared), ...endpointUpdateOperations(shared) };
  },
});
