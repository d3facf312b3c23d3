import type { CreateModelInput } from "@aws-sdk/client-sagemaker";
import type { ModelContainer } from "../../containers/serving.js";
import type { StoredRecord } from "../../store/kind-table.js";

/** What the emulator stores for a model: its request and when it was made. Models have no status (docs/fidelity.md §5.5). */
export interface ModelRecord extends StoredRecord {
  readonly request: CreateModelInput;
  readonly createdAt: number;
}

/** The container images a model runs: its PrimaryContainer's, or each of its Containers'. */
export function modelImages(record: ModelRecord): string[] {
  const containers = record.request.PrimaryContainer ? [record.request.PrimaryContainer] : (record.request.Containers ?? []);
  return containers.map((c) => c.Image).filter((image): image is string => image !== undefined);
}

/** The container a model serves with (its PrimaryContainer, else its first container), if it names an image. */
export function servingContainer(record: ModelRecord): ModelContainer | undefined {
  const container = record.request.PrimaryContainer ?? record.request.Containers?.[0];
  if (!container?.Image) return undefined;
  return { image: container.Image, modelDataUrl: container.ModelDataUrl, environment: container.Environment };
}
