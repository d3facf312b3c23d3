import type {
  DataCaptureConfigSummary,
  DescribeEndpointOutput,
  EndpointSummary,
  PendingDeploymentSummary,
  PendingProductionVariantSummary,
  ProductionVariantStatus,
  ProductionVariantSummary,
} from "@aws-sdk/client-sagemaker";
import type { Point } from "../../lifecycle/timeline.js";
import type { Deployment, VariantDeployment } from "./deployment.js";
import { stateAt, type EndpointRecord } from "./record.js";
import type { EndpointState } from "./timeline.js";

/** The endpoint as DescribeEndpoint shows it at `now` (docs/fidelity.md §5.7). */
export function describeEndpoint(record: EndpointRecord, now: number): DescribeEndpointOutput {
  const point = stateAt(record, now);
  const { state } = point;
  const current = state.current;
  return {
    EndpointName: record.name,
    EndpointArn: record.arn,
    EndpointConfigName: state.configName,
    // [INF] no ProductionVariants until something is deployed: absent while Creating (docs/fidelity.md §5.7).
    ProductionVariants: current?.variants.map((v) => variantSummary(v, point)),
    ShadowProductionVariants: current?.shadowVariants.length ? current.shadowVariants.map((v) => variantSummary(v, point)) : undefined,
    DataCaptureConfig: current ? dataCaptureSummary(current) : undefined,
    EndpointStatus: state.status,
    // [MODEL] "If the status of the endpoint is Failed, the reason why it failed"; [OBS] also
    // after a rolled-back update while InService (see timeline.ts).
    FailureReason: state.failureReason,
    CreationTime: new Date(record.plan.createdAt),
    // [MODEL] required; the time of the last status change.
    LastModifiedTime: new Date(point.at),
    LastDeploymentConfig: current?.deploymentConfig,
    // [MODEL] "only returned when the endpoint is creating or updating with a new endpoint configuration".
    PendingDeploymentSummary: state.pending ? pendingSummary(state.pending.deployment, state.pending.startTime) : undefined,
  };
}

/** The endpoint as ListEndpoints shows it ([MODEL] EndpointSummary: all five required). */
export function summarizeEndpoint(record: EndpointRecord, now: number): EndpointSummary {
  const d = describeEndpoint(record, now);
  return {
    EndpointName: d.EndpointName,
    EndpointArn: d.EndpointArn,
    CreationTime: d.CreationTime,
    LastModifiedTime: d.LastModifiedTime,
    EndpointStatus: d.EndpointStatus,
  };
}

/**
 * Current* is what serves now; Desired* differs only while UpdateEndpointWeightsAndCapacities
 * is in progress ([DOC] "you get different desired and current values").
 */
function variantSummary(variant: VariantDeployment, point: Point<EndpointState>): ProductionVariantSummary {
  const desired = point.state.desired?.variants.find((v) => v.name === variant.name) ?? variant;
  const changing = point.state.desired !== undefined && desired !== variant;
  const status: ProductionVariantStatus[] = changing
    ? [{ Status: "Updating", StartTime: new Date(point.state.desired!.startTime) }]
    : point.state.status === "Deleting"
      ? [{ Status: "Deleting", StartTime: new Date(point.at) }]
      : [];
  return {
    VariantName: variant.name,
    DeployedImages: [...variant.images],
    CurrentWeight: variant.weight,
    DesiredWeight: desired.weight,
    CurrentInstanceCount: variant.instanceCount,
    DesiredInstanceCount: desired.instanceCount,
    CurrentServerlessConfig: variant.serverless,
    DesiredServerlessConfig: desired.serverless,
    VariantStatus: status,
  };
}

function pendingSummary(deployment: Deployment, startTime: number): PendingDeploymentSummary {
  const pending = (v: VariantDeployment): PendingProductionVariantSummary => ({
    VariantName: v.name,
    DeployedImages: [...v.images],
    DesiredWeight: v.weight,
    DesiredInstanceCount: v.instanceCount,
    InstanceType: v.instanceType as PendingProductionVariantSummary["InstanceType"],
    DesiredServerlessConfig: v.serverless,
    VariantStatus: [{ Status: "Creating", StartTime: new Date(startTime) }],
  });
  return {
    EndpointConfigName: deployment.configName,
    ProductionVariants: deployment.variants.map(pending),
    ShadowProductionVariants: deployment.shadowVariants.length ? deployment.shadowVariants.map(pending) : undefined,
    StartTime: new Date(startTime),
  };
}

/** [MODEL] DataCaptureConfigSummary (all five members required); CaptureStatus follows EnableCapture (default true [DOC]). */
function dataCaptureSummary(deployment: Deployment): DataCaptureConfigSummary | undefined {
  const config = deployment.dataCapture;
  if (!config) return undefined;
  const enabled = config.EnableCapture ?? true;
  return {
    EnableCapture: enabled,
    CaptureStatus: enabled ? "Started" : "Stopped",
    CurrentSamplingPercentage: config.InitialSamplingPercentage,
    DestinationS3Uri: config.DestinationS3Uri,
    // [MODEL] required in the summary though optional in the config; [INF] "" when none was given.
    KmsKeyId: config.KmsKeyId ?? "",
  };
}
