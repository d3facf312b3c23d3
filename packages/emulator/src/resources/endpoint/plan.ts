import type { EmulatorContext } from "../../emulator-context.js";
import type { Outcome } from "../../lifecycle/rules.js";
import type { Deployment } from "./deployment.js";
import { deploymentImages } from "./deployment.js";

/** How long an endpoint's phases take and how its deployments end, fixed when planned. */
export interface EndpointPlan {
  readonly createdAt: number;
  readonly creatingMs: number;
  /** For UpdateEndpointWeightsAndCapacities; UpdateEndpoint plans its own (the new models' rules). */
  readonly updatingMs: number;
  readonly deletingMs: number;
  readonly outcome: Outcome;
  /** The config the endpoint was created with. */
  readonly deployment: Deployment;
}

/** The durations and outcome of deploying `deployment` on endpoint `name`. */
export function planDeployment(
  ctx: EmulatorContext,
  name: string,
  deployment: Deployment,
): { creatingMs: number; updatingMs: number; deletingMs: number; outcome: Outcome } {
  const images = deploymentImages(deployment);
  // Rules match on the endpoint's name and on its models' images: the first image a rule
  // matches decides; without one, the endpoint's name alone may still match a rule.
  let planned = ctx.planFor({ name, image: images[0] });
  for (const image of images.slice(1)) {
    if (planned.rule) break;
    planned = ctx.planFor({ name, image });
  }
  const { durationsMs, rule } = planned;
  return {
    creatingMs: durationsMs.creatingSeconds,
    updatingMs: durationsMs.updatingSeconds,
    deletingMs: durationsMs.deletingSeconds,
    outcome: rule?.outcome ?? { status: "Completed" },
  };
}

/** The plan of a new endpoint deploying `deployment`, starting now. */
export function planEndpoint(ctx: EmulatorContext, name: string, deployment: Deployment): EndpointPlan {
  return { createdAt: ctx.clock.now(), ...planDeployment(ctx, name, deployment), deployment };
}
