/**
 * Benchmark 1, pipelines: wall time against virtual time. The Iris pipeline of examples/iris
 * (operators and runPipeline, as a user writes it; its own process, as `pnpm example iris` runs it),
 * the same steps as bare SDK calls in-process, and what the built-in algorithms cost on Iris.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { performance } from "node:perf_hooks";
import { knn } from "../src/algorithms/knn/knn.js";
import { linearLearner } from "../src/algorithms/linear-learner/linear-learner.js";
import { runTraining, csvChannel } from "../src/algorithms/test-support.js";
import { xgboost } from "../src/algorithms/xgboost/xgboost.js";
import { irisCsv, irisSplit } from "../test/fixtures/iris.js";
import { deployIris, IRIS_ENDPOINT, irisEmulator, irisTrainingRequest, trainIris, transformIris } from "../test/fixtures/iris-pipeline.js";
import { median } from "./stats.js";
import { duration, ratio, type Row } from "./table.js";

const BENCH = "1. Pipeline";
const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));
const { train, test } = irisSplit();
const trainCsv = irisCsv({ label: true }, train);

async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The Iris pipeline of the tests (test/fixtures/iris-pipeline.ts) on its manual virtual clock: train, transform, deploy; wall time against virtual time. */
async function pipeline(): Promise<{ wallMs: number; virtualMs: number; invokeMs: number }> {
  const start = performance.now();
  const { clock, emulator, sagemaker } = await irisEmulator();
  const t0 = clock.now();
  await trainIris({ clock, sagemaker });
  await transformIris({ clock, sagemaker });
  await deployIris(sagemaker);
  await clock.advance(3600_000);
  const wallMs = performance.now() - start;
  const virtualMs = clock.now() - t0;
  const runtime = emulator.runtimeClient(SageMakerRuntimeClient);
  const row = irisCsv({ label: false }, test.slice(0, 1)).trim();
  const invokeMs =
    (await medianMs(5, async () => {
      for (let i = 0; i < 200; i++)
        await runtime.send(new InvokeEndpointCommand({ EndpointName: IRIS_ENDPOINT.EndpointName, ContentType: "text/csv", Body: row }));
    })) / 200;
  return { wallMs, virtualMs, invokeMs };
}

/** `pnpm example iris` in its own process: the line it ends with gives virtual and wall time. */
async function examplePipeline(): Promise<{ wallMs: number; virtualMs: number }> {
  const { NODE_OPTIONS: _, ...env } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=@sagerun/source", "--import", "tsx", "run.ts", "iris"], {
    cwd: EXAMPLES,
    env,
  });
  const match = /virtual time (\d+) h (\d+) min, wall time (\d+) ms/.exec(stdout);
  if (!match) throw new Error(`pnpm example iris printed no timing line:\n${stdout}`);
  return { virtualMs: (Number(match[1]) * 60 + Number(match[2])) * 60_000, wallMs: Number(match[3]) };
}

const ALGORITHMS = [
  ["k-NN (k=5)", () => runTraining(knn, irisTrainingRequest().HyperParameters!, { train: csvChannel(trainCsv) })],
  [
    "linear learner (multiclass, 15 epochs)",
    () =>
      runTraining(
        linearLearner,
        { feature_dim: "4", predictor_type: "multiclass_classifier", num_classes: "3" },
        { train: csvChannel(trainCsv) },
      ),
  ],
  [
    "XGBoost (multi:softprob, 50 rounds)",
    () => runTraining(xgboost, { num_round: "50", objective: "multi:softprob", num_class: "3" }, { train: csvChannel(trainCsv) }),
  ],
] as const;

const speedUp = (virtualMs: number, wallMs: number) => `${ratio(virtualMs, wallMs)} faster than real time`;

/** Wall and virtual time of `runs` runs of `pipeline`, or why it failed (the example is another package's, changed by others). */
async function timings(runs: number, pipeline: () => Promise<{ wallMs: number; virtualMs: number }>) {
  const all = [];
  try {
    for (let i = 0; i < runs; i++) all.push(await pipeline());
  } catch (error) {
    return `failed: ${String((error as Error).message)
      .split("\n")
      .slice(0, 2)
      .join(" ")}`;
  }
  return { wallMs: median(all.map((r) => r.wallMs)), virtualMs: median(all.map((r) => r.virtualMs)) };
}

export async function pipelineRows(settings: { runs: number }): Promise<Row[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const invokeMs: number[] = [];
  const rows: Row[] = [];
  for (const [measure, run] of [
    [
      `Iris pipeline, examples/iris (operators, runPipeline; prepare → split → upload → k-NN → model → batch transform → accuracy), median of ${settings.runs}`,
      examplePipeline,
    ],
    [
      `Iris pipeline as bare SDK calls in-process (S3 → k-NN → model.tar.gz → batch transform → endpoint, 30 s polls), median of ${settings.runs}`,
      async () => {
        const result = await pipeline();
        invokeMs.push(result.invokeMs);
        return result;
      },
    ],
  ] as const) {
    const timing = await timings(settings.runs, run);
    rows.push(
      typeof timing === "string"
        ? { bench: BENCH, measure, sagerun: timing }
        : {
            bench: BENCH,
            measure,
            sagerun: `${duration(timing.wallMs)} wall`,
            peer: `${(timing.virtualMs / 60_000).toFixed(0)} min virtual`,
            ratio: speedUp(timing.virtualMs, timing.wallMs),
          },
    );
  }
  rows.push({
    bench: BENCH,
    measure: "SDK InvokeEndpoint in-process, one Iris row (k-NN endpoint)",
    sagerun: `${duration(median(invokeMs))}/call`,
  });
  for (const [label, run] of ALGORITHMS) {
    rows.push({
      bench: BENCH,
      measure: `training ${label} on Iris (120 rows), median of ${settings.runs * 2 - 1}`,
      sagerun: duration(await medianMs(settings.runs * 2 - 1, run)),
    });
  }
  return rows;
}
