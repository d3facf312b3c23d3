import { type Channel, ContainerError } from "../containers/contract.js";
import { parseMediaType } from "./media-type.js";

/**
 * Numeric CSV as the built-in algorithms read it (SageMaker developer guide, cdf-training.md):
 * no header row, one record per line, and for training the label in the first column.
 */

// A decimal number as Python's float() takes it, minus `nan` and `inf`, which no algorithm can use.
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Decodes UTF-8 (a leading BOM dropped); bytes that are not UTF-8 are a client error. */
export function decodeUtf8(body: Uint8Array, source: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ContainerError("ClientError", `Unable to read ${source}: it is not UTF-8 text`);
  }
}

/**
 * Parses numeric CSV into rows of numbers. Blank lines are skipped and CRLF line ends are fine;
 * every row must have as many columns as the first, and every cell must be a number, or, with
 * `emptyIsMissing` (XGBoost's reading), empty for a missing value (NaN).
 */
export function parseNumericCsv(text: string, source: string, options: { readonly emptyIsMissing?: boolean } = {}): number[][] {
  const rows: number[][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const cells = line.split(",");
    const row = cells.map((cell, c) => {
      if (options.emptyIsMissing && cell.trim() === "") return Number.NaN;
      if (!NUMBER.test(cell)) {
        throw new ContainerError(
          "ClientError",
          `Unable to parse CSV: line ${i + 1}, column ${c + 1} of ${source} is ${JSON.stringify(cell)}, not a number`,
        );
      }
      return Number(cell);
    });
    const width = rows[0]?.length;
    if (width !== undefined && row.length !== width) {
      throw new ContainerError(
        "ClientError",
        `Unable to parse CSV: line ${i + 1} of ${source} has ${row.length} columns; the lines before it have ${width}`,
      );
    }
    rows.push(row);
  }
  return rows;
}

/** A training channel's records: the first column split off as the label. */
export interface LabelledData {
  readonly labels: readonly number[];
  readonly features: readonly (readonly number[])[];
}

/**
 * Reads every file of a training channel, in order, as `text/csv` with the label first. The
 * built-ins also read RecordIO-protobuf (their default when a channel names no ContentType), which
 * the emulator does not, so a channel must say `text/csv`.
 */
export function readLabelledChannel(channel: Channel, channelName: string): LabelledData {
  checkTrainingContentType(channel.contentType, channelName);
  const labels: number[] = [];
  const features: number[][] = [];
  let width: number | undefined;
  for (const file of channel.files) {
    const source = `${channelName}/${file.path}`;
    const rows = parseNumericCsv(decodeUtf8(file.body, source), source);
    const fileWidth = rows[0]?.length;
    if (fileWidth === undefined) continue;
    if (fileWidth < 2) {
      throw new ContainerError(
        "ClientError",
        `Unable to read ${source}: a record needs a label and at least one feature, but its lines have ${fileWidth} column`,
      );
    }
    if (width !== undefined && fileWidth !== width) {
      throw new ContainerError(
        "ClientError",
        `Unable to read ${source}: its lines have ${fileWidth} columns; the files before it in channel ${channelName} have ${width}`,
      );
    }
    width = fileWidth;
    for (const row of rows) {
      labels.push(row[0]!);
      features.push(row.slice(1));
    }
  }
  return { labels, features };
}

function checkTrainingContentType(contentType: string | undefined, channelName: string): void {
  if (contentType === undefined) {
    throw new ContainerError(
      "ClientError",
      `Channel ${channelName} names no ContentType, so the algorithm reads it as application/x-recordio-protobuf, which this emulator does not read. Please set the channel's ContentType to text/csv`,
    );
  }
  const media = parseMediaType(contentType);
  if (media.type !== "text/csv") {
    throw new ContainerError(
      "ClientError",
      `Content type ${contentType} of channel ${channelName} is not supported: please use text/csv (label in the first column)`,
    );
  }
  const labelSize = media.params.get("label_size");
  if (labelSize !== undefined && labelSize !== "1") {
    throw new ContainerError("ClientError", `Content type ${contentType} of channel ${channelName} is not supported: label_size must be 1`);
  }
}
