import { ScaledClock } from "@sagerun/transport";
import { createEmulator } from "../../src/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { trainingJobRequest } from "../fixtures.js";
import { probeAwsCli, clientEnv, run } from "./external-tools.js";

const ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job";
const awsCliTool = probeAwsCli();

// The AWS CLI (v1) as a shell user runs it: --endpoint-url, dummy credentials, no config files.
describe.skipIf(!awsCliTool.available)(
  `the AWS CLI against the HTTP server${awsCliTool.reason ? ` [skipped: ${awsCliTool.reason}]` : ""}`,
  () => {
    let server: RunningServer;
    const aws = (args: string[], env: Record<string, string> = {}) =>
      run(
        "aws",
        ["sagemaker", ...args, "--region", "us-east-1", ...(env.AWS_ENDPOINT_URL_SAGEMAKER ? [] : ["--endpoint-url", server.url])],
        clientEnv(env),
      );
    beforeAll(async () => {
      server = await startServer({ port: 0, emulator: createEmulator({ requireInputData: false, clock: new ScaledClock() }) });
    });
    afterAll(async () => server?.close());

    it("creates, describes and lists a training job, printing the service's JSON", async () => {
      const created = await aws([
        "create-training-job",
        "--cli-input-json",
        JSON.stringify(trainingJobRequest({ TrainingJobName: "cli-job" })),
      ]);
      expect([created.code, created.stderr]).toEqual([0, ""]);
      expect(JSON.parse(created.stdout)).toEqual({ TrainingJobArn: `${ARN}/cli-job` });

      const described = await aws(["describe-training-job", "--training-job-name", "cli-job"]);
      const job = JSON.parse(described.stdout) as { TrainingJobStatus: string; CreationTime: unknown };
      expect(job.TrainingJobStatus).toBe("InProgress");
      // CLI v1 prints timestamps in wire form, epoch seconds with milliseconds, unless the profile
      // sets cli_timestamp_format = iso8601.
      const [stored] = server.emulator.state().trainingJobs as { CreationTime: Date }[];
      expect(job.CreationTime).toBe(stored!.CreationTime.getTime() / 1000);

      const listed = await aws(["list-training-jobs", "--query", "TrainingJobSummaries[].TrainingJobName", "--output", "text"]);
      expect(listed.stdout.trim()).toBe("cli-job");
    });

    it("exits 255 with SageMaker's message for a missing job and a duplicate name (aws/aws-sdk#165, aws/amazon-sagemaker-examples#3108)", async () => {
      const [missing, duplicate] = await Promise.all([
        aws(["describe-training-job", "--training-job-name", "cli-missing"]),
        aws(["create-training-job", "--cli-input-json", JSON.stringify(trainingJobRequest({ TrainingJobName: "CLI-JOB" }))]),
      ]);
      expect([missing.code, missing.stderr.trim()]).toEqual([
        255,
        "An error occurred (ValidationException) when calling the DescribeTrainingJob operation: Requested resource not found.",
      ]);
      expect([duplicate.code, duplicate.stderr.trim()]).toEqual([
        255,
        "An error occurred (ResourceInUse) when calling the CreateTrainingJob operation: Training job names must be unique " +
          `within an AWS account and region, and a training job with this name already exists (${ARN}/cli-job)`,
      ]);
    });

    it("finds the server through AWS_ENDPOINT_URL_SAGEMAKER, without --endpoint-url", async () => {
      const listed = await aws(["list-training-jobs", "--max-results", "1"], { AWS_ENDPOINT_URL_SAGEMAKER: server.url });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toHaveProperty("TrainingJobSummaries");
    });
  },
);
