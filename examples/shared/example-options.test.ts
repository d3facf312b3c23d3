import { describe, expect, it } from "vitest";
import { commonSettings, roleArnFor, UsageError } from "./example-options.js";

describe(commonSettings.name, () => {
  it("defaults: a new run id from the time, status checks every 30 s, the sagerun-examples bucket, no bucket created, no role", () => {
    const settings = commonSettings({}, {});
    expect(settings.runId).toMatch(/^\d{8}T\d{6}Z$/);
    expect(settings).toEqual({
      runId: settings.runId,
      checkIntervalSeconds: 30,
      bucket: "sagerun-examples",
      createBucket: false,
      roleArn: undefined,
    });
  });

  it("reads SAGERUN_BUCKET and SAGERUN_ROLE_ARN, and lets the options win over them", () => {
    const env = { SAGERUN_BUCKET: "team-ml", SAGERUN_ROLE_ARN: "arn:aws:iam::111122223333:role/Pipelines" };
    expect(commonSettings({}, env)).toMatchObject({ bucket: "team-ml", roleArn: "arn:aws:iam::111122223333:role/Pipelines" });
    const values = {
      bucket: "other-ml",
      "role-arn": "arn:aws:iam::111122223333:role/Other",
      "check-interval": "2.5",
      "create-bucket": true,
    };
    expect(commonSettings(values, env)).toMatchObject({
      bucket: "other-ml",
      roleArn: "arn:aws:iam::111122223333:role/Other",
      checkIntervalSeconds: 2.5,
      createBucket: true,
    });
  });

  it("names the environment variable when its value is the one refused", () => {
    expect(() => commonSettings({}, { SAGERUN_BUCKET: "Team_ML" })).toThrow(/^SAGERUN_BUCKET must be an S3 bucket name/);
    expect(() => commonSettings({}, { SAGERUN_ROLE_ARN: "Pipelines" })).toThrow(/^SAGERUN_ROLE_ARN must be an IAM role ARN/);
    expect(() => commonSettings({ "check-interval": " " }, {})).toThrow(UsageError);
  });
});

describe(roleArnFor.name, () => {
  it("gives the emulator a role of the right shape, and asks for one on AWS", () => {
    const settings = commonSettings({}, {});
    expect(roleArnFor(settings, "emulator")).toBe("arn:aws:iam::123456789012:role/SageMakerRole");
    expect(() => roleArnFor(settings, "aws")).toThrow(UsageError);
    expect(roleArnFor({ ...settings, roleArn: "arn:aws:iam::111122223333:role/R" }, "aws")).toBe("arn:aws:iam::111122223333:role/R");
  });
});
