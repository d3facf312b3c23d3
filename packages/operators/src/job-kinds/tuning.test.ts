import type { DescribeHyperParameterTuningJobCommandOutput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { JobFailedError, JobStoppedError } from "../errors/index.js";
import type { JobDescription } from "./job-kind.js";
import { jobOutcome, judgeJob } from "./job-outcome.js";
import { tuningJob } from "./tuning.js";

type D = JobDescription<DescribeHyperParameterTuningJobCommandOutput>;
const described = (status: string, extra: Partial<D> = {}): D =>
  ({ HyperParameterTuningJobName: "xgb", HyperParameterTuningJobStatus: status, ...extra }) as D;

describe("tuningJob terminal-state table", () => {
  it.each([
    ["InProgress", "running"],
    ["Stopping", "running"],
    ["Completed", "completed"],
    ["Failed", "failed"],
    ["Stopped", "stopped"],
    ["Deleting", "stopped"],
    ["DeleteFailed", "stopped"],
  ])("reads %s as %s", (status, outcome) => {
    expect(jobOutcome(tuningJob, described(status))).toBe(outcome);
  });

  it("never counts Stopped as success, unlike Airflow's tuning sensor, and quotes FailureReason", () => {
    expect(() => judgeJob(tuningJob, "xgb", described("Stopped"))).toThrow(JobStoppedError);
    const reason = "No training job succeeded after 5 attempts. Please take a look at the training job failures to get more details.";
    expect(() => judgeJob(tuningJob, "xgb", described("Failed", { FailureReason: reason }))).toThrow(
      expect.objectContaining({ constructor: JobFailedError, failureReason: reason, jobKind: "hyperparameter tuning job" }),
    );
  });

  it("declares no log group: a tuning job writes none of its own", () => {
    expect(tuningJob.logGroup).toBeUndefined();
  });
});
