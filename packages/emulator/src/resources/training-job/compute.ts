import type { CreateTrainingJobRequest, MetricDefinition } from "@aws-sdk/client-sagemaker";
import { ContainerError, type Channel, type TrainingIO } from "../../containers/contract.js";
import { failureReasonOf } from "../../containers/failure-reason.js";
import { durationMs } from "../../containers/took.js";
import type { ContainerCode } from "../../containers/registry.js";
import { objectsOf } from "../../data/job-data.js";
import type { DataPlane } from "../../emulator-context.js";

/** What one run of a training container left: how it ended, its metrics, its lines and its files. */
export interface TrainingRun {
  /** Set when the code failed: `ClientError: …` or `AlgorithmError: …`. */
  readonly failureReason?: string | undefined;
  /** Reported metrics and those the job's MetricDefinitions found in its lines; the last value of each name. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly lines: readonly string[];
  /** `/opt/ml/model`: becomes model.tar.gz. */
  readonly model: ReadonlyMap<string, Uint8Array>;
  /** `/opt/ml/output/data`: becomes output.tar.gz when it holds anything. */
  readonly output: ReadonlyMap<string, Uint8Array>;
  /** How long the code said the run took (TrainingIO.took), in ms: the Training phase's length. */
  readonly tookMs?: number | undefined;
}

/**
 * Runs `code` on what the job's channels name in S3 now, at one virtual instant: the job's
 * Training phase begins. Nothing the code does escapes as an exception: a failure is part of the run.
 */
export function runTrainingCode(code: ContainerCode, request: CreateTrainingJobRequest, data: DataPlane, seed: number): TrainingRun {
  const lines: string[] = [];
  const metrics = Object.create(null) as Record<string, number>;
  const model = new Map<string, Uint8Array>();
  const output = new Map<string, Uint8Array>();
  let tookMs: number | undefined;
  const io: TrainingIO = {
    log: (line) => {
      for (const part of String(line).split(/\r?\n/)) lines.push(part);
    },
    metric: (name, value) => {
      if (typeof value === "number" && Number.isFinite(value)) metrics[name] = value;
    },
    writeModel: (path, body) => model.set(cleanPath(path), bytes(body)),
    writeOutput: (path, body) => output.set(cleanPath(path), bytes(body)),
    took: (seconds) => {
      tookMs = durationMs(seconds);
    },
    // The code runs at one instant: nothing can stop it half-way, so the signal never fires.
    signal: new AbortController().signal,
  };
  let failureReason: string | undefined;
  try {
    code.train!(
      { hyperParameters: request.HyperParameters ?? {}, channels: channelsOf(request, data), environment: request.Environment ?? {}, seed },
      io,
    );
  } catch (error) {
    failureReason = failureReasonOf(error);
    lines.push(failureReason);
  }
  const found = metricsInLines(lines, request.AlgorithmSpecification?.MetricDefinitions ?? []);
  return { failureReason, metrics: { ...found, ...metrics }, lines, model, output, tookMs };
}

/** Each channel's objects, read from the emulated S3 as they are now. */
function channelsOf(request: CreateTrainingJobRequest, data: DataPlane): Record<string, Channel> {
  const channels = Object.create(null) as Record<string, Channel>;
  for (const channel of request.InputDataConfig ?? []) {
    const source = channel.DataSource?.S3DataSource;
    if (!channel.ChannelName || !source) continue;
    channels[channel.ChannelName] = { files: objectsOf(data.s3, source).map((o) => o.file), contentType: channel.ContentType };
  }
  return channels;
}

/**
 * [DOC] "Define metrics and environment variables": SageMaker reads a metric from the first
 * capture group of each MetricDefinition's Regex where it matches a line the algorithm prints.
 */
function metricsInLines(lines: readonly string[], definitions: readonly MetricDefinition[]): Record<string, number> {
  const found = Object.create(null) as Record<string, number>;
  for (const { Name, Regex } of definitions) {
    if (!Name || !Regex) continue;
    let pattern: RegExp;
    try {
      pattern = new RegExp(Regex);
    } catch {
      continue; // a Python-only construct: the emulator cannot read it, so the metric is not reported.
    }
    for (const line of lines) {
      const captured = pattern.exec(line)?.[1];
      if (captured !== undefined && Number.isFinite(Number(captured))) found[Name] = Number(captured);
    }
  }
  return found;
}

function bytes(body: Uint8Array | string): Uint8Array {
  return typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
}

/** A path inside a container directory: no leading slash, no `..` escaping it. */
function cleanPath(path: string): string {
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) throw new ContainerError("AlgorithmError", `cannot write outside the directory: ${path}`);
  return parts.join("/");
}
