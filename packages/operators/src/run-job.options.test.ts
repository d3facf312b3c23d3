import { afterEach, describe, expect, it, vi } from "vitest";
import { bigTrainerTraining as bigTraining, trainerHarness as bench } from "../test/test-mode-fixtures.js";
import { AwsInCiRefusedError, BudgetExceededError, OutputCheckFailedError } from "./errors/index.js";
import { trainingJob } from "./job-kinds/training.js";
import { transformJob } from "./job-kinds/transform.js";
import { tuningJob } from "./job-kinds/tuning.js";
import { planJob } from "./plan-job.js";
import { runTrainingJob } from "./run-training-job.js";
import { runTuningJob } from "./run-tuning-job.js";
import { artifactExists } from "./test-mode/checks/artifact-exists.js";
import { metric } from "./test-mode/checks/metric.js";

describe("the operators' checks option", () => {
  it("runs the checks on the completed job and puts what they found in the result", async () => {
    const { h, s3 } = await bench();
    const result = await runTrainingJob(bigTraining(), {
      client: h.client,
      clock: h.clock,
      checks: [artifactExists(), metric("test:accuracy", { min: 0.8 })],
      checkClients: { s3 },
    });
    expect(result.description.TrainingJobStatus).toBe("Completed");
    expect(result.checks?.map((c) => [c.check, c.ok])).toEqual([
      [expect.stringContaining("artifact"), true],
      ["metric test:accuracy ≥ 0.8", true],
    ]);
  });

  it("throws OutputCheckFailedError, naming the check and the value found, when one fails", async () => {
    const { h, s3 } = await bench();
    const err = await runTrainingJob(bigTraining(), {
      client: h.client,
      clock: h.clock,
      checks: [artifactExists(), metric("test:accuracy", { min: 0.9 })],
      checkClients: { s3 },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputCheckFailedError);
    expect(err).toMatchObject({
      jobName: "trial",
      message: expect.stringMatching(/Output check metric test:accuracy ≥ 0\.9 failed: found 0\.83/),
    });
    expect((err as OutputCheckFailedError).results.map((r) => r.ok)).toEqual([true, false]);
  });

  it("leaves the result without checks when none are given", async () => {
    const { h } = await bench();
    const result = await runTrainingJob(bigTraining(), { client: h.client, clock: h.clock });
    expect(result).not.toHaveProperty("checks");
  });

  it("refuses a check whose client is missing, and checks without waiting, before creating anything", async () => {
    const { h } = await bench();
    const base = { client: h.client, clock: h.clock, checks: [artifactExists()] };
    await expect(runTrainingJob(bigTraining(), base)).rejects.toThrow(
      /^Option checks has .+, which reads S3, and checkClients\.s3 is missing\. Please pass checkClients: \{ s3: await backend\.s3\(\) \}\.$/,
    );
    await expect(runTrainingJob(bigTraining(), { ...base, checkClients: {}, waitForCompletion: false })).rejects.toThrow(TypeError);
    expect(h.calls).toEqual([]);
  });
});

describe("the operators' budgetUsd option", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses a job whose worst case is over the budget with BudgetExceededError, sending no Create", async () => {
    const { h } = await bench();
    const run = runTrainingJob(bigTraining(), { client: h.client, clock: h.clock, backend: "emulator", budgetUsd: 5 });
    await expect(run).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(run).rejects.toThrow(/training job 'trial'/);
    expect(h.count("CreateTrainingJobCommand")).toBe(0);
    expect(h.calls).toEqual([]);
  });

  it("prices the request as submitted: test mode's shrunk job fits the same budget", async () => {
    const { h } = await bench();
    const result = await runTrainingJob(bigTraining(), {
      client: h.client,
      clock: h.clock,
      backend: "emulator",
      budgetUsd: 5,
      testMode: true,
    });
    expect(result.description.TrainingJobStatus).toBe("Completed");
    expect(h.count("CreateTrainingJobCommand")).toBe(1);
  });

  it("refuses a run against AWS from CI without the opt-in, sending nothing", async () => {
    vi.stubEnv("CI", "true");
    vi.stubEnv("SAGERUN_ALLOW_AWS_IN_CI", "");
    const { h } = await bench();
    const run = runTrainingJob(bigTraining(), { client: h.client, clock: h.clock, backend: "aws", budgetUsd: 1000 });
    await expect(run).rejects.toBeInstanceOf(AwsInCiRefusedError);
    expect(h.calls).toEqual([]);
  });

  it("refuses budgetUsd for a kind without a cost model (tuning) with a TypeError", async () => {
    const { h } = await bench();
    const run = runTuningJob({ HyperParameterTuningJobName: "tune" } as never, { client: h.client, clock: h.clock, budgetUsd: 5 });
    await expect(run).rejects.toThrow(/budgetUsd cannot price a hyperparameter tuning job/);
    expect(h.calls).toEqual([]);
  });
});

