import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { JobStoppedError } from "../../errors/index.js";
import type { CheckClient } from "../checks/output-check.js";
import { acceptAtRuntimeCap } from "./accept-runtime-cap.js";

const START = "2026-01-01T00:01:00.000Z";

/** A processing job's description, stopped; the test changes what it is about. */
function stopped(overrides: Record<string, unknown> = {}): JobStoppedError {
  const description = {
    ProcessingJobName: "prep",
    ProcessingJobStatus: "Stopped",
    StoppingCondition: { MaxRuntimeInSeconds: 600 },
    ProcessingStartTime: START,
    ProcessingEndTime: "2026-01-01T00:11:30.000Z", // 630 s after the start: the cap, then a 30 s stop
    ProcessingOutputConfig: { Outputs: [{ OutputName: "features", S3Output: { S3Uri: "s3://b/features/" } }] },
    ...overrides,
  };
  return new JobStoppedError({ jobKind: "processing job", jobName: "prep", status: "Stopped", description });
}

/** An S3 client whose every prefix lists one object, last modified at `modified`; it counts its calls. */
function s3With(modified: string): CheckClient & { calls: number } {
  const client = {
    calls: 0,
    async send(command: never) {
      client.calls++;
      if (!((command as unknown) instanceof ListObjectsV2Command)) throw new Error("only ListObjectsV2 is expected");
      const { Prefix } = (command as ListObjectsV2Command).input;
      return { Contents: [{ Key: `${Prefix}part-0`, LastModified: new Date(modified) }], IsTruncated: false };
    },
  };
  return client;
}

const processing = (s3: CheckClient) => ({ testModeKind: "processing" as const, s3 });

describe(acceptAtRuntimeCap.name, () => {
  it("accepts a processing job that ran for its whole cap and wrote an object under each output since it started", async () => {
    const err = stopped();
    // S3 lists LastModified in whole seconds: an object of the job's starting second counts.
    await expect(acceptAtRuntimeCap(processing(s3With("2026-01-01T00:01:00.000Z")), err)).resolves.toBe(err.description);
  });

  it.each([
    ["an object older than the job (an earlier run's)", {}, "2026-01-01T00:00:59.000Z", 1],
    ["a stop before the cap (a Stop request)", { ProcessingEndTime: "2026-01-01T00:05:00.000Z" }, START, 0],
    ["no runtime limit at all", { StoppingCondition: undefined }, START, 0],
    ["no end time", { ProcessingEndTime: undefined }, START, 0],
    ["no S3 output to look at", { ProcessingOutputConfig: { Outputs: [{ OutputName: "x" }] } }, START, 0],
  ])("rethrows the JobStoppedError for %s", async (_, overrides, modified, lists) => {
    const err = stopped(overrides);
    const s3 = s3With(modified);
    await expect(acceptAtRuntimeCap(processing(s3), err)).rejects.toBe(err);
    expect(s3.calls).toBe(lists);
  });

  it("rethrows without a client (the option off), and for a training job's JobStoppedError (a stop request, not its cap)", async () => {
    const err = stopped();
    await expect(acceptAtRuntimeCap({ testModeKind: "processing", s3: undefined }, err)).rejects.toBe(err);
    const s3 = s3With(START);
    await expect(acceptAtRuntimeCap({ testModeKind: "training", s3 }, err)).rejects.toBe(err);
    expect(s3.calls).toBe(0);
  });
});
