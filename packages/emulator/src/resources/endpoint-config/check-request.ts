import type { CreateEndpointConfigInput, ProductionVariant } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import { nullMemberMessage } from "../operation.js";

/**
 * Rules on production variants that the model's shapes cannot express (docs/fidelity.md §5.6,
 * all [INF]): variant names are unique within a config (production and shadow variants
 * together; compared case-insensitively, like every other SageMaker name); an instance-based
 * variant needs InstanceType and InitialInstanceCount; a serverless one has ServerlessConfig
 * and no instances.
 */
export function checkVariants(input: CreateEndpointConfigInput): void {
  const lists: Array<[string, ProductionVariant[]]> = [
    ["productionVariants", input.ProductionVariants ?? []],
    ["shadowProductionVariants", input.ShadowProductionVariants ?? []],
  ];
  const seen = new Set<string>();
  for (const [path, variants] of lists) {
    variants.forEach((variant, index) => {
      const name = variant.VariantName!;
      // [INF] the same text moto gives for a repeated variant in UpdateEndpointWeightsAndCapacities.
      if (seen.has(name.toLowerCase())) throw validationError(`The variant name "${name}" was non-unique within the request.`);
      seen.add(name.toLowerCase());
      checkCapacity(variant, `${path}.${index + 1}.member`);
    });
  }
}

function checkCapacity(variant: ProductionVariant, path: string): void {
  if (variant.ServerlessConfig !== undefined) {
    if (variant.InstanceType !== undefined || variant.InitialInstanceCount !== undefined) {
      throw validationError(
        `Production variant ${variant.VariantName} specifies both ServerlessConfig and InstanceType/InitialInstanceCount; specify one or the other.`,
      );
    }
    return;
  }
  // Coral's null-member form (docs/fidelity.md §2.3), as if the member were required for instance-based variants.
  if (variant.InstanceType === undefined) throw validationError(nullMemberMessage(`${path}.instanceType`));
  if (variant.InitialInstanceCount === undefined) throw validationError(nullMemberMessage(`${path}.initialInstanceCount`));
}
