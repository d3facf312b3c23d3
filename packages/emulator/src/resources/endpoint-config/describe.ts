import type { DescribeEndpointConfigOutput, EndpointConfigSummary, ProductionVariant } from "@aws-sdk/client-sagemaker";
import type { EndpointConfigRecord } from "./record.js";

/** [DOC] ProductionVariant.InitialVariantWeight: "If unspecified, it defaults to 1.0." */
export const DEFAULT_VARIANT_WEIGHT = 1.0;

/** A variant as the service stores it: the request's, with the documented weight default filled in. */
function storedVariant(variant: ProductionVariant): ProductionVariant {
  return { ...variant, InitialVariantWeight: variant.InitialVariantWeight ?? DEFAULT_VARIANT_WEIGHT };
}

/** The config as DescribeEndpointConfig shows it: the request echoed back, with ARN and CreationTime. */
export function describeEndpointConfig(record: EndpointConfigRecord): DescribeEndpointConfigOutput {
  const { request } = record;
  return {
    EndpointConfigName: record.name,
    EndpointConfigArn: record.arn,
    ProductionVariants: (request.ProductionVariants ?? []).map(storedVariant),
    ShadowProductionVariants: request.ShadowProductionVariants?.map(storedVariant),
    DataCaptureConfig: request.DataCaptureConfig,
    KmsKeyId: request.KmsKeyId,
    CreationTime: new Date(record.createdAt),
    AsyncInferenceConfig: request.AsyncInferenceConfig,
    ExplainerConfig: request.ExplainerConfig,
    ExecutionRoleArn: request.ExecutionRoleArn,
    VpcConfig: request.VpcConfig,
    EnableNetworkIsolation: request.EnableNetworkIsolation,
    MetricsConfig: request.MetricsConfig,
  };
}

/** The config as ListEndpointConfigs shows it ([MODEL] EndpointConfigSummary: all three required). */
export function summarizeEndpointConfig(record: EndpointConfigRecord): EndpointConfigSummary {
  return { EndpointConfigName: record.name, EndpointConfigArn: record.arn, CreationTime: new Date(record.createdAt) };
}
