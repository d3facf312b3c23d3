import { parseArgs } from "node:util";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { renderProgress, runPipeline, stopJobsOnSignal } from "@sagerun/operators";
import { parseIrisCsv, readIrisCsv, toCsv } from "../iris/iris-data.js";
import { createExampleBackend, describeBackend } from "../shared/example-backend.js";
import { type ExampleIo, processIo } from "../shared/example-io.js";
import { COMMON_OPTIONS, COMMON_USAGE, commonSettings, asUsageErrors, roleArnFor, UsageError } from "../shared/example-options.js";
import { runExample } from "../shared/run-example.js";
import { batchInferencePipeline, type ScoredRecord } from "./batch-pipeline.js";
import { seedModel } from "./seed-model.js";

const COMMAND = "pnpm example batch-inference";
/** The model the emulator run seeds when no --model names one. */
const SEEDED_MODEL = "iris-knn";

const USAGE = `Usage: ${COMMAND} [options]

Batch inference with a model that already exists: upload the records to S3 → batch transform
them with the model → collect the predictions. The embedded emulator starts with no model, so
there the run first trains one (k-NN on iris.csv) to stand in for yours, and says so.

Options:
  --model NAME              the existing SageMaker model; needed on AWS
                            (default on the emulator: ${SEEDED_MODEL}, seeded by the run)
  --input FILE              the records to score: CSV, one a line, no header
                            (default: the Iris measurements, iris/iris.csv without its header
                            and species)
${COMMON_USAGE}`;

/**
 * `pnpm example batch-inference [options]`: scores the records with an existing model in a batch
 * transform job and prints what came back. Resolves with the exit code.
 */
export function main(args: readonly string[], io: ExampleIo = processIo()): Promise<number> {
  return runExample(io, COMMAND, USAGE, async () => {
    const { values } = asUsageErrors(() =>
      parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, model: { type: "string" }, input: { type: "string" } } }),
    );
    if (values.help) {
      io.out(USAGE);
      return;
    }
    const settings = commonSettings(values, io.env);
    const input = values.input === undefined ? undefined : resolve(io.cwd, values.input);
    const records = input === undefined ? toCsv(parseIrisCsv(await readIrisCsv()), { label: false }) : await readRecords(input);

    stopJobsOnSignal();
    const backend = await createExampleBackend(io.env);
    const onEmulator = backend.backend === "emulator";
    const roleArn = roleArnFor(settings, backend.backend);
    if (!onEmulator && values.model === undefined) {
      throw new UsageError("On AWS, pass --model NAME: the existing model that scores the records.");
    }
    const s3 = (await backend.s3()) as S3Client;
    const { runId, bucket } = settings;
    io.out(`batch-inference: run ${runId} on ${await describeBackend(backend, io.env)}, data in s3://${bucket}/batch-inference/${runId}/`);
    // The embedded emulator lives as long as the process; AWS (or `sagerun-emulator serve`) outlives it.
    if (!onEmulator) io.out(`(killed, the same command with --run-id ${runId} resumes the run)`);

    const modelName = values.model ?? SEEDED_MODEL;
    if (onEmulator) {
      io.out(`The emulator starts with no model, so this run first trains k-NN on iris.csv and registers it as model '${modelName}'`);
      io.out("to stand in for an existing one: on AWS, --model names yours.");
      const seeded = await seedModel(backend, s3, { bucket, modelName, roleArn });
      io.out(`seeded model ${seeded.modelName} from training job ${seeded.trainingJobName}`);
    }

    const pipeline = batchInferencePipeline({
      s3,
      bucket,
      createBucket: settings.createBucket || onEmulator,
      modelName,
      records,
      fileName: input === undefined ? "iris.csv" : basename(input),
      checkIntervalSeconds: settings.checkIntervalSeconds,
    });
    const run = await runPipeline(pipeline, { client: backend.client, clock: backend.clock, runId, onEvent: renderProgress(io.progress) });

    const { output, scored } = run.steps.collect.result;
    io.out(`${scored.length} predictions in ${output}`);
    for (const { record, prediction } of scored.slice(0, 3)) io.out(`  ${record}  →  ${prediction}`);
    if (scored.length > 3) io.out(`  … and ${scored.length - 3} more`);
    const tally = tallyLabels(scored);
    if (tally !== undefined) io.out(`predicted_label counts: ${tally}`);
  });
}

async function readRecords(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`--input ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

/** "0: 50, 1: 50, 2: 50" when every answer is JSON with a `predicted_label` (as SageMaker's built-ins answer), else undefined. */
function tallyLabels(scored: readonly ScoredRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { prediction } of scored) {
    let label: unknown;
    try {
      label = (JSON.parse(prediction) as { predicted_label?: unknown }).predicted_label;
    } catch {
      return undefined;
    }
    if (label === undefined) return undefined;
    counts.set(String(label), (counts.get(String(label)) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([label, n]) => `${label}: ${n}`)
    .join(", ");
}
