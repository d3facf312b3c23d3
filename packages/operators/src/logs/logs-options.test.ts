import { describe, expect, it } from "vitest";
import { trainingJob } from "../job-kinds/training.js";
import { resolveJobLogs, type JobLogsOptions } from "./logs-options.js";

const client = { send: () => Promise.resolve({}) };

describe(resolveJobLogs.name, () => {
  it("is undefined without the option, and fills in 20 tail lines, a 5 s drain and the kind's log group", () => {
    expect(resolveJobLogs(trainingJob, undefined)).toBeUndefined();
    expect(resolveJobLogs(trainingJob, { client })).toEqual({
      client,
      onLine: undefined,
      tailLines: 20,
      drainSeconds: 5,
      group: "/aws/sagemaker/TrainingJobs",
    });
  });

  it("names the field, the value and the fix", () => {
    const resolve = (logs: unknown) => () => resolveJobLogs(trainingJob, logs as JobLogsOptions);
    expect(resolve({})).toThrow(
      new TypeError(
        "Wait option logs.client [undefined] must be a CloudWatchLogsClient. Please pass one on the SageMaker client's backend: " +
          "emulator.logsClient(CloudWatchLogsClient) on the emulator, new CloudWatchLogsClient({ region }) on AWS.",
      ),
    );
    expect(resolve(true)).toThrow(/^Wait option logs \[true\] must be an object\./);
    expect(resolve({ client, onLine: "console.log" })).toThrow(/^Wait option logs\.onLine \[console\.log\] must be a function\./);
    expect(resolve({ client, tailLines: -1 })).toThrow(
      new RangeError("Wait option logs.tailLines [-1] must be a whole number of at least 0. Please pass e.g. 20."),
    );
    expect(resolve({ client, drainSeconds: Number.NaN })).toThrow(
      /^Wait option logs\.drainSeconds \[NaN\] must be a finite number of at least 0\./,
    );
  });

  it("refuses a kind that declares no log group", () => {
    const { logGroup, ...withoutLogs } = trainingJob;
    expect(logGroup).toBe("/aws/sagemaker/TrainingJobs");
    expect(() => resolveJobLogs(withoutLogs, { client })).toThrow(TypeError);
  });
});
