import { ContainerError, type InvocationRequest, type InvocationResponse } from "../../containers/contract.js";
import { decodeUtf8, parseNumericCsv } from "../csv.js";
import { parseMediaType } from "../media-type.js";
import { pyFloat, pyJson } from "../python-format.js";
import { padded, parseLibsvm } from "./data.js";

/**
 * XGBoost's own serving formats and messages (aws/sagemaker-xgboost-container,
 * algorithm_mode/serve.py and serve_utils.py): requests in CSV (the default) or LIBSVM, answers
 * in CSV (the default: one prediction per line), JSON (`{"predictions": [{"score": …}]}`) or
 * JSON Lines. Malformed bodies are 415s there, not 400s.
 */

const SUPPORTED_ACCEPTS = ["application/json", "application/jsonlines", "application/x-recordio-protobuf", "text/csv"];

/** The request's rows (NaN for missing values), each exactly `featureCount` wide. */
export function parseXgbRequest(request: InvocationRequest, featureCount: number): Float64Array[] {
  const contentType = parseMediaType(request.contentType === "" ? "text/csv" : request.contentType).type;
  const text = decodeUtf8(request.body, "the request body").trim();
  let rows: Float64Array[];
  if (contentType === "text/csv") {
    try {
      rows = parseNumericCsv(text, "the request body", { emptyIsMissing: true }).map((row) => Float64Array.from(row));
    } catch (error) {
      throw new ContainerError(
        "ClientError",
        `Loading csv data failed with Exception, please ensure data is in csv format:\n ${(error as Error).message}`,
        415,
      );
    }
  } else if (contentType === "text/libsvm" || contentType === "text/x-libsvm") {
    try {
      rows = padded(parseLibsvm(text, "the request body").map((record) => record.features));
    } catch (error) {
      throw new ContainerError(
        "ClientError",
        `Loading libsvm data failed with Exception, please ensure data is in libsvm format:\n ${(error as Error).message}`,
        415,
      );
    }
  } else {
    throw new ContainerError(
      "ClientError",
      `Content-type ${contentType} not supported. Supported content-type is text/csv, text/libsvm, application/x-recordio-protobuf`,
      415,
    );
  }
  // A CSV row must be as wide as the training data; LIBSVM may leave trailing features out.
  const bad = rows.find((row) => row.length > featureCount || (contentType === "text/csv" && row.length !== featureCount));
  if (bad !== undefined) {
    // Inferred wording: XGBoost's own check for a request of the wrong width.
    throw new ContainerError(
      "ClientError",
      `Unable to evaluate payload provided: Feature shape mismatch, expected: ${featureCount}, got ${bad.length}`,
    );
  }
  return padded(rows, featureCount);
}

/** The response type: Accept's media type, CSV without one. */
export function xgbAccept(accept: string | undefined): "text/csv" | "application/json" | "application/jsonlines" {
  const type = parseMediaType(accept ?? "").type;
  if (type === "" || type === "*/*" || type === "text/csv") return "text/csv";
  if (type === "application/json" || type === "application/jsonlines") return type;
  const note = type === "application/x-recordio-protobuf" ? " (the emulator does not write RecordIO-protobuf)" : "";
  throw new ContainerError(
    "ClientError",
    `Accept type ${accept} is not supported. Please use supported accept types: [${SUPPORTED_ACCEPTS.map((a) => `'${a}'`).join(", ")}].${note}`,
    406,
  );
}

/**
 * XGBoost predicts in 32-bit floats and the container prints them as Python floats
 * (`0.43861907720565796`), so each value is rounded to float32 before printing.
 */
export function formatXgbPredictions(
  predictions: readonly (number | readonly number[])[],
  accept: ReturnType<typeof xgbAccept>,
): InvocationResponse {
  const f32 = (p: number | readonly number[]): number | number[] => (typeof p === "number" ? Math.fround(p) : p.map((v) => Math.fround(v)));
  switch (accept) {
    case "text/csv":
      return {
        body:
          predictions.map((p) => (typeof p === "number" ? [p] : p).map((v) => pyFloat(Math.fround(v))).join(",")).join("\n") +
          (predictions.length > 0 ? "\n" : ""),
        contentType: accept,
      };
    case "application/json":
      return { body: pyJson({ predictions: predictions.map((p) => ({ score: f32(p) })) }), contentType: accept };
    case "application/jsonlines":
      // Inferred: the JSON predictions, one per line.
      return { body: predictions.map((p) => pyJson({ score: f32(p) })).join("\n"), contentType: accept };
  }
}
