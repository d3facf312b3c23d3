import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { clientEnv, probeBoto3, run, scriptPath } from "./external-tools.js";

const boto3Tool = probeBoto3();

// One Python process runs every step; each `it` checks one part of what it observed. One
// AWS_ENDPOINT_URL serves boto3's logs, s3 and sagemaker clients.
describe.skipIf(!boto3Tool.available)(
  `boto3's logs beside s3 and sagemaker on one port${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`,
  () => {
    let server: RunningServer;
    let observed: Record<string, unknown>;
    let now: number;
    beforeAll(async () => {
      server = await startServer({ port: 0 });
      now = server.emulator.clock.now();
      const result = await run("python3", [scriptPath("boto3_logs.py"), String(now)], clientEnv({ AWS_ENDPOINT_URL: server.url }));
      if (result.code !== 0) throw new Error(`boto3_logs.py exited ${result.code}:\n${result.stderr}`);
      observed = JSON.parse(result.stdout) as Record<string, unknown>;
    });
    afterAll(async () => {
      await server?.close();
    });

    it("reads a stream as Airflow's hook does: from the head, 3 a page, until nextForwardToken repeats", () => {
      expect(observed.forward).toEqual({ messages: ["line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6"], pages: 4 });
    });

    it("describes streams by prefix with their event times, and by LastEventTime descending", () => {
      expect(observed.streams).toEqual([
        { logStreamName: "job-1/algo-1-1767225600", firstEventTimestamp: now - 7000, lastEventTimestamp: now - 1000 },
      ]);
      expect(observed.latest_first).toEqual(["job-2/algo-1-1767225600", "job-1/algo-1-1767225600"]);
    });

    it("pages FilterLogEvents and DescribeLogGroups through botocore's paginators", () => {
      expect(observed.filtered).toEqual(["line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6"]);
      expect(observed.groups).toEqual(["/aws/sagemaker/TrainingJobs"]);
    });

    it("raises CloudWatch Logs' modelled exceptions with their texts", () => {
      expect(observed.missing_group).toEqual(["ResourceNotFoundException", "The specified log group does not exist."]);
      expect(observed.missing_stream).toEqual(["ResourceNotFoundException", "The specified log stream does not exist."]);
      expect(observed.exists).toBe("ResourceAlreadyExistsException");
    });

    it("serves S3 and SageMaker on the same endpoint", () => {
      expect([observed.s3, observed.sagemaker]).toEqual([[], []]);
    });
  },
);
