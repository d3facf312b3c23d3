import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { createEmulator } from "../../src/index.js";
import { describeLogs } from "./describe-logs.js";

// The in-process door: emulator.logsClient() puts the emulator's request handler under a real CloudWatchLogsClient.
describeLogs("the in-process request handler", async () => {
  const emulator = createEmulator({ requireInputData: false });
  const logs = emulator.logsClient(CloudWatchLogsClient);
  return { logs, emulator, close: async () => logs.destroy() };
});