describe(planJob.name, () => {
  // planJob takes no client: a dry run cannot send anything.
  it("returns the request test mode would submit, and it as text with the changes marked", () => {
    const plan = planJob(trainingJob, bigTraining(), { testMode: true });
    expect(plan.request).toMatchObject({ ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1 } });
    expect(plan.testMode?.changes).toHaveLength(3);
    const lines = plan.text.split("\n");
    expect(lines[0]).toBe("Dry run: training job trial, as it would be submitted (test mode: 3 changes; nothing submitted)");
    expect(lines).toContain('    "InstanceCount": 1, // test mode: was 2 — a single instance in test mode');
    expect(lines).toContain(
      '    "InstanceType": "ml.m5.large", // test mode: was ml.m5.4xlarge — the smallest size of its family in test mode',
    );
    expect(lines).toContain('    "MaxRuntimeInSeconds": 600 // test mode: was 86400 — at most 600 s in test mode');
  });

  it("shows the config as it is, unmarked, without testMode", () => {
    const plan = planJob(trainingJob, bigTraining());
    expect(plan).not.toHaveProperty("testMode");
    expect(plan.text.split("\n")[0]).toBe("Dry run: training job trial, as it would be submitted (test mode off; nothing submitted)");
    expect(plan.text).not.toContain("// test mode");
    expect(plan.text).toContain('"InstanceType": "ml.m5.4xlarge"');
  });

  it("throws the operator's TypeError for a config without a name", () => {
    expect(() => planJob(trainingJob, bigTraining({ TrainingJobName: "" }))).toThrow(/TrainingJobName \[\] must be a non-empty string/);
  });

  it("prices the worst case with and without test mode, on its second line", () => {
    // 1 × ml.m5.large (0.115 USD/h) for 600 s; 2 × ml.m5.4xlarge (0.922 USD/h) for 86,400 s.
    const line =
      "Worst case on AWS: $0.0192 (1 × ml.m5.large for 600 s) in test mode, $44.2560 (2 × ml.m5.4xlarge for 86400 s) without " +
      "(us-east-1 on-demand prices as of 2026-11-30)";
    for (const plan of [planJob(trainingJob, bigTraining(), { testMode: true }), planJob(trainingJob, bigTraining())]) {
      expect(plan.text.split("\n")[1]).toBe(line);
      expect(plan.cost?.testMode.worstCaseUsd).toBeCloseTo((0.115 * 600) / 3600, 10);
      expect(plan.cost?.withoutTestMode.worstCaseUsd).toBeCloseTo(2 * 0.922 * 24, 10);
    }
    // A profile of its own, and prices of one's own.
    const own = planJob(trainingJob, bigTraining(), {
      testMode: { maxRuntimeInSeconds: 3600 },
      costEstimate: { prices: { "ml.m5.large": 0.1 } },
    });
    expect(own.cost?.testMode.worstCaseUsd).toBeCloseTo(0.1, 10);
  });

  it("says why a job is not priced: no cost model (tuning), an instance type the table lacks, no runtime limit", () => {
    const tuning = planJob(tuningJob, { HyperParameterTuningJobName: "tune" } as never);
    expect(tuning).not.toHaveProperty("cost");
    expect(tuning.text.split("\n")[1]).toBe("Worst case on AWS: not priced (no cost model for a hyperparameter tuning job)");
    const unknown = planJob(
      trainingJob,
      bigTraining({ ResourceConfig: { InstanceType: "ml.r5.24xlarge", InstanceCount: 1, VolumeSizeInGB: 10 } }),
    );
    expect(unknown).not.toHaveProperty("cost");
    expect(unknown.text.split("\n")[1]).toMatch(/^Worst case on AWS: not priced \(Failed to price instance type 'ml\.r5\.large'/); // test mode's r5
    const transform = { TransformJobName: "t", TransformResources: { InstanceType: "ml.m5.xlarge", InstanceCount: 2 } } as never;
    expect(planJob(transformJob, transform).text.split("\n")[1]).toBe(
      "Worst case on AWS: unbounded (1 × ml.m5.large, no runtime limit; costEstimate.assumedSeconds bounds it) in test mode, " +
        "unbounded (2 × ml.m5.xlarge, no runtime limit; costEstimate.assumedSeconds bounds it) without (us-east-1 on-demand prices as of 2026-11-30)",
    );
    expect(planJob(transformJob, transform, { costEstimate: { assumedSeconds: 3600 } }).cost?.withoutTestMode.worstCaseUsd).toBeCloseTo(
      0.46,
      10,
    );
  });
});
