import type {
  CreateEndpointInput,
  CreateEndpointOutput,
  DeleteEndpointInput,
  DescribeEndpointInput,
  DescribeEndpointOutput,
  ListEndpointsInput,
  ListEndpointsOutput,
} from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import { listPage } from "../../store/list-page.js";
import type { OperationTable } from "../operation.js";
import type { EndpointContext } from "./context.js";
import { describeEndpoint, summarizeEndpoint } from "./describe.js";
import { endpointAlreadyExists, endpointInProgress } from "./messages.js";
import { planEndpoint } from "./plan.js";
import { isGone, stateAt, withEvent, type EndpointRecord } from "./record.js";
import { endpointTimeline } from "./timeline.js";

/** Statuses DeleteEndpoint accepts; the others are "in progress" ([OBS], see messages.ts). */
const DELETABLE = new Set(["InService", "Failed", "OutOfService", "UpdateRollbackFailed"]);

/** CreateEndpoint, DescribeEndpoint, ListEndpoints, DeleteEndpoint (§5.7). */
export function endpointOperations({ ctx, store, find, deploy }: EndpointContext): OperationTable {
  const endpoints = store.endpoints;

  return {
    CreateEndpoint(input: CreateEndpointInput): CreateEndpointOutput {
      const name = input.EndpointName!;
      const existing = endpoints.get(name);
      // [DOC] "The name is case-insensitive in CreateEndpoint"; one still Deleting is still there.
      if (existing && !isGone(existing, ctx.clock.now())) throw validationError(endpointAlreadyExists(existing.arn));
      const deployment = deploy(input.EndpointConfigName!, input.DeploymentConfig);
      const plan = planEndpoint(ctx, name, deployment);
      const record: EndpointRecord = {
        name,
        // The ARN lower-cases the name while EndpointName keeps its case ([OBS] §3).
        arn: ctx.arn("endpoint", name),
        request: input,
        plan,
        events: [],
        timeline: endpointTimeline(plan, []),
        tags: [...(input.Tags ?? [])],
      };
      endpoints.set(name, record);
      return { EndpointArn: record.arn };
    },

    DescribeEndpoint(input: DescribeEndpointInput): DescribeEndpointOutput {
      return describeEndpoint(find(input.EndpointName!), ctx.clock.now());
    },

    ListEndpoints(input: ListEndpointsInput): ListEndpointsOutput {
      const now = ctx.clock.now();
      const rows = endpoints.values().filter((r) => !isGone(r, now));
      const summaries = new Map(rows.map((r) => [r, summarizeEndpoint(r, now)]));
      const { items, nextToken } = listPage(rows, input, {
        name: (r) => r.name,
        creationTime: (r) => r.plan.createdAt,
        lastModifiedTime: (r) => summaries.get(r)!.LastModifiedTime!.getTime(),
        status: (r) => summaries.get(r)!.EndpointStatus!,
        sortKeys: {
          // [INF] the name as given, in binary order, like every other List* (list-page.ts).
          Name: (r) => r.name,
          CreationTime: (r) => r.plan.createdAt,
          Status: (r) => summaries.get(r)!.EndpointStatus,
        },
        // [DOC] ListEndpoints: SortBy default CreationTime, SortOrder default Descending, MaxResults default 10.
        defaultSortBy: "CreationTime",
        defaultSortOrder: "Descending",
      });
      return { Endpoints: items.map((r) => summaries.get(r)!), NextToken: nextToken };
    },

    DeleteEndpoint(input: DeleteEndpointInput): object {
      const record = find(input.EndpointName!);
      const now = ctx.clock.now();
      // [OBS] DeleteEndpoint on a Creating/Updating endpoint is refused as "in progress" (the
      // SageMaker operator for Kubernetes, DeleteEndpointInProgressMessagePrefix); a second
      // delete while Deleting is [INF] refused the same way.
      if (!DELETABLE.has(stateAt(record, now).state.status)) throw validationError(endpointInProgress(record.arn));
      // Deleting, then gone ([DOC] DeleteEndpoint); the model and config stay.
      endpoints.set(record.name, withEvent(record, { kind: "delete", at: now }));
      return {};
    },
  };
}
