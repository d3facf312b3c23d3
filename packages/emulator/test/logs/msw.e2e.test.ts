import { CloudWatchLogsClient, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { logsHandlers, s3Handlers, sageMakerHandlers, type SageMakerHandlersOptions } from "../../src/msw.js";
import { errorOf } from "../fixtures.js";
import { captureMswReports } from "../fixtures/msw-reports.js";
import { describeLogs } from "./describe-logs.js";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

// The msw door: a CloudWatchLogsClient with the SDK's default settings (`logs.us-east-1.amazonaws.com`,
// its node:http handler), intercepted by msw; unhandled requests fail, so nothing reaches AWS.
describeLogs("msw with the SDK's default HTTP handler", async () => {
  const emulator = createEmulator({ requireInputData: false });
  const server = setupServer(...sageMakerHandlers(emulator), ...s3Handlers(emulator), ...logsHandlers(emulator));
  server.listen({ onUnhandledRequest: "error" });
  const logs = new CloudWatchLogsClient({ region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
  return {
    logs,
    emulator,
    async close() {
      logs.destroy();
      server.close();
    },
  };
});

describe("logsHandlers: which requests the msw door answers", () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());
  const reported = captureMswReports();
  const intercept = (options?: SageMakerHandlersOptions) => {
    const server = setupServer(...logsHandlers(createEmulator({ requireInputData: false }), options));
    server.listen({ onUnhandledRequest: "error" });
    close = () => server.close();
  };
  const describeGroups = (region: string, config: object = {}) =>
    new CloudWatchLogsClient({ region, credentials: CREDENTIALS, maxAttempts: 1, ...config }).send(new DescribeLogGroupsCommand({}));

  it("answers CloudWatch Logs in any region by default, the FIPS host too", async () => {
    intercept();
    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2"]) expect((await describeGroups(region)).logGroups).toEqual([]);
    expect((await describeGroups("us-west-2", { useFipsEndpoint: true })).logGroups).toEqual([]);
    expect(reported()).toEqual([]);
  });

  it("answers only the regions asked for", async () => {
    intercept({ region: "eu-west-1" });
    expect((await describeGroups("eu-west-1")).$metadata.httpStatusCode).toBe(200);
    expect((await errorOf(() => describeGroups("us-west-1"))).message).toMatch(/\[MSW\]/);
    expect(reported()).toEqual(["POST https://logs.us-west-1.amazonaws.com/"]);
  });
});
