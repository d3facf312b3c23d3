import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { serviceOf } from "../../src/service-router.js";
import { createEmulator } from "../../src/index.js";
import { startServer } from "../../src/http.js";
import { describeLogs } from "./describe-logs.js";

// The HTTP door: a CloudWatchLogsClient pointed at the server's one port, beside SageMaker and S3.
describeLogs("the HTTP server", async () => {
  // The suite calls an operation the emulator lacks on purpose: keep the server's notice of it quiet.
  const server = await startServer({
    port: 0,
    emulator: createEmulator({ requireInputData: false }),
    log: () => {},
  });
  const logs = new CloudWatchLogsClient({
    region: "us-east-1",
    endpoint: server.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });
  return {
    logs,
    emulator: server.emulator,
    async close() {
      logs.destroy();
      await server.close();
    },
  };
});

describe("CloudWatch Logs on the HTTP port", () => {
  it("is chosen by the Logs_20140328 target prefix, else by a SigV4 scope of logs", () => {
    const scoped = (service: string) => ({
      authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    });
    expect(serviceOf({ headers: { "x-amz-target": "Logs_20140328.GetLogEvents" }, body: undefined })).toBe("logs");
    expect(serviceOf({ headers: { "x-amz-target": "SageMaker.ListTrainingJobs", ...scoped("logs") }, body: undefined })).toBe("sagemaker");
    expect(serviceOf({ headers: scoped("logs"), body: undefined })).toBe("logs");
    expect(serviceOf({ headers: scoped("sagemaker"), body: undefined })).toBe("sagemaker");
  });

  it("routes by X-Amz-Target: a raw Logs_20140328 request gets Logs' error shape; a GET is refused", async () => {
    const lines: string[] = [];
    const server = await startServer({
      port: 0,
      emulator: createEmulator({ requireInputData: false }),
      log: (line) => lines.push(line),
    });
    try {
      const post = (target: string, body: object) =>
        fetch(server.url, {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
          body: JSON.stringify(body),
        });
      const missing = await post("Logs_20140328.DescribeLogStreams", { logGroupName: "/nope" });
      expect(missing.status).toBe(400);
      expect(missing.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
      expect(await missing.json()).toEqual({ __type: "ResourceNotFoundException", message: "The specified log group does not exist." });
      const lacking = await post("Logs_20140328.PutRetentionPolicy", {});
      expect(lacking.status).toBe(400);
      await post("Logs_20140328.PutRetentionPolicy", {});
      expect(lines.filter((line) => line.includes("Logs_20140328.PutRetentionPolicy"))).toHaveLength(1);
      const unknown = await post("Logs_20140328.NoSuchThing", {});
      expect(await unknown.json()).toEqual({ __type: "com.amazon.coral.service#UnknownOperationException" });
      const get = await fetch(server.url, {
        headers: {
          authorization: "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=0",
        },
      });
      expect(get.status).toBe(405);
      expect(((await get.json()) as { message: string }).message).toMatch(/^The CloudWatch Logs API is served on POST only/);
    } finally {
      await server.close();
    }
  });
});
