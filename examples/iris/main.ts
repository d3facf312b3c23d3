import { parseArgs } from "node:util";
import type { S3Client } from "@aws-sdk/client-s3";
import { compilePipeline, renderProgress, runPipeline, stopJobsOnSignal } from "@sagerun/operators";
import { createExampleBackend, describeBackend } from "../shared/example-backend.js";
import { type ExampleIo, processIo } from "../shared/example-io.js";
import { COMMON_OPTIONS, COMMON_USAGE, commonSettings, asUsageErrors, roleArnFor } from "../shared/example-options.js";
import { runExample } from "../shared/run-example.js";
import { irisChecks, irisPipeline, KNN_IMAGE } from "./iris-pipeline.js";
import { withChecksAfterExecution } from "./sagemaker-pipelines.js";
import { changeLines, checkLines, costLines } from "./test-mode.js";

const COMMAND = "pnpm example iris";

const USAGE = `Usage: ${COMMAND} [options]

The Iris pipeline: prepare iris.csv (species numbered, header dropped, label first) → split it,
stratified → upload it to S3 → train SageMaker's k-NN → create a model → batch transform the
held-out flowers → read the predictions and print their accuracy.

Options:
  --test-mode               run it small and check it: a stratified half of the training data,
                            each job shrunk (short MaxRuntimeInSeconds, the smallest instance of
                            its family), its outputs checked, and what it would cost on AWS
  --sagemaker-pipelines     run train, model and transform as one SageMaker Pipelines execution
                            (the pipeline compiled and upserted; prepare, upload, the training
                            subset and evaluate here; with --test-mode, the output checks too,
                            after the execution)
  --image URI               the k-NN image of the jobs' region
                            (default: us-east-1's, ${KNN_IMAGE})
  --report FILE             write the run's HTML report to FILE when it ends, failed or not
                            (DAG, timeline, failure and log tail; the jobs' log lines streamed)
${COMMON_USAGE}`;

/**
 * `pnpm example iris [options]`: runs the Iris pipeline and prints the accuracy of its
 * predictions. Resolves with the exit code.
 */
export function main(args: readonly string[], io: ExampleIo = processIo()): Promise<number> {
  return runExample(io, COMMAND, USAGE, async () => {
    const { values } = asUsageErrors(() =>
      parseArgs({
        args: [...args],
        options: {
          ...COMMON_OPTIONS,
          image: { type: "string" },
          "test-mode": { type: "boolean" },
          "sagemaker-pipelines": { type: "boolean" },
          report: { type: "string" },
        },
      }),
    );
    if (values.help) {
      io.out(USAGE);
      return;
    }
    const settings = commonSettings(values, io.env);
    const compiled = values["sagemaker-pipelines"] === true;

    // Ctrl-C or SIGTERM stops the job the run is waiting for before the process ends.
    stopJobsOnSignal();
    const backend = await createExampleBackend(io.env);
    const onEmulator = backend.backend === "emulator";
    const roleArn = roleArnFor(settings, backend.backend);
    const { runId, bucket } = settings;
    io.out(`iris: run ${runId} on ${await describeBackend(backend, io.env)}, data in s3://${bucket}/iris/${runId}/`);
    // The embedded emulator lives as long as the process; AWS (or `sagerun-emulator serve`) outlives it.
    if (!onEmulator) io.out(`(killed, the same command with --run-id ${runId} resumes the run)`);

    const testMode = values["test-mode"] === true;
    if (testMode) io.out("test mode: half the training data (stratified), small instances, short runtime limits, outputs checked");
    const virtualStart = backend.clock.now();
    const wallStart = Date.now();
    const s3 = (await backend.s3()) as S3Client;
    const pipeline = irisPipeline({
      s3,
      bucket,
      createBucket: settings.createBucket || onEmulator,
      roleArn,
      image: values.image ?? KNN_IMAGE,
      checkIntervalSeconds: settings.checkIntervalSeconds,
      testMode,
    });
    const options = {
      client: backend.client,
      clock: backend.clock,
      runId,
      onEvent: renderProgress(io.progress),
      ...(compiled && { engine: "sagemaker-pipelines" as const, roleArn, checkIntervalSeconds: settings.checkIntervalSeconds }),
      // One option shrinks every job of the run (applyTestMode's default profile).
      testMode,
      // The report, written whatever the outcome; the log lines give a failed step's log tail.
      ...(values.report !== undefined && { report: values.report, logs: { client: await backend.logs() } }),
    };
    // And its outputs are checked: in-process by the operators (runPipeline's checks), compiled by a step after the execution.
    const checkClients = testMode ? { s3, logs: await backend.logs() } : undefined;
    const checkedAfter =
      compiled && checkClients !== undefined ? await runPipeline(withChecksAfterExecution(pipeline, checkClients), options) : undefined;
    const run =
      checkedAfter ??
      (await runPipeline(pipeline, { ...options, ...(checkClients !== undefined && { checks: irisChecks(), checkClients }) }));

    const { train, transform, evaluate } = run.steps;
    const metric = train.result.description.FinalMetricDataList?.find((m) => m.MetricName === "test:accuracy")?.Value;
    const origin = compiled
      ? "run by the SageMaker Pipelines execution"
      : train.result.created
        ? "created by this attempt"
        : "from an earlier attempt of this run, reattached to";
    io.out(`training job ${train.result.jobName}, ${origin}${metric === undefined ? "" : `: test:accuracy ${metric.toFixed(3)}`}`);
    io.out(`accuracy ${evaluate.result.accuracy.toFixed(3)} (${evaluate.result.correct} of ${evaluate.result.total} held-out flowers)`);
    if (testMode) {
      // What test mode changed: in-process, each operator reports it; compiled, the definition carries it.
      const changes = compiled
        ? compilePipeline(pipeline, { testMode }).testModeChanges
        : { train: train.result.testMode?.changes ?? [], transform: transform.result.testMode?.changes ?? [] };
      const checks = checkedAfter?.steps.checks.result ?? { train: train.result.checks ?? [], transform: transform.result.checks ?? [] };
      io.out("test-mode changes:");
      for (const line of [...changeLines("train", changes.train ?? []), ...changeLines("transform", changes.transform ?? [])]) io.out(line);
      io.out("output checks passed:");
      for (const line of [...checkLines("train", checks.train), ...checkLines("transform", checks.transform)]) io.out(line);
      const ran = (step: "train" | "transform") => ({ description: run.steps[step].result.description, changes: changes[step] ?? [] });
      for (const line of costLines(ran("train"), ran("transform"))) io.out(line);
    }
    const minutes = (backend.clock.now() - virtualStart) / 60_000;
    io.out(`virtual time ${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min, wall time ${Date.now() - wallStart} ms`);
  });
}
