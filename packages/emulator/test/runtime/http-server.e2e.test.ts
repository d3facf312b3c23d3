import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { startServer, type RunningServer } from "../../src/http.js";

const SIGNED_FOR_SAGEMAKER = {
  authorization: "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=0",
};

describe("SageMaker Runtime on the HTTP port: methods other than POST", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, emulator: createEmulator() });
  });
  afterAll(async () => server?.close());

  const refusal = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { method, headers });
    return {
      status: response.status,
      allow: response.headers.get("allow"),
      type: response.headers.get("x-amzn-errortype"),
      body: (await response.json()) as { __type: string; message: string },
    };
  };

  it("refuses them naming the service the router picked: SageMaker Runtime for an invocation path", async () => {
    for (const headers of [{}, SIGNED_FOR_SAGEMAKER]) {
      expect(await refusal("GET", "/endpoints/my-endpoint/invocations", headers)).toEqual({
        status: 405,
        allow: "POST",
        type: "MethodNotAllowedException",
        body: {
          __type: "MethodNotAllowedException",
          message: "The SageMaker Runtime API is served on POST only, got GET /endpoints/my-endpoint/invocations.",
        },
      });
    }
    const put = await refusal("PUT", "/endpoints/ep/async-invocations");
    expect(put.body.message).toBe("The SageMaker Runtime API is served on POST only, got PUT /endpoints/ep/async-invocations.");
  });

  it("still names SageMaker for any other path", async () => {
    const get = await refusal("GET", "/", SIGNED_FOR_SAGEMAKER);
    expect([get.status, get.body.message]).toEqual([405, "The SageMaker API is served on POST only, got GET /."]);
  });
});
