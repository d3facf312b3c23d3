import { HttpRequest } from "@smithy/protocol-http";
import { manualEmulator } from "../fixtures.js";
import { describeConformance } from "./describe-conformance.js";
import { awsJsonHeaders } from "./front-door.js";

// The in-process door: `new SageMakerClient({ requestHandler: emulator.requestHandler })`.
describeConformance("in-process requestHandler", async () => {
  const { clock, emulator, client } = manualEmulator();
  return {
    client,
    async post(target, body) {
      const request = new HttpRequest({ method: "POST", path: "/", headers: awsJsonHeaders(target), body: new TextEncoder().encode(body) });
      const { response } = await emulator.requestHandler.handle(request);
      return {
        status: response.statusCode,
        headers: response.headers,
        json: JSON.parse(new TextDecoder().decode(response.body as Uint8Array)) as Record<string, unknown>,
      };
    },
    advance: (seconds) => clock.advance(seconds * 1000),
    close: async () => client.destroy(),
  };
});
