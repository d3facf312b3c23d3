import type {
  DataCaptureConfig,
  DeployedImage,
  DeploymentConfig,
  ProductionVariant,
  ProductionVariantServerlessConfig,
} from "@aws-sdk/client-sagemaker";
import { DEFAULT_VARIANT_WEIGHT } from "../endpoint-config/describe.js";
import type { EndpointConfigRecord } from "../endpoint-config/record.js";
import type { ModelContainer } from "../../containers/serving.js";
import { modelImages, servingContainer, type ModelRecord } from "../model/record.js";

/** One variant as deployed: its capacity and the images it runs, resolved at deployment. */
export interface VariantDeployment {
  readonly name: string;
  readonly weight: number;
  readonly instanceCount?: number | undefined;
  readonly instanceType?: string | undefined;
  readonly serverless?: ProductionVariantServerlessConfig | undefined;
  readonly images: readonly DeployedImage[];
  /** The model's serving container, as it was when deployed (what InvokeEndpoint runs). */
  readonly model?: ModelContainer | undefined;
}

/**
 * What an endpoint serves from one endpoint config, snapshotted when it is deployed: deleting
 * the config or the model afterwards changes nothing for the endpoint ([DOC] DeleteEndpointConfig
 * "does not delete endpoints created using the configuration").
 */
export interface Deployment {
  readonly configName: string;
  readonly variants: readonly VariantDeployment[];
  readonly shadowVariants: readonly VariantDeployment[];
  readonly dataCapture?: DataCaptureConfig | undefined;
  readonly deploymentConfig?: DeploymentConfig | undefined;
}

/** What deploying a config needs: the config, a model lookup that may throw, an image resolver. */
export interface DeploymentInputs {
  readonly config: EndpointConfigRecord;
  readonly model: (name: string) => ModelRecord;
  readonly resolve: (image: string) => DeployedImage;
  readonly deploymentConfig?: DeploymentConfig | undefined;
}

/** Snapshots `config` as deployed now: each variant with its capacity and resolved images. */
export function deploymentOf({ config, model, resolve, deploymentConfig }: DeploymentInputs): Deployment {
  const variant = (v: ProductionVariant): VariantDeployment => ({
    name: v.VariantName!,
    weight: v.InitialVariantWeight ?? DEFAULT_VARIANT_WEIGHT,
    instanceCount: v.InitialInstanceCount,
    instanceType: v.InstanceType,
    serverless: v.ServerlessConfig,
    images: v.ModelName === undefined ? [] : modelImages(model(v.ModelName)).map(resolve),
    model: v.ModelName === undefined ? undefined : servingContainer(model(v.ModelName)),
  });
  return {
    configName: config.name,
    variants: (config.request.ProductionVariants ?? []).map(variant),
    shadowVariants: (config.request.ShadowProductionVariants ?? []).map(variant),
    dataCapture: config.request.DataCaptureConfig,
    deploymentConfig,
  };
}

/** The images a deployment runs, for matching emulator rules on `image`. */
export function deploymentImages(deployment: Deployment): string[] {
  return [...deployment.variants, ...deployment.shadowVariants].flatMap((v) => v.images.map((i) => i.SpecifiedImage!));
}

/**
 * UpdateEndpoint with RetainAllVariantProperties keeps each same-named variant's instance count
 * and weight, except those listed in ExcludeRetainedVariantProperties ([DOC] UpdateEndpoint).
 */
export function retainVariantProperties(next: Deployment, current: Deployment, exclude: readonly string[]): Deployment {
  const old = new Map(current.variants.map((v) => [v.name.toLowerCase(), v]));
  const variants = next.variants.map((v) => {
    const previous = old.get(v.name.toLowerCase());
    if (!previous) return v;
    return {
      ...v,
      weight: exclude.includes("DesiredWeight") ? v.weight : previous.weight,
      instanceCount: exclude.includes("DesiredInstanceCount") ? v.instanceCount : previous.instanceCount,
    };
  });
  const dataCapture = exclude.includes("DataCaptureConfig") ? next.dataCapture : current.dataCapture;
  return { ...next, variants, dataCapture };
}
