import { validationError } from "../../errors.js";
import type { Operations } from "../operation.js";
import type { EndpointContext } from "./context.js";
import { describeEndpoint, summarizeEndpoint } from "./describe.js";
import { endpointInProgress } from "./errors.js";
import { planEndpoint } from "./plan.js";
import { stateAt, withEvent } from "./record.js";
import { endpointTimeline } from "./timeline.js";

/** Statuses DeleteEndpoint accepts; the others are "in progress" ([OBS], see errors.ts). */
const DELETABLE = new Set(["InService", "Failed", "OutOfService", "UpdateRollbackFailed"]);

/** CreateEndpoint, DescribeEndpoint, ListEndpoints, DeleteEndpoint. */
export function endpointOperations({ kit, deploy }: EndpointContext): Operations {
  return {
    CreateEndpoint(input) {
      const name = input.EndpointName;
      kit.checkNameFree(name);
      const deployment = deploy(input.EndpointConfigName, input.DeploymentConfig);
      const plan = planEndpoint(kit.ctx, name, deployment);
      // The ARN lower-cases the name while EndpointName keeps its case ([OBS] aws/amazon-sagemaker-examples#293).
      const record = kit.create(name, (arn) => ({
        name,
        arn,
        request: input,
        plan,
        events: [],
        timeline: endpointTimeline(plan, []),
        tags: [...(input.Tags ?? [])],
      }));
      return { EndpointArn: record.arn };
    },

    DescribeEndpoint: (input) => describeEndpoint(kit.find(input.EndpointName), kit.now()),

    ListEndpoints(input) {
      const { items, nextToken } = kit.list(input);
      const now = kit.now();
      return { Endpoints: items.map((r) => summarizeEndpoint(r, now)), NextToken: nextToken };
    },

    DeleteEndpoint(input) {
      const record = kit.find(input.EndpointName);
      const now = kit.now();
      // [OBS] DeleteEndpoint on a Creating/Updating endpoint is refused as "in progress" (the
      // SageMaker operator for Kubernetes, DeleteEndpointInProgressMessagePrefix); a second
      // delete while Deleting is [INF] refused the same way.
      if (!DELETABLE.has(stateAt(record, now).state.status)) throw validationError(endpointInProgress(record.arn));
      // Deleting, then gone ([DOC] DeleteEndpoint); the model and config stay.
      kit.save(withEvent(record, { kind: "delete", at: now }));
      return {};
    },
  };
}
