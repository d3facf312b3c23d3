import {
  CreateHyperParameterTuningJobCommand,
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  ResourceLimitExceeded,
  StopTrainingJobCommand,
  type CreateTrainingJobRequest,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import type { EmulatorOptions } from "../../src/index.js";
import { manualEmulator, ROUND_DURATIONS, trainingJobRequest } from "../fixtures.js";
import { tuningJobRequest } from "../fixtures/tuning.js";

const S = 1000;
const CAPACITY = "CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.";
const INTERNAL = "InternalServerError: We encountered an internal error. Please try again.";
const quotaText = (type: string, limit: number, current: number, delta: number) =>
  `The account-level service limit '${type} for training job usage' is ${limit} Instances, with current utilization of ${current} Instances ` +
  `and a request delta of ${delta} Instances. Please use AWS Service Quotas to request an increase for this quota. ` +
  "If AWS Service Quotas is not available, contact AWS support to request an increase for this quota.";

const withFaults = (faults: NonNullable<EmulatorOptions["faults"]>) => manualEmulator({ durations: ROUND_DURATIONS, faults });
const job = (name: string, overrides: Partial<CreateTrainingJobRequest> = {}) =>
  new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name, ...overrides }));
const instances = (type: string, count: number) => ({
  ResourceConfig: { InstanceType: type as never, InstanceCount: count, VolumeSizeInGB: 30 },
});

describe("instance quotas at CreateTrainingJob", () => {
  it("refuses a job that would pass the quota with ResourceLimitExceeded and SageMaker's text, counting the jobs running now", async () => {
    const { client, clock, emulator } = withFaults([{ fault: "instanceQuota", instanceType: "ml.p3.2xlarge", limit: 3 }]);
    await client.send(job("a", instances("ml.p3.2xlarge", 2)));
    await client.send(job("other-type", instances("ml.m5.xlarge", 8))); // another type: not limited
    const error = await client.send(job("b", instances("ml.p3.2xlarge", 2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceLimitExceeded);
    expect(error).toMatchObject({ message: quotaText("ml.p3.2xlarge", 3, 2, 2), $metadata: { httpStatusCode: 400 } });
    await client.send(job("c", instances("ml.p3.2xlarge", 1))); // 2 + 1 fits exactly
    expect(emulator.state().trainingJobs).toHaveLength(3);

    // Stopping still holds the instances; once a job is Stopped they are free again.
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "a" }));
    await expect(client.send(job("b", instances("ml.p3.2xlarge", 1)))).rejects.toThrow(quotaText("ml.p3.2xlarge", 3, 3, 1));
    await clock.advance(ROUND_DURATIONS.stoppingSeconds * S);
    await client.send(job("b", instances("ml.p3.2xlarge", 2)));
    expect(emulator.state().trainingJobs).toHaveLength(4);
  });

  it("without an instance type limits each type on its own; a completed job frees its instances", async () => {
    const { client, clock } = withFaults([{ fault: "instanceQuota", limit: 1 }]);
    await client.send(job("m5", instances("ml.m5.xlarge", 1)));
    await client.send(job("c5", instances("ml.c5.xlarge", 1)));
    await expect(client.send(job("m5-again", instances("ml.m5.xlarge", 1)))).rejects.toThrow(quotaText("ml.m5.xlarge", 1, 1, 1));
    await expect(client.send(job("too-big", instances("ml.g5.xlarge", 2)))).rejects.toThrow(quotaText("ml.g5.xlarge", 1, 0, 2));
    await clock.advance(720 * S); // 60 + 30 + 600 + 30: both Completed
    await client.send(job("m5-again", instances("ml.m5.xlarge", 1)));
  });

  it("refuses only CreateTrainingJob itself: a tuning job's children, planned with it, launch and count toward the quota", async () => {
    const { client, clock } = withFaults([{ fault: "instanceQuota", limit: 0 }]);
    await client.send(new CreateHyperParameterTuningJobCommand(tuningJobRequest()));
    await clock.advance(1);
    // Its two parallel children hold two ml.m5.xlarge instances (the fixture's definition).
    const children = await client.send(new ListTrainingJobsCommand({ StatusEquals: "InProgress" }));
    expect(children.TrainingJobSummaries).toHaveLength(2);
    await expect(client.send(job("extra", instances("ml.m5.xlarge", 1)))).rejects.toThrow(quotaText("ml.m5.xlarge", 0, 2, 1));
  });
});

describe("CapacityError and InternalServerError job failures", () => {
  it("fails a job while its instances are provisioned with CapacityError: no TrainingStartTime, no billing", async () => {
    const { client, clock } = withFaults([{ fault: "capacityError", match: { name: /^gpu-/ } }]);
    await client.send(job("gpu-train"));
    await client.send(job("cpu-train"));
    await clock.advance(30 * S); // half of Starting
    const failed = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "gpu-train" }));
    expect(failed).toMatchObject({ TrainingJobStatus: "Failed", SecondaryStatus: "Failed", FailureReason: CAPACITY });
    expect(failed.TrainingStartTime).toBeUndefined();
    expect(failed.BillableTimeInSeconds).toBeUndefined();
    expect(failed.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual(["Starting", "Failed"]);
    await clock.advance(720 * S);
    expect((await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "cpu-train" }))).TrainingJobStatus).toBe("Completed");
  });

  it("fails a job during training with InternalServerError, after the seconds the fault gives", async () => {
    const { client, clock } = withFaults([{ fault: "internalServerError", afterSeconds: 100 }]);
    await client.send(job("unlucky"));
    await clock.advance((90 + 99) * S);
    expect((await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "unlucky" }))).SecondaryStatus).toBe("Training");
    await clock.advance(1 * S);
    const failed = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "unlucky" }));
    expect(failed).toMatchObject({ TrainingJobStatus: "Failed", FailureReason: INTERNAL, TrainingTimeInSeconds: 130 });
  });

  it("a rate picks jobs by a hash of seed and name: the same jobs fail whatever the order they are created in", async () => {
    const names = Array.from({ length: 40 }, (_, i) => `job-${i}`);
    const failedIn = async (order: string[]) => {
      const { client, clock, emulator } = withFaults([{ fault: "capacityError", rate: 0.5 }]);
      for (const name of order) await client.send(job(name));
      await clock.advance(60 * S);
      return (emulator.state().trainingJobs as { TrainingJobName: string; TrainingJobStatus: string }[])
        .filter((j) => j.TrainingJobStatus === "Failed")
        .map((j) => j.TrainingJobName)
        .sort();
    };
    const forward = await failedIn(names);
    expect(await failedIn([...names].reverse())).toEqual(forward);
    expect(forward.length).toBeGreaterThan(8); // 40 × 0.5 = 20 expected
    expect(forward.length).toBeLessThan(32);
  });
});

