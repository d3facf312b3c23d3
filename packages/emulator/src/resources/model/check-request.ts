import type { CreateModelInput } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import type { Validated } from "../operation.js";

/**
 * The model makes both PrimaryContainer and Containers optional; a model needs exactly one of
 * them ([DOC] CreateModel: "PrimaryContainer … Containers: Specifies the containers in the
 * inference pipeline"). The texts are [INF].
 */
export function checkContainers(input: Validated<CreateModelInput>): void {
  const primary = input.PrimaryContainer !== undefined;
  const pipeline = input.Containers !== undefined && input.Containers.length > 0;
  if (primary && pipeline) {
    throw validationError("Only one of PrimaryContainer and Containers may be specified, not both.");
  }
  if (!primary && !pipeline) {
    throw validationError("Either PrimaryContainer or Containers must be specified.");
  }
}
