import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stopJobsOnSignal } from "@sagerun/operators";
import { afterEach, describe, expect, it } from "vitest";
import { captureIo } from "../test/capture-io.js";
import { main } from "./main.js";

// main opts the process in to stopping jobs on SIGINT/SIGTERM; the test worker must not keep that.
afterEach(() => stopJobsOnSignal()());

describe("pnpm example batch-inference, in-process on the embedded emulator", () => {
  it("seeds the model the emulator lacks, says so, transforms the Iris measurements with it and collects the predictions", async () => {
    const { io, out, err, progress } = captureIo();

    expect(await main(["--run-id", "b1"], io)).toBe(0);

    expect(err).toEqual([]);
    expect(out.slice(0, 4)).toEqual([
      "batch-inference: run b1 on the embedded emulator (virtual time), data in s3://sagerun-examples/batch-inference/b1/",
      "The emulator starts with no model, so this run first trains k-NN on iris.csv and registers it as model 'iris-knn'",
      "to stand in for an existing one: on AWS, --model names yours.",
      "seeded model iris-knn from training job iris-knn-seed",
    ]);
    expect(out).toContain("150 predictions in s3://sagerun-examples/batch-inference/b1/output/iris.csv.out");
    expect(out).toContain('  5.1,3.5,1.4,0.2  →  {"predicted_label": 0.0}');
    // Real predictions of a k-NN fitted on the same 150 flowers: about 50 of each species.
    const counts = /^predicted_label counts: 0: (\d+), 1: (\d+), 2: (\d+)$/
      .exec(out.at(-1) ?? "")
      ?.slice(1)
      .map(Number);
    expect(counts, out.join("\n")).toBeDefined();
    expect(counts!.reduce((a, b) => a + b)).toBe(150);
    for (const n of counts!) expect(n).toBeGreaterThanOrEqual(45);
    expect(progress.filter((line) => line.endsWith(" started")).map((line) => line.split(" ")[0])).toEqual([
      "upload",
      "transform",
      "collect",
    ]);
    expect(progress).toContainEqual("transform  batch-inference-b1-transform: Completed");
  });

  it("scores the records of --input, a path from where the command was typed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sagerun-batch-"));
    writeFileSync(join(dir, "flowers.csv"), "5.1,3.5,1.4,0.2\n6.4,3.2,4.5,1.5\n6.3,3.3,6.0,2.5\n");
    const { io, out } = captureIo({}, dir);

    expect(await main(["--run-id", "b2", "--input", "flowers.csv", "--model", "species-v1"], io)).toBe(0);

    expect(out).toContain("seeded model species-v1 from training job species-v1-seed");
    expect(out.slice(-5)).toEqual([
      "3 predictions in s3://sagerun-examples/batch-inference/b2/output/flowers.csv.out",
      '  5.1,3.5,1.4,0.2  →  {"predicted_label": 0.0}',
      '  6.4,3.2,4.5,1.5  →  {"predicted_label": 1.0}',
      '  6.3,3.3,6.0,2.5  →  {"predicted_label": 2.0}',
      "predicted_label counts: 0: 1, 1: 1, 2: 1",
    ]);
  });

  it("exits 2 for an --input it cannot read", async () => {
    const { io, err } = captureIo({}, tmpdir());
    expect(await main(["--input", "no-such-file.csv"], io)).toBe(2);
    expect(err[0]).toMatch(/^pnpm example batch-inference: --input .*no-such-file\.csv: cannot read it \(ENOENT\)\.$/);
  });

  it("on AWS, exits 2 without --model: the model must exist there", async () => {
    const { io, err } = captureIo({ SAGERUN_BACKEND: "aws", SAGERUN_ROLE_ARN: "arn:aws:iam::123456789012:role/SageMakerRole" });
    expect(await main([], io)).toBe(2);
    expect(err[0]).toBe("pnpm example batch-inference: On AWS, pass --model NAME: the existing model that scores the records.");
  });
});
