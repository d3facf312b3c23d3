import type { DeploymentConfig } from "@aws-sdk/client-sagemaker";
import type { EmulatorContext } from "../../emulator-context.js";
import { validationError } from "../../errors.js";
import type { EmulatorStore } from "../../store/emulator-store.js";
import { endpointConfigNotFound } from "../endpoint-config/messages.js";
import { modelNotFound } from "../model/messages.js";
import type { ModelRecord } from "../model/record.js";
import { deploymentOf, type Deployment } from "./deployment.js";
import { imageResolver } from "./image-digests.js";
import { endpointNotFound } from "./messages.js";
import { isGone, type EndpointRecord } from "./record.js";

/** What the endpoint operations share: lookups that answer with SageMaker's "Could not find" texts. */
export interface EndpointContext {
  readonly ctx: EmulatorContext;
  readonly store: EmulatorStore;
  /** The endpoint, unless it never existed or its Deleting has ended. */
  find(name: string): EndpointRecord;
  /** Snapshots what deploying `configName` means now; the config and its models must exist. */
  deploy(configName: string, deploymentConfig: DeploymentConfig | undefined): Deployment;
}

/** The shared lookups, with one image resolver so a tag keeps its digest across endpoints. */
export function endpointContext(ctx: EmulatorContext, store: EmulatorStore): EndpointContext {
  const resolve = imageResolver(ctx.random);
  return {
    ctx,
    store,
    find(name) {
      const record = store.endpoints.get(name);
      if (!record || isGone(record, ctx.clock.now())) throw validationError(endpointNotFound(ctx.arn("endpoint", name)));
      return record;
    },
    deploy(configName, deploymentConfig) {
      const config = store.endpointConfigs.get(configName);
      // [INF] same text as DescribeEndpointConfig; ACK's UpdateEndpointUnableToFindEndpointConfigMessagePrefix [OBS].
      if (!config) throw validationError(endpointConfigNotFound(ctx.arn("endpoint-config", configName)));
      const model = (name: string): ModelRecord => {
        const record = store.models.get(name);
        // [OBS] aws/sagemaker-python-sdk#2112: CreateEndpoint after the model was deleted.
        if (!record) throw validationError(modelNotFound(ctx.arn("model", name)));
        return record;
      };
      const now = ctx.clock.now();
      return deploymentOf({ config, model, resolve: (image) => resolve(image, now), deploymentConfig });
    },
  };
}
