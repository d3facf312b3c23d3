import { type Channel, ContainerError } from "../../containers/contract.js";
import { decodeUtf8, parseNumericCsv } from "../csv.js";
import { parseMediaType } from "../media-type.js";

/**
 * XGBoost's training data (SageMaker developer guide, xgboost.md, "Input/Output Interface"):
 * `text/libsvm`, XGBoost's default when a channel names no ContentType, or `text/csv` with the
 * label first and, with `csv_weights=1`, the instance weight second. A missing value (an empty
 * CSV cell, a feature a LIBSVM line leaves out) is NaN; the trees learn where to send it.
 */
export interface XgbData {
  readonly rows: readonly Float64Array[];
  readonly labels: readonly number[];
  readonly weights: readonly number[];
}

export type DataFormat = "csv" | "libsvm";

/** The container's content-type reading (data_utils.get_content_type in aws/sagemaker-xgboost-container). */
function dataFormat(contentType: string | undefined): DataFormat {
  if (contentType === undefined) return "libsvm";
  const media = parseMediaType(contentType);
  if (media.type === "csv" || media.type === "text/csv") {
    const labelSize = media.params.get("label_size");
    if (labelSize !== undefined && labelSize !== "1") {
      throw new ContainerError(
        "ClientError",
        `${contentType} is not an accepted csv ContentType. Optional parameter label_size must be equal to 1`,
      );
    }
    return "csv";
  }
  if (media.type === "libsvm" || media.type === "text/libsvm" || media.type === "text/x-libsvm") return "libsvm";
  throw new ContainerError(
    "ClientError",
    `Content type ${contentType} is not supported by the emulator's XGBoost: please use text/csv or text/libsvm (the real container also reads parquet and recordio-protobuf)`,
  );
}

/** Every file of a channel, in order. */
export function readXgbChannel(channel: Channel, channelName: string, csvWeights: boolean): XgbData {
  const format = dataFormat(channel.contentType);
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const file of channel.files) {
    const source = `${channelName}/${file.path}`;
    const text = decodeUtf8(file.body, source);
    if (format === "libsvm") {
      for (const record of parseLibsvm(text, source)) {
        rows.push(record.features);
        labels.push(record.label);
        weights.push(1);
      }
      continue;
    }
    const skip = csvWeights ? 2 : 1;
    for (const row of parseNumericCsv(text, source, { emptyIsMissing: true })) {
      if (row.length <= skip) {
        throw new ContainerError(
          "ClientError",
          `Unable to read ${source}: a record needs the label${csvWeights ? ", the weight" : ""} and at least one feature`,
        );
      }
      labels.push(row[0]!);
      weights.push(csvWeights ? row[1]! : 1);
      rows.push(Float64Array.from(row.slice(skip)));
    }
  }
  checkLabelsPresent(labels, channelName);
  return { rows: padded(rows), labels, weights };
}

function checkLabelsPresent(labels: readonly number[], channelName: string): void {
  const bad = labels.findIndex((y) => Number.isNaN(y));
  if (bad >= 0) throw new ContainerError("ClientError", `Record ${bad + 1} of channel ${channelName} has no label`);
}

/** LIBSVM: `label index:value …`, indices as the columns they name (0-based, as XGBoost reads them). */
export function parseLibsvm(text: string, source: string): { label: number; features: Float64Array }[] {
  const records: { label: number; features: Float64Array }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const tokens = lines[i]!.replace(/#.*/, "").trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const [labelToken, ...pairs] = tokens;
    const label = Number(labelToken!.split(":")[0]);
    const fail = (what: string): ContainerError =>
      new ContainerError("ClientError", `Failed to load libsvm data: line ${i + 1} of ${source}: ${what}`);
    if (!Number.isFinite(label)) throw fail(`the label ${JSON.stringify(labelToken)} is not a number`);
    const entries = pairs.map((pair) => {
      const [index = "", value = ""] = pair.split(":");
      if (!/^\d+$/.test(index) || !Number.isFinite(Number(value)) || value.trim() === "")
        throw fail(`${JSON.stringify(pair)} is not index:value`);
      return [Number(index), Number(value)] as const;
    });
    const width = entries.reduce((max, [index]) => Math.max(max, index + 1), 0);
    const features = new Float64Array(width).fill(Number.NaN);
    for (const [index, value] of entries) features[index] = value;
    records.push({ label, features });
  }
  return records;
}

/** Rows widened to the widest with missing values, as a sparse matrix reads. */
export function padded(rows: readonly Float64Array[], width = rows.reduce((max, r) => Math.max(max, r.length), 0)): Float64Array[] {
  return rows.map((row) => {
    if (row.length === width) return row;
    const wide = new Float64Array(width).fill(Number.NaN);
    wide.set(row.subarray(0, width));
    return wide;
  });
}
