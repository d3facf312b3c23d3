import type { DesiredWeightAndCapacity } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import type { Operations } from "../operation.js";
import type { EndpointContext } from "./context.js";
import { retainVariantProperties, type VariantDeployment } from "./deployment.js";
import { endpointFailed, endpointInProgress, sameEndpointConfig, variantMissing, variantRepeated } from "./errors.js";
import { planDeployment } from "./plan.js";
import { stateAt, withEvent, type EndpointRecord } from "./record.js";
import type { EndpointState } from "./timeline.js";

/** UpdateEndpoint and UpdateEndpointWeightsAndCapacities: only an InService endpoint changes (docs/fidelity.md §5.7). */
export function endpointUpdateOperations({ kit, deploy }: EndpointContext): Operations {
  const settled = (record: EndpointRecord): EndpointState => {
    const { state } = stateAt(record, kit.now());
    if (state.status === "Failed") throw validationError(endpointFailed(record.arn));
    if (state.status !== "InService") throw validationError(endpointInProgress(record.arn));
    return state;
  };

  return {
    UpdateEndpoint(input) {
      const record = kit.find(input.EndpointName);
      const state = settled(record);
      const configName = input.EndpointConfigName;
      if (configName.toLowerCase() === state.configName.toLowerCase()) throw validationError(sameEndpointConfig(state.configName));
      const current = state.current!;
      // [DOC] RetainDeploymentConfig: reuse the last deployment configuration (default false).
      const deploymentConfig = input.RetainDeploymentConfig ? current.deploymentConfig : input.DeploymentConfig;
      let deployment = deploy(configName, deploymentConfig);
      if (input.RetainAllVariantProperties) {
        deployment = retainVariantProperties(
          deployment,
          current,
          input.ExcludeRetainedVariantProperties?.map((p) => p.VariantPropertyType) ?? [],
        );
      }
      const { updatingMs, outcome } = planDeployment(kit.ctx, record.name, deployment);
      // While Updating, EndpointConfigName stays the old one and PendingDeploymentSummary shows the new.
      kit.save(withEvent(record, { kind: "update", at: kit.now(), deployment, updatingMs, outcome }));
      return { EndpointArn: record.arn };
    },

    UpdateEndpointWeightsAndCapacities(input) {
      const record = kit.find(input.EndpointName);
      const state = settled(record);
      const current = state.current!;
      const requested = new Map<string, DesiredWeightAndCapacity>();
      for (const desired of input.DesiredWeightsAndCapacities) {
        const name = desired.VariantName;
        if (requested.has(name)) throw validationError(variantRepeated(name));
        if (!current.variants.some((v) => v.name === name)) throw validationError(variantMissing(name, current.configName));
        requested.set(name, desired);
      }
      const variants: VariantDeployment[] = current.variants.map((v) => {
        const desired = requested.get(v.name);
        if (!desired) return v;
        return { ...v, weight: desired.DesiredWeight ?? v.weight, instanceCount: desired.DesiredInstanceCount ?? v.instanceCount };
      });
      // Updating with Desired* ≠ Current* until it ends, then InService with the new values ([DOC]).
      kit.save(withEvent(record, { kind: "weights", at: kit.now(), variants }));
      return { EndpointArn: record.arn };
    },
  };
}
