import type { DescribeTransformJobCommandOutput } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { JobFailedError, JobStoppedError } from "../errors/index.js";
import type { JobDescription } from "./job-kind.js";
import { jobOutcome, judgeJob } from "./job-outcome.js";
import { transformJob } from "./transform.js";

type D = JobDescription<DescribeTransformJobCommandOutput>;
const described = (status: string, extra: Partial<D> = {}): D =>
  ({ TransformJobName: "scores", TransformJobStatus: status, ...extra }) as D;

describe("transformJob terminal-state table", () => {
  it.each([
    ["InProgress", "running"],
    ["Stopping", "running"],
    ["Completed", "completed"],
    ["Failed", "failed"],
    ["Stopped", "stopped"],
  ])("reads %s as %s", (status, outcome) => {
    expect(jobOutcome(transformJob, described(status))).toBe(outcome);
  });

  it("never counts Stopped or Failed as success, unlike Airflow's transform sensor and apache/airflow#68927", () => {
    expect(() => judgeJob(transformJob, "scores", described("Stopped"))).toThrow(JobStoppedError);
    expect(() => judgeJob(transformJob, "scores", described("Failed", { FailureReason: "ClientError: See job logs" }))).toThrow(
      expect.objectContaining({ constructor: JobFailedError, failureReason: "ClientError: See job logs", jobKind: "transform job" }),
    );
  });
});
