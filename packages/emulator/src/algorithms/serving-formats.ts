import { ContainerError, type InvocationRequest, type InvocationResponse } from "../containers/contract.js";
import { decodeUtf8, parseNumericCsv } from "./csv.js";
import { parseMediaType } from "./media-type.js";
import { type PyJson, pyJson } from "./python-format.js";

/**
 * The request and response formats every built-in algorithm shares (SageMaker developer guide,
 * cdf-inference.md, and each algorithm's "Request and Response Formats" page: kNN-inference-formats.md,
 * LL-in-formats.md). RecordIO-protobuf is the one documented format the emulator does not speak.
 */

const REQUEST_TYPES = "text/csv, application/json or application/jsonlines";

/** The feature vectors of an inference request, one per record, in order. */
export function parseInferenceRequest(request: InvocationRequest): number[][] {
  const media = parseMediaType(request.contentType);
  const text = decodeUtf8(request.body, "the request body");
  switch (media.type) {
    case "text/csv": {
      // Requests carry no label (label_size 0) unless the content type says otherwise.
      const labelSize = Number(media.params.get("label_size") ?? "0");
      if (!Number.isInteger(labelSize) || labelSize < 0) {
        throw new ContainerError(
          "ClientError",
          `Content type ${request.contentType} is not supported: label_size must be a non-negative integer`,
          415,
        );
      }
      return parseNumericCsv(text, "the request body").map((row) => row.slice(labelSize));
    }
    case "application/json":
      return jsonInstances(parseJson(text, "the request body"));
    case "application/jsonlines":
      return text
        .split(/\r?\n/)
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => line.trim() !== "")
        .map(({ line, i }) => featuresOf(parseJson(line, `line ${i + 1} of the request body`), `line ${i + 1}`));
    default:
      throw new ContainerError("ClientError", `Content type ${request.contentType} is not supported: please send ${REQUEST_TYPES}`, 415);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ContainerError("ClientError", `Unable to parse ${source} as JSON`);
  }
}

/** `{"instances": [...]}`, or one bare instance (`{"features": [...]}`). */
function jsonInstances(body: unknown): number[][] {
  if (isObject(body) && Object.hasOwn(body, "instances")) {
    const instances = body.instances;
    if (!Array.isArray(instances)) throw new ContainerError("ClientError", `Unable to read the request: "instances" must be an array`);
    return instances.map((instance, i) => featuresOf(instance, `instance ${i + 1}`));
  }
  return [featuresOf(body, "the request")];
}

/** An instance is `{"features": vector}` or `{"data": {"features": vector}}`. */
function featuresOf(instance: unknown, where: string): number[] {
  if (isObject(instance)) {
    if (Object.hasOwn(instance, "features")) return vectorOf(instance.features, where);
    const data = instance.data;
    if (Object.hasOwn(instance, "data") && isObject(data) && Object.hasOwn(data, "features")) return vectorOf(data.features, where);
  }
  throw new ContainerError("ClientError", `Unable to read the request: ${where} has no "features"`);
}

/**
 * A vector is an array of numbers, or the protobuf-like `{"values": [...]}`, sparse when it has
 * `"keys"` (the indices of the values) and `"shape"` (`[length]`).
 */
function vectorOf(vector: unknown, where: string): number[] {
  if (Array.isArray(vector)) return numbers(vector, where);
  if (isObject(vector) && Array.isArray(vector.values)) {
    const values = numbers(vector.values, where);
    if (!Object.hasOwn(vector, "keys")) return values;
    const keys = Array.isArray(vector.keys) ? numbers(vector.keys, where) : [];
    const length = Array.isArray(vector.shape) ? vector.shape[0] : undefined;
    if (
      !Number.isInteger(length) ||
      keys.length !== values.length ||
      keys.some((k) => !Number.isInteger(k) || k < 0 || k >= (length as number))
    ) {
      throw new ContainerError(
        "ClientError",
        `Unable to read the request: the sparse features of ${where} need integer "keys" within "shape", one per value`,
      );
    }
    const dense = new Array<number>(length as number).fill(0);
    keys.forEach((k, i) => {
      dense[k] = values[i]!;
    });
    return dense;
  }
  throw new ContainerError("ClientError", `Unable to read the request: the features of ${where} are not an array of numbers`);
}

function numbers(items: readonly unknown[], where: string): number[] {
  return items.map((item) => {
    if (typeof item !== "number")
      throw new ContainerError(
        "ClientError",
        `Unable to read the request: the features of ${where} hold ${JSON.stringify(item)}, not a number`,
      );
    return item;
  });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** What the caller's Accept asks for. */
export interface ResponseFormat {
  readonly mediaType: "application/json" | "application/jsonlines";
  /** `verbose=true` (k-NN: distances and labels of the neighbours). */
  readonly verbose: boolean;
}

/**
 * Picks the response format from Accept: the first entry the algorithm can write. No Accept (or a
 * wildcard) means JSON, the format the algorithms document first.
 */
export function negotiateResponseFormat(accept: string | undefined): ResponseFormat {
  if (accept === undefined || accept.trim() === "") return { mediaType: "application/json", verbose: false };
  for (const entry of accept.split(",")) {
    const media = parseMediaType(entry);
    const verbose = media.params.get("verbose")?.toLowerCase() === "true";
    if (media.type === "application/json" || media.type === "application/*" || media.type === "*/*")
      return { mediaType: "application/json", verbose };
    if (media.type === "application/jsonlines") return { mediaType: "application/jsonlines", verbose };
  }
  throw new ContainerError(
    "ClientError",
    `Accept ${accept} is not supported: please accept application/json or application/jsonlines`,
    406,
  );
}

/** A record's prediction: its fields in the order they are printed. */
export type Prediction = { readonly [field: string]: PyJson };

/** `{"predictions": [...]}` for JSON; one object per line for JSON Lines. */
export function formatPredictions(predictions: readonly Prediction[], format: ResponseFormat): InvocationResponse {
  const body = format.mediaType === "application/json" ? pyJson({ predictions }) : predictions.map((p) => pyJson(p)).join("\n");
  return { body, contentType: format.mediaType };
}
