import type { EndpointStatus } from "@aws-sdk/client-sagemaker";
import type { Outcome } from "../../lifecycle/rules.js";
import type { Point, Timeline } from "../../lifecycle/timeline.js";
import type { Deployment, VariantDeployment } from "./deployment.js";
import { defaultFailureReason } from "./errors.js";
import type { EndpointPlan } from "./plan.js";

/** What DescribeEndpoint shows between two transitions. */
export interface EndpointState {
  readonly status: EndpointStatus;
  /** EndpointConfigName: the config being created, then the one serving until an update ends. */
  readonly configName: string;
  /** The deployment serving traffic; none until the endpoint first reaches InService. */
  readonly current?: Deployment | undefined;
  /** A deployment in progress (Creating, or Updating by UpdateEndpoint): PendingDeploymentSummary. */
  readonly pending?: { readonly deployment: Deployment; readonly startTime: number } | undefined;
  /** Variants as UpdateEndpointWeightsAndCapacities asked for them, while Updating. */
  readonly desired?: { readonly variants: readonly VariantDeployment[]; readonly startTime: number } | undefined;
  /** Why creation failed (status Failed), or why the last update was rolled back (InService). */
  readonly failureReason?: string | undefined;
  /** Deleting has ended: the endpoint no longer exists. */
  readonly gone?: true;
}

/** What happened to an endpoint after creation, in order. Each was accepted only when the endpoint had settled. */
export type EndpointEvent =
  | {
      readonly kind: "update";
      readonly at: number;
      readonly deployment: Deployment;
      readonly updatingMs: number;
      readonly outcome: Outcome;
    }
  | { readonly kind: "weights"; readonly at: number; readonly variants: readonly VariantDeployment[] }
  | { readonly kind: "delete"; readonly at: number };

/**
 * The whole life of an endpoint ([DOC] CreateEndpoint/UpdateEndpoint/DeleteEndpoint, docs/fidelity.md §5.7):
 * Creating → InService | Failed; then per event, InService → Updating → InService (a failed
 * update leaves the old deployment serving, with a FailureReason), or InService | Failed →
 * Deleting → gone.
 */
export function endpointTimeline(plan: EndpointPlan, events: readonly EndpointEvent[]): Timeline<EndpointState> {
  const t0 = plan.createdAt;
  const initial = plan.deployment;
  const points: Point<EndpointState>[] = [
    { at: t0, state: { status: "Creating", configName: initial.configName, pending: { deployment: initial, startTime: t0 } } },
  ];
  const failure = failureOf(plan.outcome, initial, plan.creatingMs);
  points.push(
    failure
      ? { at: t0 + failure.afterMs, state: { status: "Failed", configName: initial.configName, failureReason: failure.reason } }
      : { at: t0 + plan.creatingMs, state: { status: "InService", configName: initial.configName, current: initial } },
  );

  for (const event of events) {
    const base = points[points.length - 1]!.state;
    const settled = { configName: base.configName, current: base.current };
    if (event.kind === "update") {
      points.push({
        at: event.at,
        state: { status: "Updating", ...settled, pending: { deployment: event.deployment, startTime: event.at } },
      });
      const failed = failureOf(event.outcome, event.deployment, event.updatingMs);
      points.push(
        failed
          ? // [OBS] a failed update rolls back: InService on the old config with a FailureReason, which
            // the next update clears (aws-controllers-k8s/sagemaker-controller#7; terraform-provider-aws#39099).
            { at: event.at + failed.afterMs, state: { status: "InService", ...settled, failureReason: failed.reason } }
          : {
              at: event.at + event.updatingMs,
              state: { status: "InService", configName: event.deployment.configName, current: event.deployment },
            },
      );
    } else if (event.kind === "weights") {
      const current = base.current!;
      points.push({ at: event.at, state: { status: "Updating", ...settled, desired: { variants: event.variants, startTime: event.at } } });
      points.push({
        at: event.at + plan.updatingMs,
        state: { status: "InService", ...settled, current: { ...current, variants: event.variants } },
      });
    } else {
      points.push({ at: event.at, state: { status: "Deleting", ...settled } });
      points.push({ at: event.at + plan.deletingMs, state: { status: "Deleting", ...settled, gone: true } });
    }
  }
  return points;
}

function failureOf(outcome: Outcome, deployment: Deployment, phaseMs: number): { afterMs: number; reason: string } | undefined {
  if (outcome.status !== "Failed") return undefined;
  const afterMs = outcome.afterSeconds === undefined ? phaseMs : Math.min(outcome.afterSeconds * 1000, phaseMs);
  return { afterMs, reason: outcome.failureReason ?? defaultFailureReason(deployment.variants[0]?.name ?? "AllTraffic") };
}
