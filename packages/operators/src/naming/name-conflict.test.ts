import { CreateTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { DEFAULT_VIRTUAL_START } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest, type Harness } from "../../test/fixtures.js";
import { JobFailedError, NameConflictError } from "../errors/index.js";
import { runTrainingJob } from "../run-training-job.js";
import { incrementName, timestampName } from "./job-names.js";
import { resolveNameConflictPolicy } from "./name-conflict.js";

// The virtual clock starts at 2026-01-01T00:00:00Z: Airflow's suffix is str(time.time_ns() // 10**9).
const TS = String(DEFAULT_VIRTUAL_START / 1000); // "1767225600"
const LONG = "a".repeat(63);
const fast = { durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 60, uploadingSeconds: 30 } };

async function precreate(h: Harness, ...names: string[]): Promise<void> {
  for (const name of names) await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
  h.calls.length = 0; // count only what the operator sends
}

describe(timestampName.name, () => {
  it("appends -<epoch seconds> and cuts the base so the name stays within 63 characters (apache/airflow#45551)", () => {
    expect(timestampName("nightly", TS)).toBe(`nightly-${TS}`);
    expect(timestampName(LONG, TS)).toBe(`${"a".repeat(52)}-${TS}`);
    expect(timestampName(LONG, TS)).toHaveLength(63);
  });
});

describe(incrementName.name, () => {
  it("appends -n and cuts the base so the name stays within 63 characters", () => {
    expect(incrementName("nightly", 2)).toBe("nightly-2");
    expect(incrementName(LONG, 2)).toBe(`${"a".repeat(61)}-2`);
    expect(incrementName(LONG, 10)).toHaveLength(63);
  });
});

describe(resolveNameConflictPolicy.name, () => {
  it("reads a policy like SAGERUN_BACKEND: case and surrounding spaces do not matter, spelling does", () => {
    expect(resolveNameConflictPolicy("Reattach")).toBe("reattach");
    expect(resolveNameConflictPolicy(" INCREMENT ")).toBe("increment");
    expect(() => resolveNameConflictPolicy("re-attach")).toThrow(/^Option onExists \[re-attach\] is not a name conflict policy/);
  });

  it("defaults to Airflow's timestamp and rejects unknown policies", () => {
    expect(resolveNameConflictPolicy(undefined)).toBe("timestamp");
    expect(() => resolveNameConflictPolicy("reuse")).toThrow(
      new TypeError(
        "Option onExists [reuse] is not a name conflict policy. Please use one of: fail, timestamp, increment, skip, reattach.",
      ),
    );
  });
});

describe("onExists on the emulator", () => {
  it("creates under the proposed name when it is free", async () => {
    const h = emulatorHarness(fast);
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "fresh" }), {
      client: h.client,
      clock: h.clock,
      onExists: "fail",
    });
    expect(result).toMatchObject({ jobName: "fresh", created: true });
  });

  it('"fail" throws NameConflictError and creates nothing', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly");
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client: h.client, clock: h.clock, onExists: "fail" });
    await expect(run).rejects.toThrow(NameConflictError);
    await expect(run).rejects.toMatchObject({ code: "NameConflict", jobName: "nightly" });
    expect(h.count("CreateTrainingJobCommand")).toBe(0);
  });

  it('"timestamp" (the default) creates name-<epoch seconds>, exactly as Airflow (apache/airflow#45551)', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly");
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client: h.client, clock: h.clock });
    expect(result.jobName).toBe(`nightly-${TS}`);
    expect(result.description.TrainingJobName).toBe(`nightly-${TS}`);
    expect(result.created).toBe(true);
  });

  it('"timestamp" cuts a 63-character base to 52 so the name stays valid (apache/airflow#45550)', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, LONG);
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: LONG }), {
      client: h.client,
      clock: h.clock,
      onExists: "timestamp",
    });
    expect(result.jobName).toBe(`${"a".repeat(52)}-${TS}`);
  });

  it('"timestamp" waits for the next second on the clock when the suffixed name is taken too', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly", `nightly-${TS}`);
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), { client: h.client, clock: h.clock });
    expect(result.jobName).toBe(`nightly-${Number(TS) + 1}`);
  });

  it('"increment" creates the first free name-2, name-3, …', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly", "nightly-2");
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      onExists: "increment",
    });
    expect(result.jobName).toBe("nightly-3");
    const long = await runTrainingJob(trainingJobRequest({ TrainingJobName: LONG }), {
      client: h.client,
      clock: h.clock,
      onExists: "increment",
    });
    expect(long.jobName).toBe(LONG); // free: no suffix
    const again = await runTrainingJob(trainingJobRequest({ TrainingJobName: LONG }), {
      client: h.client,
      clock: h.clock,
      onExists: "increment",
    });
    expect(again.jobName).toBe(`${"a".repeat(61)}-2`);
  });

  it('"increment" gives up after name-100 with NameConflictError naming the name that was asked for', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly", ...Array.from({ length: 99 }, (_, i) => `nightly-${i + 2}`));
    const err = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      onExists: "increment",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NameConflictError);
    expect(err).toMatchObject({ jobName: "nightly" });
    expect((err as Error).message).toMatch(
      /^A training job named 'nightly' already exists \(onExists: "increment" found nightly-2 … nightly-100 taken too\)/,
    );
    expect(h.count("CreateTrainingJobCommand")).toBe(0);
  });

  it('"skip" returns the existing job\'s description as it is, without creating or waiting', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly");
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      onExists: "skip",
    });
    expect(result).toMatchObject({ jobName: "nightly", created: false });
    expect(result.description.TrainingJobStatus).toBe("InProgress");
    expect(h.calls).toEqual(["DescribeTrainingJobCommand"]);
  });

  it('"reattach" waits for the existing job and never calls Create, so a retry never pays twice', async () => {
    const h = emulatorHarness(fast);
    await precreate(h, "nightly");
    const result = await runTrainingJob(trainingJobRequest({ TrainingJobName: "nightly" }), {
      client: h.client,
      clock: h.clock,
      onExists: "reattach",
    });
    expect(result).toMatchObject({ jobName: "nightly", created: false });
    expect(result.description.TrainingJobStatus).toBe("Completed");
    expect(h.count("CreateTrainingJobCommand")).toBe(0);
  });

  it('"reattach" judges the existing job with the terminal table: a failed one rejects', async () => {
    const h = emulatorHarness({
      ...fast,
      rules: [{ match: { name: /^doomed$/ }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } }],
    });
    await precreate(h, "doomed");
    await h.clock.advance(3600_000);
    const run = runTrainingJob(trainingJobRequest({ TrainingJobName: "doomed" }), {
      client: h.client,
      clock: h.clock,
      onExists: "reattach",
    });
    await expect(run).rejects.toThrow(JobFailedError);
    await expect(run).rejects.toMatchObject({ failureReason: "AlgorithmError: boom" });
    expect(h.count("CreateTrainingJobCommand")).toBe(0);
  });
});
