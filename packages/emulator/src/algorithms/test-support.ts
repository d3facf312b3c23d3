import type { Algorithm, Channel, InvocationResponse, ModelFiles, Server, TrainingIO } from "../containers/contract.js";

/** Test-only helpers: run an algorithm's training in memory and read what it left behind. */

const encoder = new TextEncoder();

/** A channel of CSV files (one per string), `text/csv` unless told otherwise (null: no ContentType). */
export function csvChannel(files: string | readonly string[], contentType: string | null = "text/csv"): Channel {
  const bodies = typeof files === "string" ? [files] : files;
  return { files: bodies.map((text, i) => ({ path: `part-${i}.csv`, body: encoder.encode(text) })), contentType: contentType ?? undefined };
}

export interface TrainingRun {
  readonly model: ModelFiles;
  readonly logs: readonly string[];
  /** Every reported value, in order. */
  readonly metrics: readonly (readonly [string, number])[];
  /** The last value of each metric, as FinalMetricDataList keeps it. */
  readonly finalMetrics: ReadonlyMap<string, number>;
}

export function runTraining(
  algorithm: Algorithm,
  hyperParameters: Readonly<Record<string, string>>,
  channels: Readonly<Record<string, Channel>>,
  seed = 7,
): TrainingRun {
  const model = new Map<string, Uint8Array>();
  const logs: string[] = [];
  const metrics: [string, number][] = [];
  const io: TrainingIO = {
    log: (line) => logs.push(line),
    metric: (name, value) => metrics.push([name, value]),
    writeModel: (path, body) => model.set(path, typeof body === "string" ? encoder.encode(body) : body),
    writeOutput: () => {},
    took: () => {},
    signal: new AbortController().signal,
  };
  algorithm.train({ hyperParameters, channels, environment: {}, seed }, io);
  return { model, logs, metrics, finalMetrics: new Map(metrics) };
}

/** Sends a text body to a server. */
export function invokeText(
  server: Server,
  body: string,
  contentType: string,
  accept?: string,
): InvocationResponse & { readonly text: string } {
  const response = server.invoke({ body: encoder.encode(body), contentType, accept });
  const text = typeof response.body === "string" ? response.body : new TextDecoder().decode(response.body);
  return { ...response, text };
}

/** Rows as CSV text, one record per line. */
export const toCsv = (rows: readonly (readonly number[])[]): string => rows.map((row) => row.join(",")).join("\n");