describe("managed spot interruptions ([DOC] Managed Spot Training lifecycle)", () => {
  const spot = (name: string, overrides: Partial<CreateTrainingJobRequest> = {}) =>
    job(name, {
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      ...overrides,
    });
  const interruptions = [{ afterSeconds: 200, waitSeconds: 300 }];

  it("interrupts a spot job, restarts it from its checkpoint, and bills only the time its instances ran", async () => {
    const { client, clock } = withFaults([{ fault: "spotInterruption", interruptions }]);
    await client.send(spot("resumes", { CheckpointConfig: { S3Uri: "s3://bucket/checkpoints/" } }));
    const t0 = clock.now();
    await clock.advanceTo(t0 + (90 + 200) * S);
    const interrupted = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "resumes" }));
    expect([interrupted.TrainingJobStatus, interrupted.SecondaryStatus]).toEqual(["InProgress", "Interrupted"]);
    expect(interrupted.SecondaryStatusTransitions?.at(-1)?.StatusMessage).toBe(
      "Training job interrupted because of a spot instance interruption",
    );
    await clock.advance(3600 * S);
    const done = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "resumes" }));
    expect(done.SecondaryStatusTransitions?.map((t) => t.Status)).toEqual([
      "Starting",
      "Downloading",
      "Training",
      "Interrupted",
      "Starting",
      "Downloading",
      "Training",
      "Uploading",
      "Completed",
    ]);
    // Ran 30 + 200, waited 300 + 60, ran 30 + 400 (the rest, from the checkpoint) + 30.
    expect(done).toMatchObject({ TrainingJobStatus: "Completed", TrainingTimeInSeconds: 1050, BillableTimeInSeconds: 690 });
    expect(done.TrainingEndTime!.getTime() - t0).toBe(1110 * S);
  });

  it("without a CheckpointConfig an attempt trains from the beginning again", async () => {
    const { client, clock } = withFaults([{ fault: "spotInterruption", interruptions }]);
    await client.send(spot("restarts"));
    await clock.advance(7200 * S);
    const done = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "restarts" }));
    // Ran 30 + 200, waited 360, ran 30 + 600 + 30.
    expect(done).toMatchObject({ TrainingJobStatus: "Completed", TrainingTimeInSeconds: 1250, BillableTimeInSeconds: 890 });
  });

  it("stops with MaxWaitTimeExceeded when the interruptions outlast MaxWaitTimeInSeconds", async () => {
    const { client, clock } = withFaults([{ fault: "spotInterruption", interruptions: [{ afterSeconds: 100, waitSeconds: 4000 }] }]);
    await client.send(spot("starved", { StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } }));
    await clock.advance(3600 * S);
    const stopping = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "starved" }));
    expect([stopping.TrainingJobStatus, stopping.SecondaryStatus]).toEqual(["Stopping", "Stopping"]);
    await clock.advance(ROUND_DURATIONS.stoppingSeconds * S);
    const stopped = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "starved" }));
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toEqual(["Stopped", "MaxWaitTimeExceeded"]);
    expect(stopped.BillableTimeInSeconds).toBeLessThan(stopped.TrainingTimeInSeconds!);
  });

  it("counts MaxRuntimeInSeconds while instances run, not while the job waits for capacity", async () => {
    const { client, clock } = withFaults([{ fault: "spotInterruption", interruptions: [{ afterSeconds: 500, waitSeconds: 1000 }] }]);
    // Without the wait, 30 + 500 + 30 + 100 of running reaches the limit of 660 s during the second attempt's training.
    await client.send(spot("capped", { StoppingCondition: { MaxRuntimeInSeconds: 660, MaxWaitTimeInSeconds: 7200 } }));
    await clock.advance(7200 * S);
    const stopped = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "capped" }));
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toEqual(["Stopped", "MaxRuntimeExceeded"]);
    expect(stopped.BillableTimeInSeconds).toBe(660);
  });

  it("never interrupts an on-demand job, nor a spot job whose training ends before the interruption", async () => {
    const { client, clock } = withFaults([{ fault: "spotInterruption", interruptions: [{ afterSeconds: 900 }] }]);
    await client.send(job("on-demand"));
    await client.send(spot("short"));
    await clock.advance(720 * S);
    for (const name of ["on-demand", "short"]) {
      const done = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
      expect(done).toMatchObject({ TrainingJobStatus: "Completed", TrainingTimeInSeconds: 660, BillableTimeInSeconds: 660 });
    }
  });
});
