import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { clientEnv, probeAwsCli, run } from "./external-tools.js";

const awsCliTool = probeAwsCli();

// `aws logs` against the one port, with AWS_ENDPOINT_URL for every service.
describe.skipIf(!awsCliTool.available)(
  `aws logs against the HTTP server${awsCliTool.reason ? ` [skipped: ${awsCliTool.reason}]` : ""}`,
  () => {
    let server: RunningServer;
    const aws = (args: string[]) =>
      run("aws", [...args, "--region", "us-east-1", "--output", "json"], clientEnv({ AWS_ENDPOINT_URL: server.url }));
    beforeAll(async () => {
      server = await startServer({ port: 0 });
    });
    afterAll(async () => {
      await server?.close();
    });

    it("creates a group and a stream, puts events, and reads them back with get-log-events and filter-log-events (which the CLI pages)", async () => {
      const group = ["--log-group-name", "/aws/sagemaker/TrainingJobs"];
      const stream = ["--log-stream-name", "job/algo-1-1767225600"];
      expect((await aws(["logs", "create-log-group", ...group])).code).toBe(0);
      expect((await aws(["logs", "create-log-stream", ...group, ...stream])).code).toBe(0);
      const now = server.emulator.clock.now();
      const events = [0, 1, 2].map((i) => ({ timestamp: now - 3000 + 1000 * i, message: `epoch ${i}` }));
      const put = await aws(["logs", "put-log-events", ...group, ...stream, "--log-events", JSON.stringify(events)]);
      expect([put.code, put.stderr]).toEqual([0, ""]);
      const got = await aws(["logs", "get-log-events", ...group, ...stream, "--start-from-head"]);
      expect((JSON.parse(got.stdout) as { events: { message: string }[] }).events.map((event) => event.message)).toEqual([
        "epoch 0",
        "epoch 1",
        "epoch 2",
      ]);
      const filtered = await aws(["logs", "filter-log-events", ...group, "--filter-pattern", "epoch", "--page-size", "1"]);
      expect((JSON.parse(filtered.stdout) as { events: { message: string }[] }).events.map((event) => event.message)).toEqual([
        "epoch 0",
        "epoch 1",
        "epoch 2",
      ]);
      const missing = await aws(["logs", "describe-log-streams", "--log-group-name", "/nope"]);
      expect([missing.code === 0, missing.stderr]).toEqual([false, expect.stringContaining("ResourceNotFoundException")]);
    });
  },
);
