import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { afterEach, describe, expect, it } from "vitest";
import { definePipeline } from "../src/pipeline/define-pipeline.js";
import { trainingStep } from "../src/pipeline/job-steps/steps.js";
import type { PipelineEvent } from "../src/pipeline/pipeline-events.js";
import { PipelineFailedError } from "../src/pipeline/pipeline-failed-error.js";
import { runPipeline } from "../src/pipeline/run-pipeline.js";
import { step } from "../src/pipeline/step.js";
import { emulatorHarness, trainingJobRequest } from "./fixtures.js";
import { fastTraining, rejection, trainStep } from "./pipeline-fixtures.js";
import { TRAIN_FAILURE, TRAIN_LINES, failingIrisRun } from "./report-fixtures.js";
import { byClass, byId, textOf } from "./report-html.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sagerun-report-"));
  dirs.push(dir);
  return dir;
}

describe("runPipeline's report option, on the emulator", () => {
  it("writes the report of a failed Iris-like run: the failed step, its FailureReason and its job's last log lines", async () => {
    const path = join(tempDir(), "ci", "artifacts", "run.html"); // parent directories are created
    const { error, lines } = await failingIrisRun(path);

    expect(error.failedSteps).toEqual(["train"]);
    const page = readFileSync(path, "utf8");
    expect(byId(page, "outcome")?.attrs.class).toBe("badge outcome-failed");
    expect(byClass(page, "node").map((n) => [n.attrs["data-step"], n.attrs["data-state"]])).toEqual([
      ["prepare", "succeeded"],
      ["upload", "succeeded"],
      ["train", "failed"],
      ["model", "skipped"],
      ["evaluate", "skipped"],
    ]);
    const failure = byClass(page, "failure");
    expect(failure.map((f) => f.attrs["data-step"])).toEqual(["train"]);
    expect(textOf(byClass(failure[0]!.inner, "failure-reason")[0])).toBe(`FailureReason: ${TRAIN_FAILURE}`);
    expect(textOf(byClass(failure[0]!.inner, "reason")[0])).toContain(
      `Training job 'iris-nightly-7-train' failed (status Failed): ${TRAIN_FAILURE}`,
    );
    // The lines CloudWatch Logs holds for the job, read apart from the run, are the report's log tail.
    expect(lines).toEqual(TRAIN_LINES.map(([, line]) => line));
    expect(byClass(failure[0]!.inner, "log-line").map((l) => textOf(l).replace(/^\S+ /, ""))).toEqual(lines);
    // The job's phases as the 10 s status checks saw them: the rule fails it 30 s into Training.
    expect(byClass(page, "phase").map((p) => [p.attrs["data-phase"], p.attrs["data-from-ms"], p.attrs["data-to-ms"]])).toEqual([
      ["Starting", "0", "30000"],
      ["Downloading", "30000", "60000"],
      ["Training", "60000", "90000"],
      ["Failed", "90000", "90000"],
    ]);
  });

  it('writes the same report for engine "sagemaker-pipelines": the failed job step, its reason and the lines its container logged', async () => {
    const h = emulatorHarness({
      ...fastTraining,
      images: [
        {
          image: /churn-trainer/,
          train(_input, io) {
            io.log("loading churn.csv");
            io.log("fitting 200 trees");
            throw new Error("label column 'churned' not found");
          },
        },
      ],
    });
    const { TrainingJobName: _, ...training } = trainingJobRequest();
    const train = trainingStep({
      id: "train",
      request: (ctx) => ({ ...training, OutputDataConfig: { S3OutputPath: `s3://b/${ctx.runId}/` } }),
    });
    const notify = step({ id: "notify", dependsOn: [train], run: () => "sent" });
    const path = join(tempDir(), "run.html");

    const error = await rejection(
      runPipeline(definePipeline({ name: "churn", steps: [train, notify] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        engine: "sagemaker-pipelines",
        roleArn: training.RoleArn!,
        checkIntervalSeconds: 10,
        logs: { client: h.emulator.logsClient(CloudWatchLogsClient) },
        report: path,
      }),
    );

    expect(error.failedSteps).toEqual(["train"]);
    const page = readFileSync(path, "utf8");
    expect(byClass(page, "node").map((n) => [n.attrs["data-step"], n.attrs["data-state"]])).toEqual([
      ["train", "failed"],
      ["notify", "skipped"],
    ]);
    const failure = byClass(page, "failure")[0]!;
    expect(failure.attrs["data-step"]).toBe("train");
    expect(textOf(byClass(failure.inner, "failure-reason")[0])).toBe("FailureReason: AlgorithmError: label column 'churned' not found");
    // The compiled run's error carries no log tail: the lines are the step's job-log events.
    const logged = byClass(failure.inner, "log-line").map((l) => textOf(l).replace(/^\S+ /, ""));
    expect(logged.slice(0, 2)).toEqual(["loading churn.csv", "fitting 200 trees"]);
    expect(logged.at(-1)).toContain("label column 'churned' not found");
    expect(byClass(page, "phase").map((p) => p.attrs["data-phase"])).toContain("Training");
  });

  it("writes the report of a run that succeeded, and still tells the caller's onEvent every event", async () => {
    const h = emulatorHarness(fastTraining);
    const seen: PipelineEvent["type"][] = [];
    const path = join(tempDir(), "ok.html");
    const run = await runPipeline(definePipeline({ name: "ok", steps: [trainStep("train")] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      onEvent: (e) => seen.push(e.type),
      report: path,
    });
    expect(run.outcome).toBe("succeeded");
    expect(seen[0]).toBe("pipeline-started");
    expect(seen.at(-1)).toBe("pipeline-finished");
    const page = readFileSync(path, "utf8");
    expect(byId(page, "outcome")?.attrs.class).toBe("badge outcome-succeeded");
    expect(
      byClass(page, "phase")
        .map((p) => p.attrs["data-phase"])
        .at(-1),
    ).toBe("Completed");
  });

  it("throws a failed run's own error when the report cannot be written, and warns about the report", async () => {
    const h = emulatorHarness({
      ...fastTraining,
      rules: [{ match: { name: /-train$/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: x" } }],
    });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    try {
      // A directory where the file should be: the write fails with EISDIR.
      const error = await runPipeline(definePipeline({ name: "bad", steps: [trainStep("train")] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        report: tempDir(),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PipelineFailedError);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings.map((w) => [(w as { code?: string }).code, w.message.split(":")[0]])).toEqual([
        ["SAGERUN_REPORT_NOT_WRITTEN", expect.stringMatching(/^The report of pipeline 'bad' run 'r1' could not be written to \//)],
      ]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("rejects a succeeded run whose report cannot be written, saying the run itself succeeded", async () => {
    const h = emulatorHarness(fastTraining);
    const dir = tempDir();
    const error = await runPipeline(definePipeline({ name: "ok", steps: [trainStep("train")] }), {
      client: h.client,
      clock: h.clock,
      runId: "r1",
      report: dir,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(`^The report of pipeline 'ok' run 'r1' could not be written to ${dir} \\(the run itself succeeded\\): Error: EISDIR`),
    );
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("EISDIR");
  });

  it("refuses a report option that is not a path before anything runs", async () => {
    const h = emulatorHarness(fastTraining);
    await expect(
      runPipeline(definePipeline({ name: "ok", steps: [trainStep("train")] }), {
        client: h.client,
        clock: h.clock,
        runId: "r1",
        report: "",
      }),
    ).rejects.toThrow(new TypeError(`Option report [] of pipeline 'ok' must be a file path. Please pass e.g. "run.html".`));
    expect(h.calls).toEqual([]);
  });
});
