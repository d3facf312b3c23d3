import { stopJobsOnSignal } from "@sagerun/operators";
import { afterEach, describe, expect, it } from "vitest";
import { captureIo } from "../test/capture-io.js";
import { main } from "./main.js";
import { accuracyOf, IRIS_STEPS, startedSteps } from "./output-lines.js";

// main opts the process in to stopping jobs on SIGINT/SIGTERM; the test worker must not keep that.
afterEach(() => stopJobsOnSignal()());

describe("pnpm example iris, in-process on the embedded emulator", () => {
  it("runs the whole pipeline and prints the accuracy of the transform job's real predictions (≥ 0.9)", async () => {
    const { io, out, err, progress } = captureIo();

    expect(await main(["--run-id", "nightly-1"], io)).toBe(0);

    expect(err).toEqual([]);
    expect(out[0]).toBe("iris: run nightly-1 on the embedded emulator (virtual time), data in s3://sagerun-examples/iris/nightly-1/");
    const accuracy = accuracyOf(out);
    expect(Number(accuracy.printed)).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.correct / 30).toBeCloseTo(Number(accuracy.printed), 3);
    expect(out).toContainEqual(
      expect.stringMatching(/^training job iris-nightly-1-train, created by this attempt: test:accuracy 0\.9\d\d$/),
    );
    // The default progress view, plain off a terminal: every step in the pipeline's order.
    expect(progress[0]).toBe("iris · run nightly-1: 7 steps, at most 4 at once");
    expect(startedSteps(progress)).toEqual(IRIS_STEPS);
    expect(progress).toContainEqual("transform  iris-nightly-1-transform: Completed");
    expect(progress.at(-1)).toMatch(/^iris · run nightly-1 succeeded in .*: 7 succeeded$/);
  });

  it("--test-mode: trains on a stratified half, shrinks each job, checks the outputs, and prints the changes and the cost", async () => {
    const { io, out, err } = captureIo();

    expect(await main(["--run-id", "small-1", "--test-mode"], io)).toBe(0);

    expect(err).toEqual([]);
    expect(Number(accuracyOf(out).printed)).toBeGreaterThanOrEqual(0.9);
    // Each change the profile made, with its reason.
    expect(out).toContainEqual(
      '  train: ResourceConfig.InstanceType "ml.m5.2xlarge" → "ml.m5.large" (the smallest size of its family in test mode)',
    );
    expect(out).toContainEqual("  train: StoppingCondition.MaxRuntimeInSeconds 86400 → 600 (at most 600 s in test mode)");
    expect(out).toContainEqual(
      '  transform: TransformResources.InstanceType "ml.m5.xlarge" → "ml.m5.large" (the smallest size of its family in test mode)',
    );
    // runPipeline's checks ran on each job, through the operators: what each found.
    const checks = out.slice(out.indexOf("output checks passed:") + 1).filter((line) => /^ {2}(train|transform): \S/.test(line));
    expect(checks.map((line) => line.split(": ").slice(0, 2).join(": "))).toEqual([
      "  train: artifactExists (untars)",
      "  train: metric test:accuracy ≥ 0.8",
      '  train: logLine "#test_score"',
      "  transform: transformRowCount",
    ]);
    expect(checks).toContainEqual(expect.stringMatching(/^ {2}transform: transformRowCount: 30 output rows .* for 30 input rows /));
    // What it costs on AWS: test mode is cheaper than the production configuration for the same run.
    const cost = /^cost on AWS .*: this run \$(\d+\.\d{4}); the same run on the production config \$(\d+\.\d{4})$/.exec(
      out.find((line) => line.startsWith("cost on AWS")) ?? "",
    );
    expect(cost, out.join("\n")).not.toBeNull();
    expect(Number(cost![1])).toBeLessThan(Number(cost![2]));
    expect(out).toContainEqual("training worst case (MaxRuntimeInSeconds): $0.0192 in test mode, $11.0640 without");
    expect(out.at(-1)).toMatch(/^virtual time 0 h \d+ min, wall time \d+ ms$/);
  });

  it("takes the bucket from SAGERUN_BUCKET, and --bucket over it", async () => {
    const fromEnv = captureIo({ SAGERUN_BUCKET: "team-ml" });
    expect(await main(["--run-id", "r1"], fromEnv.io)).toBe(0);
    expect(fromEnv.out[0]).toContain("data in s3://team-ml/iris/r1/");

    const fromFlag = captureIo({ SAGERUN_BUCKET: "team-ml" });
    expect(await main(["--run-id", "r1", "--bucket", "other-ml"], fromFlag.io)).toBe(0);
    expect(fromFlag.out[0]).toContain("data in s3://other-ml/iris/r1/");
  });

  it("prints its usage for --help and exits 0", async () => {
    const { io, out } = captureIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(out[0]).toBe("Usage: pnpm example iris [options]");
    for (const option of ["--run-id ID", "--check-interval SECONDS", "--bucket NAME", "--create-bucket", "--role-arn ARN", "--image URI"]) {
      expect(out.join("\n")).toContain(option);
    }
  });

  it.each([
    [["--bogus"], "Unknown option --bogus."],
    [["stray"], "Unexpected argument stray: every option starts with --."],
    [["--run-id"], "--run-id needs a value."],
    [["--create-bucket=yes"], "--create-bucket takes no value."],
    [["--run-id", "two words"], "--run-id must be 1 to 128 letters, digits or _.:/=+-@, got 'two words'."],
    [["--check-interval", "0"], "--check-interval must be a number of seconds greater than 0, got '0'."],
    [["--check-interval", "soon"], "--check-interval must be a number of seconds greater than 0, got 'soon'."],
    [
      ["--bucket", "My_Bucket"],
      "--bucket must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens), got 'My_Bucket'.",
    ],
    [["--role-arn", "SageMakerRole"], "--role-arn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), got 'SageMakerRole'."],
  ])("exits 2 with the usage for %j", async (args, message) => {
    const { io, out, err } = captureIo();
    expect(await main(args, io)).toBe(2);
    expect(err[0]).toBe(`pnpm example iris: ${message}`);
    expect(err[1]).toBe("Usage: pnpm example iris [options]");
    expect(out).toEqual([]);
  });

  it("exits 2 when SAGERUN_BACKEND is misspelt, rather than guess a backend", async () => {
    const { io, err } = captureIo({ SAGERUN_BACKEND: "emulater" });
    expect(await main([], io)).toBe(2);
    expect(err[0]).toBe("pnpm example iris: Unknown sagerun backend 'emulater' in SAGERUN_BACKEND. Please use one of: aws, emulator.");
  });

  it("on AWS, exits 2 before sending anything when no role is given", async () => {
    const { io, err, out } = captureIo({ SAGERUN_BACKEND: "aws" });
    expect(await main([], io)).toBe(2);
    expect(err[0]).toBe(
      "pnpm example iris: On AWS, the jobs need a role SageMaker can assume: pass --role-arn ARN, or set SAGERUN_ROLE_ARN.",
    );
    expect(out).toEqual([]);
  });
});
