import type { DeploymentConfig } from "@aws-sdk/client-sagemaker";
import { endpointConfigKind } from "../endpoint-config/kind.js";
import type { Kit } from "../kind.js";
import { modelKind } from "../model/kind.js";
import { deploymentOf, type Deployment } from "./deployment.js";
import { imageResolver } from "./image-digests.js";
import type { EndpointRecord } from "./record.js";

/** What the endpoint operations share: the kit, and deploying a config by name. */
export interface EndpointContext {
  readonly kit: Kit<EndpointRecord>;
  /** Snapshots what deploying `configName` means now; the config and its models must exist. */
  deploy(configName: string, deploymentConfig: DeploymentConfig | undefined): Deployment;
}

/** The shared lookups, with one image resolver so a tag keeps its digest across endpoints. */
export function endpointContext(kit: Kit<EndpointRecord>): EndpointContext {
  const resolve = imageResolver(kit.ctx.random);
  const configs = kit.read(endpointConfigKind);
  const models = kit.read(modelKind);
  return {
    kit,
    deploy(configName, deploymentConfig) {
      const config = configs.get(configName);
      // [INF] same text as DescribeEndpointConfig; ACK's UpdateEndpointUnableToFindEndpointConfigMessagePrefix [OBS].
      if (!config) throw endpointConfigKind.notFound(configName, kit.ctx);
      const model = (name: string) => {
        const record = models.get(name);
        // [OBS] aws/sagemaker-python-sdk#2112: CreateEndpoint after the model was deleted.
        if (!record) throw modelKind.notFound(name, kit.ctx);
        return record;
      };
      const now = kit.now();
      return deploymentOf({ config, model, resolve: (image) => resolve(image, now), deploymentConfig });
    },
  };
}
