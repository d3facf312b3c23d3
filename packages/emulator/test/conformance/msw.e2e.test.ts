import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { setupServer } from "msw/node";
import { sageMakerHandlers } from "../../src/msw.js";
import { manualEmulator } from "../fixtures.js";
import { describeConformance } from "./describe-conformance.js";
import { awsJsonHeaders, CREDENTIALS, rawOf, REGION, SAGEMAKER_URL } from "./front-door.js";

// The msw door: a client built with the SDK's default (node:http) handler, intercepted by msw.
describeConformance("msw with the SDK's default HTTP handler", async () => {
  const { clock, emulator } = manualEmulator();
  const server = setupServer(...sageMakerHandlers(emulator));
  server.listen({ onUnhandledRequest: "error" });
  const client = new SageMakerClient({ region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  return {
    client,
    post: async (target, body) => rawOf(await fetch(SAGEMAKER_URL, { method: "POST", headers: awsJsonHeaders(target), body })),
    advance: (seconds) => clock.advance(seconds * 1000),
    async close() {
      client.destroy();
      server.close();
    },
  };
});
