import { ScaledClock } from "@sagerun/transport";
import { createEmulator } from "../../src/index.js";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { startServer } from "../../src/http.js";
import { describeConformance } from "./describe-conformance.js";
import { awsJsonHeaders, CREDENTIALS, rawOf, REGION } from "./front-door.js";

// The HTTP door as boto3 and the AWS CLI meet it: the server's own defaults (real-time
// ScaledClock), the SDK pointed at it with `endpoint`, and the clock moved by the admin route.
describeConformance("HTTP server", async () => {
  const server = await startServer({
    port: 0,
    log: () => {},
    emulator: createEmulator({ requireInputData: false, clock: new ScaledClock() }),
  });
  const client = new SageMakerClient({ region: REGION, credentials: CREDENTIALS, endpoint: server.url, maxAttempts: 1 });
  return {
    client,
    post: async (target, body) => rawOf(await fetch(`${server.url}/`, { method: "POST", headers: awsJsonHeaders(target), body })),
    async advance(seconds) {
      const response = await fetch(`${server.url}/_sagerun/clock/advance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ seconds }),
      });
      if (!response.ok) throw new Error(`advance failed: ${response.status} ${await response.text()}`);
    },
    async close() {
      client.destroy();
      await server.close();
    },
  };
});
