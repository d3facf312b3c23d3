import { ContainerError, type ModelFiles, type TrainingIO } from "../containers/contract.js";

/**
 * The model directory a built-in algorithm leaves behind. The real ones write framework files
 * (`model_algo-1`); the emulator writes one JSON file, tagged with the algorithm that wrote it, so
 * a model is readable, diffable, and refused by another algorithm's server.
 */
export const MODEL_FILE = "model.json";

const FORMAT = "sagerun-built-in-model";
const VERSION = 1;

export function writeModelFile(io: TrainingIO, algorithm: string, model: object): void {
  io.writeModel(MODEL_FILE, JSON.stringify({ format: FORMAT, version: VERSION, algorithm, model }));
}

/** The `model` an algorithm wrote; a client error when the directory holds something else. */
export function readModelFile(files: ModelFiles, algorithm: string): unknown {
  const bytes = files.get(MODEL_FILE);
  if (bytes === undefined) {
    const names = [...files.keys()];
    throw new ContainerError(
      "ClientError",
      `Unable to load the ${algorithm} model: the model directory has no ${MODEL_FILE} (it holds ${names.length === 0 ? "no files" : names.join(", ")})`,
    );
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ContainerError("ClientError", `Unable to load the ${algorithm} model: ${MODEL_FILE} is not JSON`);
  }
  const {
    format,
    version,
    algorithm: writer,
    model,
  } = (typeof envelope === "object" && envelope !== null ? envelope : {}) as Record<string, unknown>;
  if (format !== FORMAT || version !== VERSION) {
    throw new ContainerError(
      "ClientError",
      `Unable to load the ${algorithm} model: ${MODEL_FILE} is not a model written by a built-in algorithm`,
    );
  }
  if (writer !== algorithm) {
    throw new ContainerError("ClientError", `Unable to load the ${algorithm} model: the model directory holds a ${String(writer)} model`);
  }
  return model;
}

/** Shape checks for a model's fields: a corrupt file is the caller's data, so a client error. */
export function corruptModel(algorithm: string, field: string): ContainerError {
  return new ContainerError("ClientError", `Unable to load the ${algorithm} model: ${MODEL_FILE} has no valid ${field}`);
}

export const isNumberArray = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => typeof n === "number");
export const isMatrix = (value: unknown): value is number[][] => Array.isArray(value) && value.every(isNumberArray);
