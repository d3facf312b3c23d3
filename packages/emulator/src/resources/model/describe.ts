import type { DescribeModelOutput, ModelSummary } from "@aws-sdk/client-sagemaker";
import type { ModelRecord } from "./record.js";

/** The model as DescribeModel shows it: its request echoed back, with its ARN and CreationTime. */
export function describeModel(record: ModelRecord): DescribeModelOutput {
  const { request } = record;
  return {
    ModelName: record.name,
    ModelArn: record.arn,
    CreationTime: new Date(record.createdAt),
    PrimaryContainer: request.PrimaryContainer,
    Containers: request.Containers,
    InferenceExecutionConfig: request.InferenceExecutionConfig,
    ExecutionRoleArn: request.ExecutionRoleArn,
    VpcConfig: request.VpcConfig,
    // [INF] the real service echoes the default false rather than leaving it out.
    EnableNetworkIsolation: request.EnableNetworkIsolation ?? false,
  };
}

/** The model as ListModels shows it ([MODEL] ModelSummary: all three members required). */
export function summarizeModel(record: ModelRecord): ModelSummary {
  return { ModelName: record.name, ModelArn: record.arn, CreationTime: new Date(record.createdAt) };
}
