import { DescribeTrainingJobCommand, StopHyperParameterTuningJobCommand, StopTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { describeTuning, started, trainingJobs, tuningJobRequest } from "./fixtures/tuning.js";

const S = 1000;
const oneChild = () => tuningJobRequest({}, { ResourceLimits: { MaxNumberOfTrainingJobs: 1, MaxParallelTrainingJobs: 1 } });

describe("ending a tuning job early", () => {
  it("StopHyperParameterTuningJob stops every running child (Stopping → Stopped) and launches no more ([DOC])", async () => {
    const { client, clock, t0 } = await started();
    await clock.advanceTo(t0 + 150 * S);
    await client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }));
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("Stopping");
    const running = (await trainingJobs(client)).filter((j) => j.CreationTime!.getTime() === t0 + 100 * S);
    for (const job of running) {
      const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: job.TrainingJobName }));
      expect([d.TrainingJobStatus, d.SecondaryStatus]).toEqual(["Stopping", "Stopping"]);
    }
    await clock.advanceTo(t0 + 155 * S);
    const d = await describeTuning(client);
    expect(d.HyperParameterTuningJobStatus).toBe("Stopped");
    expect(d.HyperParameterTuningEndTime).toEqual(new Date(t0 + 155 * S));
    expect(d.TrainingJobStatusCounters).toEqual({ Completed: 2, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 2 });
    await clock.advanceTo(t0 + 2000 * S);
    const jobs = await trainingJobs(client);
    expect(jobs).toHaveLength(4);
    expect(jobs.map((j) => j.TrainingJobStatus)).toEqual(["Completed", "Completed", "Stopped", "Stopped"]);
  });

  it("stops at ResourceLimits.MaxRuntimeInSeconds like a user's stop ([INF])", async () => {
    const request = tuningJobRequest(
      {},
      { ResourceLimits: { MaxNumberOfTrainingJobs: 6, MaxParallelTrainingJobs: 2, MaxRuntimeInSeconds: 250 } },
    );
    const { client, clock, t0 } = await started({}, request);
    await clock.advanceTo(t0 + 250 * S);
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("Stopping");
    await clock.advanceTo(t0 + 1000 * S);
    const d = await describeTuning(client);
    expect([d.HyperParameterTuningJobStatus, d.HyperParameterTuningEndTime]).toEqual(["Stopped", new Date(t0 + 255 * S)]);
    expect(d.TrainingJobStatusCounters).toMatchObject({ Completed: 4, Stopped: 2 });
    expect(await trainingJobs(client)).toHaveLength(6);
  });

  it("fails with 'No training job succeeded after 5 attempts' once five children fail without a success, stopping the rest (aws/amazon-sagemaker-examples#2436)", async () => {
    // Child 2 trains long and would fail at 420 s; the others fail 55 s after launch: 55, 110, 165, 220, 275.
    const rules = [
      { match: { name: /-002-/ }, durations: { trainingSeconds: 500 }, outcome: { status: "Failed" as const, afterSeconds: 400 } },
      { outcome: { status: "Failed" as const } },
    ];
    const request = tuningJobRequest({}, { ResourceLimits: { MaxNumberOfTrainingJobs: 20, MaxParallelTrainingJobs: 2 } });
    const { client, clock, t0 } = await started({ rules }, request);
    await clock.advanceTo(t0 + 275 * S);
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("InProgress"); // still stopping child 2
    await clock.advanceTo(t0 + 5000 * S);
    const d = await describeTuning(client);
    expect([d.HyperParameterTuningJobStatus, d.HyperParameterTuningEndTime]).toEqual(["Failed", new Date(t0 + 280 * S)]);
    expect(d.FailureReason).toBe(
      "No training job succeeded after 5 attempts. Please take a look at the training job failures to get more details.",
    );
    expect(d.TrainingJobStatusCounters).toEqual({ Completed: 0, InProgress: 0, RetryableError: 0, NonRetryableError: 5, Stopped: 1 });
    expect(await trainingJobs(client)).toHaveLength(6);
  });

  it("fails after all of them when fewer than five children are planned ([INF])", async () => {
    const rules = [{ outcome: { status: "Failed" as const } }];
    const request = tuningJobRequest({}, { ResourceLimits: { MaxNumberOfTrainingJobs: 3, MaxParallelTrainingJobs: 3 } });
    const { client, clock, t0 } = await started({ rules }, request);
    await clock.advanceTo(t0 + 5000 * S);
    expect((await describeTuning(client)).FailureReason).toMatch(/^No training job succeeded after 3 attempts\./);
  });

  it("launches the next child as soon as a user stops one with StopTrainingJob", async () => {
    const { client, clock, t0 } = await started();
    const [first] = await trainingJobs(client);
    await clock.advanceTo(t0 + 30 * S);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: first!.TrainingJobName }));
    await clock.advanceTo(t0 + 35 * S);
    const jobs = await trainingJobs(client);
    expect(jobs.map((j) => [j.TrainingJobName!.slice(0, 12), j.TrainingJobStatus, j.CreationTime!.getTime() - t0])).toEqual([
      ["xgb-tune-001", "Stopped", 0],
      ["xgb-tune-002", "InProgress", 0],
      ["xgb-tune-003", "InProgress", 35 * S],
    ]);
    expect((await describeTuning(client)).TrainingJobStatusCounters).toMatchObject({ Stopped: 1, InProgress: 2 });
  });
});

describe("stopping a tuning job whose children a user stopped", () => {
  it("takes effect when accepted while the only child is still Stopping: Stopping at once, Stopped when the child is", async () => {
    const { client, clock, t0 } = await started({}, oneChild());
    const [child] = await trainingJobs(client);
    await clock.advanceTo(t0 + 30 * S);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: child!.TrainingJobName }));
    await clock.advanceTo(t0 + 32 * S);
    await client.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: "xgb-tune" }));
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("Stopping");
    await clock.advanceTo(t0 + 35 * S);
    const d = await describeTuning(client);
    expect([d.HyperParameterTuningJobStatus, d.HyperParameterTuningEndTime]).toEqual(["Stopped", new Date(t0 + 35 * S)]);
    expect(d.TrainingJobStatusCounters).toEqual({ Completed: 0, InProgress: 0, RetryableError: 0, NonRetryableError: 0, Stopped: 1 });
  });

  it("ends Stopped, not Completed, when every child was stopped and none completed or failed ([INF])", async () => {
    const { client, clock, t0 } = await started({}, oneChild());
    const [child] = await trainingJobs(client);
    await clock.advanceTo(t0 + 30 * S);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: child!.TrainingJobName }));
    await clock.advanceTo(t0 + 34 * S);
    expect((await describeTuning(client)).HyperParameterTuningJobStatus).toBe("InProgress");
    await clock.advanceTo(t0 + 1000 * S);
    const d = await describeTuning(client);
    expect([d.HyperParameterTuningJobStatus, d.HyperParameterTuningEndTime]).toEqual(["Stopped", new Date(t0 + 35 * S)]);
    expect(d.FailureReason).toBeUndefined();
  });
});
