import type { DescribeTrainingJobCommandOutput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { JobFailedError, JobStoppedError, MaxRuntimeExceededError, MaxWaitTimeExceededError } from "../errors/index.js";
import type { JobDescription } from "./job-kind.js";
import { jobOutcome, jobStatus, judgeJob } from "./job-outcome.js";
import { trainingJob } from "./training.js";

type D = JobDescription<DescribeTrainingJobCommandOutput>;
const described = (status: string, secondary: string, extra: Partial<D> = {}): D =>
  ({ TrainingJobName: "nightly", TrainingJobStatus: status, SecondaryStatus: secondary, ...extra }) as D;

describe("trainingJob terminal-state table", () => {
  it.each([
    ["InProgress", "Training", "running"],
    ["Stopping", "Stopping", "running"],
    ["Completed", "Completed", "completed"],
    ["Failed", "Failed", "failed"],
    ["Stopped", "MaxRuntimeExceeded", "maxRuntimeExceeded"],
    ["Stopped", "Stopped", "stopped"],
    ["Stopped", "MaxWaitTimeExceeded", "maxWaitTimeExceeded"],
    ["Deleting", "Completed", "stopped"],
  ])("reads %s/%s as %s", (status, secondary, outcome) => {
    expect(jobOutcome(trainingJob, described(status, secondary))).toBe(outcome);
  });

  it("never counts Stopped as success, unlike waitUntilTrainingJobCompletedOrStopped (apache/airflow#42423)", () => {
    expect(() => judgeJob(trainingJob, "nightly", described("Stopped", "Stopped"))).toThrow(JobStoppedError);
  });

  it("treats a status it does not know yet as running, so the wait's deadline still applies", () => {
    expect(jobOutcome(trainingJob, described("Hibernating", "Dreaming"))).toBe("running");
  });

  it("throws JobFailedError with FailureReason and MaxRuntimeExceededError with the limit", () => {
    const verdict = (d: D): unknown => {
      try {
        return judgeJob(trainingJob, "nightly", d);
      } catch (err) {
        return err;
      }
    };
    const failed = verdict(described("Failed", "Failed", { FailureReason: "AlgorithmError: boom" }));
    expect(failed).toBeInstanceOf(JobFailedError);
    expect(failed).toMatchObject({ failureReason: "AlgorithmError: boom", status: "Failed", jobName: "nightly" });
    const limit = verdict(described("Stopped", "MaxRuntimeExceeded", { StoppingCondition: { MaxRuntimeInSeconds: 600 } }));
    expect(limit).toBeInstanceOf(MaxRuntimeExceededError);
    expect(limit).toMatchObject({ maxRuntimeSeconds: 600, secondaryStatus: "MaxRuntimeExceeded" });
    const spot = verdict(
      described("Stopped", "MaxWaitTimeExceeded", { StoppingCondition: { MaxRuntimeInSeconds: 600, MaxWaitTimeInSeconds: 1200 } }),
    );
    expect(spot).toBeInstanceOf(MaxWaitTimeExceededError);
    expect(spot).toMatchObject({ maxWaitTimeSeconds: 1200, secondaryStatus: "MaxWaitTimeExceeded" });
  });

  it("judges a running job running and a completed one completed, without throwing", () => {
    expect(judgeJob(trainingJob, "nightly", described("InProgress", "Starting"))).toBe("running");
    expect(judgeJob(trainingJob, "nightly", described("Stopping", "Stopping"))).toBe("running");
    expect(judgeJob(trainingJob, "nightly", described("Completed", "Completed"))).toBe("completed");
    expect(jobStatus(trainingJob, described("InProgress", "Downloading"))).toEqual({
      status: "InProgress",
      secondaryStatus: "Downloading",
    });
  });
});
