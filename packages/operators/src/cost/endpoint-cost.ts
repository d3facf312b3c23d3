import type { CreateEndpointConfigCommandInput } from "@aws-sdk/client-sagemaker";
import { hourly, type InstanceLine, source } from "./estimate.js";
import { type PriceOptions, type PriceTable, priceOf, resolvePrices } from "./prices.js";

/** What an endpoint config costs per hour while deployed. */
export interface EndpointHourlyCost {
  readonly instances: readonly InstanceLine[];
  readonly hourlyUsd: number;
  /** Serverless variants, billed per request and duration rather than per hour: not priced. */
  readonly serverlessVariants: readonly string[];
  readonly priceSource: Pick<PriceTable, "region" | "source" | "asOf">;
}

/**
 * The hourly cost of hosting an endpoint config (the CreateEndpointConfig request that
 * `deployEndpoint` deploys): Σ InitialInstanceCount × price over its instance-backed variants.
 *
 * @example
 * ```ts
 * endpointHourlyCost({ EndpointConfigName: "c", ProductionVariants: [{ VariantName: "a", InstanceType: "ml.m5.large", InitialInstanceCount: 2 }] }).hourlyUsd; // 0.23
 * ```
 */
export function endpointHourlyCost(
  config: Pick<CreateEndpointConfigCommandInput, "ProductionVariants">,
  options: PriceOptions = {},
): EndpointHourlyCost {
  const table = resolvePrices(options);
  const variants = config.ProductionVariants ?? [];
  const serverlessVariants = variants.filter((v) => v.InstanceType === undefined).map((v) => v.VariantName ?? "");
  const instances = variants
    .filter((v) => v.InstanceType !== undefined)
    .map((v) => ({
      instanceType: v.InstanceType!,
      instanceCount: v.InitialInstanceCount ?? 1,
      usdPerInstanceHour: priceOf(table, v.InstanceType!),
    }));
  return { instances, hourlyUsd: hourly(instances), serverlessVariants, priceSource: source(table) };
}
