import type { DescribeProcessingJobCommandOutput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { JobFailedError, JobStoppedError } from "../errors/index.js";
import type { JobDescription } from "./job-kind.js";
import { jobOutcome, jobStatus, judgeJob } from "./job-outcome.js";
import { processingJob } from "./processing.js";

type D = JobDescription<DescribeProcessingJobCommandOutput>;
const described = (status: string, extra: Partial<D> = {}): D =>
  ({ ProcessingJobName: "prep", ProcessingJobStatus: status, ...extra }) as D;

describe("processingJob terminal-state table", () => {
  it.each([
    ["InProgress", "running"],
    ["Stopping", "running"],
    ["Completed", "completed"],
    ["Failed", "failed"],
    ["Stopped", "stopped"],
  ])("reads %s as %s", (status, outcome) => {
    expect(jobOutcome(processingJob, described(status))).toBe(outcome);
  });

  it("reads Stopped as stopped even at the runtime limit: DescribeProcessingJob has nothing that tells the two apart", () => {
    const atLimit = described("Stopped", {
      StoppingCondition: { MaxRuntimeInSeconds: 60 },
      ProcessingStartTime: "2026-01-01T00:01:00.000Z",
      ProcessingEndTime: "2026-01-01T00:02:30.000Z",
    });
    expect(() => judgeJob(processingJob, "prep", atLimit)).toThrow(JobStoppedError);
    expect(processingJob.maxRuntimeSeconds?.(atLimit)).toBe(60);
  });

  it("throws JobFailedError with FailureReason, and has no secondary status", () => {
    const failed = described("Failed", {
      FailureReason: "AlgorithmError: See job logs for more information",
      ExitMessage: "KeyError: 'label'",
    });
    expect(() => judgeJob(processingJob, "prep", failed)).toThrow(
      expect.objectContaining({ constructor: JobFailedError, failureReason: "AlgorithmError: See job logs for more information" }),
    );
    expect(jobStatus(processingJob, described("InProgress"))).toEqual({ status: "InProgress", secondaryStatus: undefined });
  });
});
