import { HttpRequest } from "@smithy/protocol-http";
import { describe, expect, it } from "vitest";
import { startServer } from "../../src/http.js";
import { createEmulator } from "../../src/index.js";

/**
 * An answer to HEAD has no body (RFC 9110 §9.3.2), whichever service answers it: the HTTP server
 * (node) and msw (front-doors/msw.ts) never send one, and the in-process handler must not either,
 * or a client reads bytes no real endpoint sends. Found by the reliability fuzz: a HEAD the router
 * gives to SageMaker (an unsigned request to a host that is not S3's) came back in-process with
 * its AWS JSON error body.
 */
describe("a HEAD answer has no body through every front door", () => {
  it("in-process: the SDK handler answers SageMaker's refusal of a HEAD with the status and headers only", async () => {
    const emulator = createEmulator();
    const { response } = await emulator.requestHandler.handle(
      new HttpRequest({ method: "HEAD", protocol: "https:", hostname: "api.sagemaker.us-east-1.amazonaws.com", path: "/", headers: {} }),
    );
    expect([response.statusCode, response.headers["x-amzn-errortype"]]).toEqual([400, "UnknownOperationException"]);
    expect((response.body as Uint8Array).byteLength).toBe(0);
  });

  it("over HTTP: the same request, the same answer", async () => {
    const server = await startServer({ port: 0, emulator: createEmulator(), log: () => {} });
    try {
      const response = await fetch(`${server.url}/`, { method: "HEAD", headers: { "x-amz-target": "SageMaker.ListTrainingJobs" } });
      expect([response.status, response.headers.get("x-amzn-errortype")]).toEqual([405, "MethodNotAllowedException"]);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    } finally {
      await server.close();
    }
  });
});
